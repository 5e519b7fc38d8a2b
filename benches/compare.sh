#!/usr/bin/env bash
# grdp against its NumPy peers, two models, whole process against whole
# process. Installs NumPy into target/peer-venv if missing.
#
# 1. The reference model (benches/peers/reference.toml: one year, four
#    correlated normal components, the aggregate target only): grdp
#    `simulate FILE` against benches/peers/numpy_mc.py reading the same file,
#    in its folded form (the copula, scales and weights folded into one
#    vector, as grdp folds them: the peer the ratio is measured against) and
#    with each component's growth computed (--components, shown beside it).
# 2. The full model: the built-in scenario (cantho-2025), one view (plan by
#    default), six plan years, uncertain weights, prices and population,
#    every target: grdp `simulate --view plan` against
#    benches/peers/numpy_full.py reading the same scenario, written out by
#    `grdp scenarios cantho-2025 -o` (the checker compares the files' SHA-256).
#
# Each part checks agreement (P, and for the full model every target, the
# mean and SD of target-year growth and each year's mean, within 4 combined
# standard errors; benches/peers/check_full.py) and prints each engine's
# throughput and the ratios: per core (grdp --threads 1 against NumPy on one
# core) and grdp on two cores (--threads 2) against NumPy on one. Exits 1
# when either part disagrees.
#
# Timing: every run is a whole process timed from outside (start-up, imports
# or loading, the run, the output), NumPy with OMP_NUM_THREADS=1
# OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 so that its BLAS stays on one core.
# The runs are interleaved and repeated REPEAT times; the table shows the
# fastest of each (the machine is shared: the fastest is the least disturbed).
# NumPy's own simulation-loop time is printed beside its whole-process time.
# grdp's process does more than the peers: its rank statistics, sensitivity
# table, feasibility curve and required growth on the first 131,072 draws,
# its histograms, and (full model) the year-so-far probability of the
# scenario's [known] block; the peers compute P, the targets and moments
# only. The record of past shortfalls (--optimism-bias) is off by default,
# so `grdp simulate --view plan` runs the one simulation the peer runs.
#
#   bash benches/compare.sh                                  # defaults below
#   N_RUST=100000000 N_FULL=10000000 REPEAT=5 bash benches/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."

N_RUST=${N_RUST:-50000000}        # reference model, grdp
N_PY=${N_PY:-$N_RUST}             # reference model, NumPy: the same job, so
                                  # each process's fixed start-up weighs alike
N_FULL=${N_FULL:-1000000}         # full model, grdp
N_FULL_PY=${N_FULL_PY:-$N_FULL}   # full model, NumPy
VIEW=${VIEW:-plan}                # full model: the view both run
REPEAT=${REPEAT:-3}               # timed runs of each; the fastest is shown
MODEL=benches/peers/reference.toml

cargo build --release --quiet
GRDP=${CARGO_TARGET_DIR:-target}/release/grdp

PY=python3
if ! "$PY" -c 'import numpy' 2>/dev/null; then
  VENV=target/peer-venv
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import numpy' 2>/dev/null; then
    echo "installing NumPy into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet numpy
  fi
  PY="$VENV/bin/python"
fi
ONE_CORE=(env OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$GRDP" scenarios cantho-2025 -o "$work/builtin.toml"

# timed NAME CMD...: runs CMD, its output to $work/NAME.json, and appends
# its wall-clock seconds (start end) to $work/NAME.time.
timed() {
  local name=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" > "$work/$name.json"
  end=$(date +%s.%N)
  echo "$start $end" >> "$work/$name.time"
  cp "$work/$name.json" "$work/$name.$(wc -l < "$work/$name.time").json"
}

for _ in $(seq "$REPEAT"); do
  timed ref-rust-1 "$GRDP" simulate "$MODEL" -n "$N_RUST" --seed 7 --threads 1 --format json -q
  timed ref-rust-2 "$GRDP" simulate "$MODEL" -n "$N_RUST" --seed 7 --threads 2 --format json -q
  timed ref-numpy "${ONE_CORE[@]}" "$PY" benches/peers/numpy_mc.py "$MODEL" -n "$N_PY" --seed 1
  timed ref-numpy-components "${ONE_CORE[@]}" "$PY" benches/peers/numpy_mc.py "$MODEL" -n "$N_PY" --seed 1 --components
  timed full-rust-1 "$GRDP" simulate --view "$VIEW" -n "$N_FULL" --seed 42 --threads 1 --format json -q
  timed full-rust-2 "$GRDP" simulate --view "$VIEW" -n "$N_FULL" --seed 42 --threads 2 --format json -q
  timed full-numpy "${ONE_CORE[@]}" "$PY" benches/peers/numpy_full.py "$work/builtin.toml" --view "$VIEW" -n "$N_FULL_PY" --seed 1
done

"$PY" - "$work" "$REPEAT" <<'PYEOF'
import glob, json, math, sys
sys.path.insert(0, "benches/peers")
from check_full import check

work, repeat = sys.argv[1], int(sys.argv[2])


spread = {}


def runs(name):
    """The first run's JSON, the fastest wall time, and (NumPy) the fastest loop time."""
    walls = [b - a for a, b in (map(float, l.split()) for l in open(f"{work}/{name}.time"))]
    docs = [json.load(open(f"{work}/{name}.{i}.json")) for i in range(1, len(walls) + 1)]
    loop = min((d["seconds"] for d in docs if "seconds" in d), default=None)
    spread[id(docs[0])] = (min(walls), max(walls))
    return docs[0], min(walls), loop


def table(unit, rows):
    print(f"{'engine':<24}{unit:>12}{'P':>9}{'seconds':>9}{'(all runs)':>13}{'M ' + unit + '/s':>15}{'loop only':>22}")
    for label, doc, secs, loop in rows:
        n, p = doc["scenarios"], doc["probability"]
        lo, hi = spread[id(doc)]
        extra = f"{loop:8.2f} s, {n / loop / 1e6:6.2f} M/s" if loop else ""
        print(f"{label:<24}{n:>12,}{p:>9.5f}{secs:>9.2f}{f'{lo:.2f}-{hi:.2f}':>13}{n / secs / 1e6:>15.2f}{extra:>22}")


ok = True
print(f"Timings: whole processes, the fastest of {repeat} interleaved runs; NumPy on one core.")

# 1. The reference model.
record = []
r1, w1, _ = runs("ref-rust-1")
r2, w2, _ = runs("ref-rust-2")
py, wp, lp = runs("ref-numpy")
pc, wc, lc = runs("ref-numpy-components")
z = abs(r1["probability"] - py["probability"]) / math.sqrt(r1["std_error"] ** 2 + py["std_error"] ** 2)
print(f"\n== 1. {r1['scenario']} (benches/peers/reference.toml), P(growth >= {r1['target_pct']}%)")
table("scenarios", [
    ("grdp, 1 thread", r1, w1, None),
    ("grdp, 2 threads", r2, w2, None),
    (f"NumPy {py['numpy']}, 1 core", py, wp, lp),
    ("  the same, --components", pc, wc, lc),
])
if pc["probability"] != py["probability"]:
    print("DISAGREE: the peer's two forms give different P on the same draws")
    ok = False
rate1, rate2 = r1["scenarios"] / w1, r2["scenarios"] / w2
rate_py, rate_py_loop = py["scenarios"] / wp, py["scenarios"] / lp
rate_pc = pc["scenarios"] / wc
peer = f"NumPy {py['numpy']}, folded, SFC64, 1 core, whole process"
record += [
    ("compare/reference/grdp_1_thread", rate1, peer, rate1 / rate_py),
    ("compare/reference/grdp_2_threads", rate2, peer, rate2 / rate_py),
]
print(f"ratio, one core each: {rate1 / rate_py:.1f}x; grdp on two cores: {rate2 / rate_py:.1f}x "
      f"(against NumPy's loop only: {rate1 / rate_py_loop:.1f}x, {rate2 / rate_py_loop:.1f}x); "
      f"grdp two threads over one: {rate2 / rate1:.2f}x")
print(f"against the peer with each component's growth computed (--components): "
      f"{rate1 / rate_pc:.1f}x one core each, {rate2 / rate_pc:.1f}x grdp on two cores")
print(f"agreement: |P_grdp - P_numpy| = {z:.2f} combined standard errors ({'ok' if z <= 4 else 'DISAGREE'})")
ok &= z <= 4

# 2. The full model.
f1, v1, _ = runs("full-rust-1")
f2, v2, _ = runs("full-rust-2")
fp, vp, lfp = runs("full-numpy")
print(f"\n== 2. The full model: {f1['scenario']} (built-in), view {f1['view']}, {len(f1['years'])} plan years, "
      f"{len(f1['targets'])} targets, P(growth {f1['target_year']} >= {f1['target_pct']}%)")
table("paths", [
    ("grdp, 1 thread", f1, v1, None),
    ("grdp, 2 threads", f2, v2, None),
    (f"NumPy {fp['numpy']}, 1 core", fp, vp, lfp),
])
rate1, rate2 = f1["scenarios"] / v1, f2["scenarios"] / v2
rate_py, rate_py_loop = fp["scenarios"] / vp, fp["scenarios"] / lfp
record += [
    ("compare/full/grdp_1_thread", rate1, f"NumPy {fp['numpy']}, SFC64, 1 core, whole process", rate1 / rate_py),
    ("compare/full/grdp_2_threads", rate2, f"NumPy {fp['numpy']}, SFC64, 1 core, whole process", rate2 / rate_py),
]
print(f"ratio, one core each: {rate1 / rate_py:.2f}x; grdp on two cores: {rate2 / rate_py:.2f}x "
      f"(against NumPy's loop only: {rate1 / rate_py_loop:.2f}x, {rate2 / rate_py_loop:.2f}x); "
      f"grdp two threads over one: {rate2 / rate1:.2f}x")
print(f"per path: grdp {v1 / f1['scenarios'] * 1e9:.0f} ns on one core, NumPy {vp / fp['scenarios'] * 1e9:.0f} ns "
      f"(whole process), {lfp / fp['scenarios'] * 1e9:.0f} ns (its loop)")
print("agreement (grdp --seed 42, NumPy --seed 1):")
failures, zmax = check(f1, fp)
if failures:
    print("DISAGREE: " + "; ".join(failures))
    ok = False
else:
    print("agreement: every quantity within 4 combined standard errors")
# The speed history (benches/history.csv): one row per grdp run, with the
# ratio to its peer (whole process against whole process).
import datetime, os, subprocess
sys.path.insert(0, "benches")
import record as history
when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
commit, machine = history.commit(), history.machine()
history.append([
    {"date": when, "commit": commit, "machine": machine, "benchmark": name,
     "value": f"{value / 1e6:.6g}", "unit": "M elements/s", "peer": peer, "peer_ratio": f"{ratio:.3g}"}
    for name, value, peer, ratio in record
])
print(f"appended {len(record)} rows to benches/history.csv")
sys.exit(0 if ok else 1)
PYEOF
