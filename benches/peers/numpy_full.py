"""The NumPy peer of grdp's full general-path model, one view at a time.

What it models (learnt from the Rust: crates/montecarlo/src/model.rs and
engine/path.rs, crates/core/src/step.rs and targets.rs, and the scenario
loader crates/scenario/src/uncertainty.rs), for every plan year in turn:

- uncertain base weights: each component's constant-2010-price weight plus a
  normal shock (`constant_weight_sd_pp`), clamped at zero and renormalised,
  drawn once per path before the first year;
- sector growth: a Gaussian copula. Latent scores `x = L z` with `L` the
  Cholesky factor of the latent correlation `2 sin(pi rho / 6)` of the rank
  correlation `rho`; persistence makes them AR(1) across years,
  `e_t = phi e_(t-1) + sqrt(1 - phi^2) x_t`; each component's marginal turns
  `e` into growth (percent), centred as the view says (plan, as written,
  plan minus a shortfall, or given growth); growth is floored at -100 %;
- aggregate real growth `G = sum w_i g_i` with last year's constant-price
  weights, which then roll forward, `w_i <- w_i (1 + g_i/100) / sum(...)`;
- current prices: a common GRDP deflator sets one price change `c` for every
  component so that the implicit deflator grows by exactly the plan's, then
  each component's deflator takes its own normal shock
  (`price_growth_sd_pp`); or per-component deflators; current-price levels
  `Y_i <- Y_i (1 + g_i/100)(1 + pi_i)`, nominal growth, structure shares;
- population (growth plus a normal shock, `population_growth_sd_pp`) and
  employment, hence GRDP per capita, labour productivity and its real growth;
- every `[[target]]` in a plan year, met as grdp meets it (inclusive bounds,
  by direction: at least, at most, within), and the main target: aggregate
  growth at or above the earliest aggregate growth minimum.

The random numbers differ from grdp's (NumPy's PCG64 and its ziggurat against
grdp's xoshiro256++ and its own), so the two agree in distribution, not draw
by draw. Normals per path as grdp draws them: k for the weights, then per
year k for growth, k for prices, 1 for population (58 for the built-in).

Left out: marginals other than `normal` and `fixed` (grdp tabulates the
others' quantile functions; the built-in scenario uses normal ones only: the
peer refuses anything else, loudly); the record of past shortfalls
(`--optimism-bias`, off by default in `grdp simulate`); `[known]` (grdp's
`given_known` is worked out after the simulation from its histogram, not
simulated); period targets (grdp's simulation does not test them either);
and the descriptive extras grdp computes besides P (histogram quantiles, the
sensitivity table and tornado, feasibility curve, required growth, achieved
correlation on the first 131,072 paths).

Units, as in grdp: growth, shares and sd_pp are percent (or percentage
points) in the scenario; deflator, population and employment growth are
used as fractions inside the step; levels are billion VND at current
prices; per capita and productivity million VND (billion / thousand).

    python3 benches/peers/numpy_full.py                    # built-in file, plan view, 10^6 paths
    python3 benches/peers/numpy_full.py data/cantho/scenario-2025.toml --view plan -n 1000000 --seed 1

Prints one JSON document: scenarios, probability of the growth target, its
standard error, mean and SD of target-year growth, each plan year's mean and
SD, the probability of every target (a list keyed by id, as
`grdp simulate --format json` gives it), the seconds of the simulation loop
and the throughput.
"""

import argparse
import hashlib
import json
import math
import sys
import time
import tomllib
from pathlib import Path

import numpy as np

DEFAULT_SCENARIO = Path(__file__).resolve().parents[2] / "data/cantho/scenario-2025.toml"

# What grdp refuses: a marginal putting this share of draws at or below -100 %.
MAX_COLLAPSE_PROBABILITY = 1e-4


def num(v):
    """A number, or a sourced table { value = ... } as grdp's files write them."""
    return v["value"] if isinstance(v, dict) else v


def per_component(table, ids, what):
    missing = [i for i in ids if i not in table]
    if missing:
        sys.exit(f"{what}: no value for {', '.join(missing)}")
    return np.array([float(num(table[i])) for i in ids])


def default_direction(indicator, lo, hi):
    """grdp_core::targets::Direction::default_for."""
    if lo is not None and hi is None:
        return "at_least"
    if lo is None and hi is not None:
        return "at_most"
    return "within" if indicator in ("share_current_pct", "deflator_growth_pct") else "at_least"


def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


class Model:
    """A scenario compiled for one view: the inputs of the vectorised loop."""

    def __init__(self, path, view_id=None):
        raw = Path(path).read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        s = tomllib.loads(raw.decode("utf-8"))
        self.name = s["scenario"]["name"]
        ids = [c["id"] for c in s["components"]]
        self.ids, k = ids, len(ids)
        self.k = k
        b = s["base"]

        # Base constant-price weights, fractions summing to 1 (grdp normalises
        # the percent it reads, or divides levels by their total).
        if "constant_weight_pct" in b:
            w = per_component(b["constant_weight_pct"], ids, "base.constant_weight_pct")
        else:
            w = per_component(b["constant_bn_vnd"], ids, "base.constant_bn_vnd")
        self.base_weights = w / w.sum()

        # Base current-price levels, billion VND: given, or total x share / sum of shares.
        if "current_bn_vnd" in b:
            self.base_current = per_component(b["current_bn_vnd"], ids, "base.current_bn_vnd")
        elif "grdp_current_bn_vnd" in b:
            sh = per_component(b["share_current_pct"], ids, "base.share_current_pct")
            self.base_current = float(num(b["grdp_current_bn_vnd"])) * sh / sh.sum()
        else:
            self.base_current = None
        self.base_population = float(num(b["population_thousand"])) if "population_thousand" in b else None
        self.base_employed = float(num(b["employed_thousand"])) if "employed_thousand" in b else None

        plan = s["plan"]
        self.years = [int(p["year"]) for p in plan]
        planned = np.array([per_component(p["growth_pct"], ids, f"plan.{p['year']}.growth_pct") for p in plan])
        # Prices per year: ("common", p) with p a fraction, ("per", vector of
        # fractions), or None (current-price figures unknown from then on).
        self.prices = []
        for p in plan:
            if "deflator_growth_pct" in p:
                self.prices.append(("common", float(num(p["deflator_growth_pct"])) / 100.0))
            elif "price_growth_pct" in p:
                self.prices.append(("per", per_component(p["price_growth_pct"], ids, "plan.price_growth_pct") / 100.0))
            else:
                self.prices.append(None)
        frac = lambda p, key: float(num(p[key])) / 100.0 if key in p else None
        self.population_growth = [frac(p, "population_growth_pct") for p in plan]
        self.employment_growth = [frac(p, "employment_growth_pct") for p in plan]

        u = s.get("uncertainty")
        if u is None:
            sys.exit("the scenario has no [uncertainty] block")
        views = u.get("view") or [{"id": "plan", "centre": "plan"}]
        if view_id is None:
            view = views[0]
        else:
            found = [v for v in views if v["id"] == view_id]
            if not found:
                sys.exit(f"no view `{view_id}`; the scenario has: {', '.join(v['id'] for v in views)}")
            view = found[0]
        self.view = view["id"]

        # Each year's and component's growth as mu + sd * e (percent). A view
        # moves the marginal so that its mean is the view's centre; for a
        # normal the mean is its `mean` (the plan where left out).
        self.mu = np.zeros((len(plan), k))
        self.sd = np.zeros((len(plan), k))
        by_year = u.get("by_year", {})
        for t, year in enumerate(self.years):
            for i, cid in enumerate(ids):
                m = by_year.get(str(year), {}).get(cid) or u["growth"].get(cid) or {"distribution": "fixed"}
                dist = m["distribution"]
                if dist == "normal":
                    written = float(m["mean"]) if "mean" in m else planned[t, i]
                    sd = float(m["sd"])
                elif dist == "fixed":
                    written, sd = planned[t, i], 0.0
                else:
                    sys.exit(f"the peer handles normal and fixed marginals only; {cid} in {year} is {dist}")
                c = view["centre"]
                if c == "plan":
                    centre = planned[t, i]
                elif c == "as_written":
                    centre = written
                elif c == "plan_minus":
                    centre = planned[t, i] - float(num(view["shortfall_pp"]))
                elif c == "growth":
                    centre = float(num(view["growth_pct"][cid]))
                else:
                    sys.exit(f"unknown centre {c}")
                self.mu[t, i] = centre
                self.sd[t, i] = sd
                # grdp refuses a view putting 1 in 10^4 draws at or below -100 %.
                collapse = (1.0 if centre <= -100 else 0.0) if sd == 0 else normal_cdf((-100.0 - centre) / sd)
                if collapse >= MAX_COLLAPSE_PROBABILITY:
                    sys.exit(f"{cid} in {year}: {collapse:.2%} of draws at or below -100 % under view {self.view}")

        rank = u.get("rank_correlation")
        if rank is not None:
            rho = np.array(rank, dtype=float)
            latent = 2.0 * np.sin(np.pi * rho / 6.0)  # Pearson of the Gaussian copula for Spearman rho
            np.fill_diagonal(latent, 1.0)
            self.chol = np.linalg.cholesky(latent)
        else:
            self.chol = None
        self.persistence = float(u.get("persistence", 0.0))

        inputs = u.get("inputs", {})
        # Input spreads are written in percentage points; the step uses fractions.
        def sd_vector(key):
            if key not in inputs:
                return None
            v = per_component(inputs[key], ids, f"uncertainty.inputs.{key}") / 100.0
            return v if (v > 0).any() else None
        self.weight_sd = sd_vector("constant_weight_sd_pp")
        self.price_sd = sd_vector("price_growth_sd_pp")
        p = float(num(inputs["population_growth_sd_pp"])) / 100.0 if "population_growth_sd_pp" in inputs else 0.0
        self.population_sd = p if p > 0 else None

        # Targets in plan years, as grdp compiles them (model.rs compile_targets).
        self.targets = []
        for t in s.get("target", []):
            if int(t["year"]) not in self.years:
                continue
            ind = t["indicator"]
            comp = ids.index(t["component"]) if "component" in t else None
            if comp is None and ind in ("share_current_pct", "contribution_pp"):
                continue
            lo, hi = t.get("min"), t.get("max")
            lo = None if lo is None else float(num(lo))
            hi = None if hi is None else float(num(hi))
            d = t.get("direction") or default_direction(ind, lo, hi)
            met_lo = -math.inf if lo is None or d == "at_most" else lo
            met_hi = math.inf if hi is None or d == "at_least" else hi
            self.targets.append(dict(id=t["id"], year=int(t["year"]), t=self.years.index(int(t["year"])),
                                     indicator=ind, component=comp, direction=d, lo=met_lo, hi=met_hi))
        mains = [(int(t["year"]), float(num(t["min"]))) for t in s.get("target", [])
                 if t["indicator"] == "growth_pct" and "component" not in t and "min" in t]
        if not mains:
            sys.exit("no aggregate growth target with a minimum")
        self.main_year, self.threshold = min(mains, key=lambda m: m[0])
        if self.main_year not in self.years:
            sys.exit(f"the growth target's year {self.main_year} is not a plan year")
        self.main_t = self.years.index(self.main_year)
        self.needs_levels = any(t["indicator"] not in ("growth_pct", "contribution_pp") for t in self.targets)


def simulate(M, n, seed, chunk):
    """Counts over n paths, drawn in chunks of whole arrays of shape
    (components, paths): one row per component, contiguous over paths."""
    rng = np.random.default_rng(seed)
    k, T, nt = M.k, len(M.years), len(M.targets)
    met = np.zeros(nt, dtype=np.int64)
    unknown = np.zeros(nt, dtype=np.int64)
    hits = all_met = collapsed = 0
    # Sums of (G - ref)^p per year, p = 1, 2 (and 3, 4 in the target year),
    # about a reference near the mean (the plan's aggregate), so that the
    # moments do not cancel.
    ref = np.zeros(T)
    w_det = M.base_weights.copy()
    for t in range(T):
        ref[t] = w_det @ M.mu[t]
        w_det = w_det * (1 + M.mu[t] / 100)
        w_det /= w_det.sum()
    moments = np.zeros((T, 4))
    levels0 = M.needs_levels and M.base_current is not None
    rho = M.persistence
    innovation = math.sqrt(1.0 - rho * rho)
    L = M.chol
    mu = [M.mu[t][:, None] for t in range(T)]
    sd = [M.sd[t][:, None] for t in range(T)]
    wsd = None if M.weight_sd is None else M.weight_sd[:, None]
    psd = None if M.price_sd is None else M.price_sd[:, None]
    by_year = [[(j, tg) for j, tg in enumerate(M.targets) if tg["t"] == t] for t in range(T)]

    done = 0
    while done < n:
        m = min(chunk, n - done)
        ok_all = np.ones(m, dtype=bool)
        # The path's start: base weights, perturbed where they are uncertain.
        if wsd is not None:
            w = M.base_weights[:, None] + wsd * rng.standard_normal((k, m))
            np.maximum(w, 0.0, out=w)
            total = w.sum(axis=0)
            bad = total <= 0.0
            if bad.any():  # every weight clamped to zero: grdp keeps the base weights
                w[:, bad] = M.base_weights[:, None]
                total[bad] = 1.0
            w /= total
        else:
            w = np.repeat(M.base_weights[:, None], m, axis=1)
        levels = levels0
        Y = np.repeat(M.base_current[:, None], m, axis=1) if levels else None
        y_total = np.full(m, M.base_current.sum()) if levels else None
        pop = M.base_population          # thousand persons: a scalar until shocked
        emp = M.base_employed
        e = np.empty((k, m))
        g = np.empty((k, m))
        vf = np.empty((k, m))
        floored = None
        for t in range(T):
            x = rng.standard_normal((k, m))
            if L is not None:
                x = L @ x                    # correlated latent scores
            if t > 0 and rho > 0.0:          # AR(1) of the latent scores across years
                e *= rho
                e += innovation * x
            else:
                e[...] = x
            np.multiply(sd[t], e, out=g)     # growth, percent at constant 2010 prices
            g += mu[t]
            if g.min() <= -100.0:            # a sector can lose all its output, not more
                low = (g <= -100.0).any(axis=0)
                floored = low if floored is None else floored | low
                np.maximum(g, -100.0, out=g)
            np.multiply(g, 0.01, out=vf)     # volume factor 1 + g/100 (>= 0 after the floor)
            vf += 1.0
            G = np.einsum("ij,ij->j", w, g)  # aggregate real growth, percent

            # Current prices, population, employment (crates/core/src/step.rs).
            tot = nominal = None
            price = M.prices[t]
            if levels and price is None:
                levels = False               # unknown prices: current figures unknown from now on
            if levels:
                Yv = Y * vf                  # this year's volumes at last year's prices
                if price[0] == "common":
                    # One price change c for all: (1 + c) sum Yv = (1 + p)(1 + G/100) sum Y.
                    factor = (1.0 + price[1]) * (1.0 + 0.01 * G) * y_total / Yv.sum(axis=0)
                    if psd is not None:      # then each component's own deflator shock
                        Ynext = Yv * (factor + psd * rng.standard_normal((k, m)))
                    else:
                        Ynext = Yv * factor
                else:
                    p = 1.0 + price[1][:, None]
                    if psd is not None:
                        p = p + psd * rng.standard_normal((k, m))
                    Ynext = Yv * p
                tot = Ynext.sum(axis=0)      # GRDP at current prices, billion VND
                nominal = 100.0 * (tot / y_total - 1.0)
                moves = pop is not None and M.population_growth[t] is not None
                # grdp draws the population shock only where current prices are tracked.
                shock = M.population_sd * rng.standard_normal(m) if (moves and M.population_sd) else 0.0
            else:
                shock = 0.0
            gp, ge = M.population_growth[t], M.employment_growth[t]
            pop = pop * (1.0 + gp + shock) if (pop is not None and gp is not None) else None
            emp = emp * (1.0 + ge) if (emp is not None and ge is not None) else None

            d = G - ref[t]
            d2 = d * d
            moments[t, :2] += (d.sum(), d2.sum())
            if t == M.main_t:
                hits += int(np.count_nonzero(G >= M.threshold))
                moments[t, 2:] += ((d2 * d).sum(), (d2 * d2).sum())  # for the SD's standard error

            for j, tg in by_year[t]:
                v = value(tg, G, g, w, Ynext if levels else None, tot, nominal, pop, emp, ge)
                if v is None:
                    unknown[j] += m
                    ok_all[:] = False
                    continue
                if tg["hi"] == math.inf:
                    ok = v >= tg["lo"]
                elif tg["lo"] == -math.inf:
                    ok = v <= tg["hi"]
                else:
                    ok = (v >= tg["lo"]) & (v <= tg["hi"])
                met[j] += int(np.count_nonzero(ok))
                ok_all &= ok

            # Roll forward: this year's constant-price structure weighs next year.
            w *= vf
            w /= w.sum(axis=0)
            if levels:
                Y, y_total = Ynext, tot
        all_met += int(np.count_nonzero(ok_all))
        if floored is not None:
            collapsed += int(np.count_nonzero(floored))
        done += m
    return dict(hits=hits, met=met, unknown=unknown, all_met=all_met, collapsed=collapsed,
                moments=moments, ref=ref)


def value(tg, G, g, w, Y, tot, nominal, pop, emp, ge):
    """The target's indicator over the chunk, or None where an input is unknown."""
    ind, i = tg["indicator"], tg["component"]
    if ind == "growth_pct":
        return G if i is None else g[i]
    if ind == "contribution_pp":
        return w[i] * g[i]                   # percentage points
    if ind == "labour_productivity_growth_pct":
        return None if ge is None else 100.0 * ((1.0 + 0.01 * G) / (1.0 + ge) - 1.0)
    if tot is None:
        return None
    if ind == "share_current_pct":
        return 100.0 * Y[i] / tot            # percent of GRDP at current prices
    if ind == "nominal_growth_pct":
        return nominal
    if ind == "deflator_growth_pct":
        return 100.0 * ((1.0 + 0.01 * nominal) / (1.0 + 0.01 * G) - 1.0)
    if ind == "grdp_current_bn_vnd":
        return tot
    if ind == "grdp_per_capita_mn_vnd":
        return None if pop is None else tot / pop   # billion / thousand = million VND
    if ind == "labour_productivity_mn_vnd":
        return None if emp is None else tot / emp
    sys.exit(f"unknown indicator {ind}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario", nargs="?", default=str(DEFAULT_SCENARIO))
    ap.add_argument("--view", default=None, help="view id (default: the scenario's first)")
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=1 << 14,
                    help="paths per whole-array step (16,384: a year's (4, chunk) arrays stay in L2)")
    a = ap.parse_args()
    M = Model(a.scenario, a.view)
    start = time.perf_counter()
    r = simulate(M, a.n, a.seed, a.chunk)
    seconds = time.perf_counter() - start
    n = a.n
    se = lambda p: math.sqrt(p * (1.0 - p) / n)
    years = []
    for t, year in enumerate(M.years):
        s1, s2, s3, s4 = r["moments"][t] / n
        mean = r["ref"][t] + s1
        m2 = s2 - s1 * s1                                   # central moments
        sd = math.sqrt(m2 * n / (n - 1))
        years.append(dict(year=year, mean_pct=mean, sd_pct=sd, mean_se=sd / math.sqrt(n)))
        if t == M.main_t:
            m4 = s4 - 4 * s3 * s1 + 6 * s2 * s1 ** 2 - 3 * s1 ** 4
            # Standard error of the sample SD: sqrt((m4 - m2^2) / n) / (2 sd).
            years[-1]["sd_se"] = math.sqrt(max(m4 - m2 * m2, 0.0) / n) / (2.0 * sd)
    main_year = years[M.main_t]
    p = r["hits"] / n
    targets = []
    for j, tg in enumerate(M.targets):
        known = n - int(r["unknown"][j])
        q = r["met"][j] / n if known == n else None
        targets.append(dict(id=tg["id"], year=tg["year"], direction=tg["direction"],
                            probability=q, std_error=None if q is None else se(q)))
    print(json.dumps({
        "scenario": M.name,
        "scenario_sha256": M.sha256,
        "view": M.view,
        "scenarios": n,
        "seed": a.seed,
        "chunk": a.chunk,
        "target_year": M.main_year,
        "target_pct": M.threshold,
        "probability": p,
        "std_error": se(p),
        "mean_pct": main_year["mean_pct"],
        "sd_pct": main_year["sd_pct"],
        "mean_se": main_year["mean_se"],
        "sd_se": main_year["sd_se"],
        "years": years,
        "targets": targets,
        "all_targets_probability": r["all_met"] / n,
        "paths_at_or_below_minus_100_pct": r["collapsed"],
        "seconds": seconds,
        "scenarios_per_second": n / seconds,
        "numpy": np.__version__,
    }, indent=1))


if __name__ == "__main__":
    main()
