"""Agreement of grdp's full model with its NumPy peer (numpy_full.py).

Reads `grdp simulate --view V --format json` and numpy_full.py's JSON for the
same scenario and view, and tests, each as |difference| over the combined
standard error of the two estimates:

- P of the growth target and of every target (binomial standard errors,
  sqrt(p (1 - p) / n) on each side), and P of all targets at once;
- the mean and the SD of target-year growth (the SD's standard error from
  the peer's fourth moment), and every plan year's mean growth (grdp gives
  no per-year SD: the peer's stands for both).

Prints one row per quantity and exits 1 when any is more than Z_MAX (4)
combined standard errors apart, when the two ran different scenario files
or views, or when their targets differ.

    python3 benches/peers/check_full.py grdp.json numpy.json
"""

import json
import math
import sys

Z_MAX = 4.0


def binomial_se(p, n):
    return math.sqrt(p * (1.0 - p) / n)


def z_score(diff, se):
    if se > 0:
        return abs(diff) / se
    return 0.0 if diff == 0 else math.inf


def check(grdp, peer, out=sys.stdout):
    """Prints the comparison; returns the list of failures (empty when they agree)."""
    failures = []
    nr, npy = grdp["scenarios"], peer["scenarios"]
    sha = grdp.get("metadata", {}).get("scenario_sha256")
    if sha and sha != peer["scenario_sha256"]:
        failures.append(f"different scenario files: grdp {sha[:12]}, peer {peer['scenario_sha256'][:12]}")
    if grdp["view"] != peer["view"]:
        failures.append(f"different views: grdp {grdp['view']}, peer {peer['view']}")
    if (grdp["target_year"], grdp["target_pct"]) != (peer["target_year"], peer["target_pct"]):
        failures.append("different growth targets")
    ids_r = [t["id"] for t in grdp["targets"]]
    ids_p = [t["id"] for t in peer["targets"]]
    if ids_r != ids_p:
        failures.append(f"different targets: grdp {ids_r}, peer {ids_p}")

    rows = []  # (what, grdp, peer, se, z)

    def prob(what, pr, pp):
        if pr is None or pp is None:
            if pr != pp:
                failures.append(f"{what}: known to one side only (grdp {pr}, peer {pp})")
            rows.append((what, pr, pp, None, None))
            return
        se = math.sqrt(binomial_se(pr, nr) ** 2 + binomial_se(pp, npy) ** 2)
        rows.append((what, pr, pp, se, z_score(pr - pp, se)))

    prob("P(growth target)", grdp["probability"], peer["probability"])
    by_id = {t["id"]: t for t in peer["targets"]}
    for t in grdp["targets"]:
        if t["id"] in by_id:
            prob(f"P {t['id']} ({t['year']}, {t['direction']})", t["probability"], by_id[t["id"]]["probability"])
    prob("P(all targets)", grdp["all_targets_probability"], peer["all_targets_probability"])

    sd = peer["sd_pp"]
    se = math.sqrt(grdp["sd_pp"] ** 2 / nr + sd ** 2 / npy)
    rows.append((f"mean growth {peer['target_year']}, %", grdp["mean_pct"], peer["mean_pct"], se,
                 z_score(grdp["mean_pct"] - peer["mean_pct"], se)))
    # The SD's standard error scales as 1/sqrt(n): the peer's, at each side's n.
    se = peer["sd_se"] * math.sqrt(npy / nr + 1.0)
    rows.append((f"SD of growth {peer['target_year']}, pp", grdp["sd_pp"], sd, se,
                 z_score(grdp["sd_pp"] - sd, se)))
    peer_years = {y["year"]: y for y in peer["years"]}
    for y in grdp.get("years", []):
        py = peer_years.get(y["year"])
        if y["year"] == peer["target_year"]:
            continue  # compared above
        if py is None:
            failures.append(f"year {y['year']} missing from the peer")
            continue
        se = py["sd_pp"] * math.sqrt(1.0 / nr + 1.0 / npy)
        rows.append((f"mean growth {y['year']}, %", y["mean_pct"], py["mean_pct"], se,
                     z_score(y["mean_pct"] - py["mean_pct"], se)))

    fmt = lambda v: "unknown" if v is None else f"{v:.6f}"
    print(f"{'':<50}{'grdp':>12}{'NumPy':>12}{'comb. SE':>11}{'z':>7}", file=out)
    for what, a, b, se, z in rows:
        flag = "" if z is None or z <= Z_MAX else "  DISAGREE"
        print(f"{what:<50}{fmt(a):>12}{fmt(b):>12}{fmt(se) if se is not None else '':>11}"
              f"{'' if z is None else f'{z:7.2f}'}{flag}", file=out)
        if z is not None and z > Z_MAX:
            failures.append(f"{what}: {z:.2f} combined standard errors apart")
    zs = [r[4] for r in rows if r[4] is not None]
    worst = max(range(len(rows)), key=lambda i: rows[i][4] if rows[i][4] is not None else -1)
    print(f"max z over {len(zs)} quantities: {max(zs):.2f} ({rows[worst][0]}); "
          f"paths at or below -100 %: grdp {grdp.get('paths_at_or_below_minus_100_pct')}, "
          f"NumPy {peer.get('paths_at_or_below_minus_100_pct')}", file=out)
    return failures, max(zs)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    grdp = json.load(open(sys.argv[1]))
    peer = json.load(open(sys.argv[2]))
    failures, _ = check(grdp, peer)
    if failures:
        print("DISAGREE: " + "; ".join(failures))
        sys.exit(1)
    print(f"agreement: every quantity within {Z_MAX:g} combined standard errors")


if __name__ == "__main__":
    main()
