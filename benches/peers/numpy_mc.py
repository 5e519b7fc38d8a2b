"""The NumPy peer of grdp's Monte Carlo engine: the same model, written the
way an economist would write it, vectorised in chunks.

Reads a grdp scenario (TOML): the base constant-price weights, the first plan
year's growth (the centre of each normal), each component's standard
deviation, the rank correlation (turned into the Gaussian copula's latent
correlation, 2 sin(pi rho / 6), as grdp does), and the aggregate growth target.
Prints JSON: scenarios, probability, standard error, seconds, throughput.

    python3 benches/peers/numpy_mc.py benches/peers/reference.toml -n 10000000 --seed 1
"""

import argparse
import json
import math
import sys
import time
import tomllib

import numpy as np


def value(v):
    """A number, or a table { value = ... } as grdp writes sourced numbers."""
    return v["value"] if isinstance(v, dict) else v


def load(path):
    with open(path, "rb") as f:
        s = tomllib.load(f)
    ids = [c["id"] for c in s["components"]]
    w = np.array([value(s["base"]["constant_weight_pct"][i]) for i in ids]) / 100.0
    w = w / w.sum()
    plan = s["plan"][0]
    mu = np.array([value(plan["growth_pct"][i]) for i in ids])
    u = s["uncertainty"]
    sd = np.array([u["growth"][i]["sd"] for i in ids])
    for i in ids:
        if u["growth"][i]["distribution"] != "normal":
            sys.exit(f"the peer handles normal marginals only; {i} is {u['growth'][i]['distribution']}")
    rho = np.array(u.get("rank_correlation", np.eye(len(ids))), dtype=float)
    latent = 2.0 * np.sin(np.pi * rho / 6.0)
    np.fill_diagonal(latent, 1.0)
    target = next(t["min"] for t in s["target"] if t["indicator"] == "growth_pct" and "component" not in t)
    return w, mu, sd, np.linalg.cholesky(latent), target


def simulate(w, mu, sd, chol, target, n, seed, chunk=1_000_000):
    rng = np.random.default_rng(seed)
    hits = 0
    done = 0
    while done < n:
        m = min(chunk, n - done)
        z = rng.standard_normal((m, len(w)))
        growth = mu + (z @ chol.T) * sd          # each component's growth, percent
        aggregate = growth @ w                    # GRDP growth, percent
        hits += int(np.count_nonzero(aggregate >= target))
        done += m
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("-n", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    w, mu, sd, chol, target = load(a.scenario)
    start = time.perf_counter()
    hits = simulate(w, mu, sd, chol, target, a.n, a.seed)
    seconds = time.perf_counter() - start
    p = hits / a.n
    print(json.dumps({
        "scenarios": a.n,
        "probability": p,
        "std_error": math.sqrt(p * (1 - p) / a.n),
        "seconds": seconds,
        "scenarios_per_second": a.n / seconds,
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
