#!/usr/bin/env bash
# Runs grdp's Monte Carlo engine and the NumPy peer (benches/peers/numpy_mc.py)
# on the same reference model (benches/peers/reference.toml), checks that
# they agree (P within 4 combined standard errors), and prints each one's
# throughput and the ratio. Installs NumPy into target/peer-venv if missing.
#
#   bash benches/compare.sh                       # defaults below
#   N_RUST=100000000 N_PY=20000000 bash benches/compare.sh
#
# Rust is timed from outside, as a whole process (start-up, the fixed cost of
# the rank statistics on its first 131,072 scenarios, and the run); NumPy
# times its own simulation loop only. The comparison therefore favours NumPy.
set -euo pipefail
cd "$(dirname "$0")/.."

N_RUST=${N_RUST:-50000000}
N_PY=${N_PY:-10000000}
MODEL=benches/peers/reference.toml

cargo build --release --quiet
GRDP=target/release/grdp

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

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_rust() {
  local threads=$1
  local start end
  start=$(date +%s.%N)
  "$GRDP" simulate "$MODEL" -n "$N_RUST" --seed 7 --threads "$threads" --format json -q > "$work/rust-$threads.json"
  end=$(date +%s.%N)
  echo "$start $end" > "$work/rust-$threads.time"
}

run_rust 1
run_rust 2
"$PY" benches/peers/numpy_mc.py "$MODEL" -n "$N_PY" --seed 1 > "$work/numpy.json"

"$PY" - "$work" <<'PYEOF'
import json, math, sys
work = sys.argv[1]
py = json.load(open(f"{work}/numpy.json"))
rows = []
for t in (1, 2):
    r = json.load(open(f"{work}/rust-{t}.json"))
    start, end = map(float, open(f"{work}/rust-{t}.time").read().split())
    rows.append((t, r, end - start))
r1 = rows[0][1]
z = abs(r1["probability"] - py["probability"]) / math.sqrt(r1["std_error"] ** 2 + py["std_error"] ** 2)
print(f"model: {r1['scenario']}, P(growth >= {r1['target_pct']}%)")
print(f"{'engine':<28}{'scenarios':>14}{'P':>10}{'seconds':>10}{'M scen/s':>10}")
for t, r, secs in rows:
    print(f"{'grdp, ' + str(t) + ' thread' + ('s' if t > 1 else ''):<28}{r['scenarios']:>14,}{r['probability']:>10.5f}{secs:>10.2f}{r['scenarios'] / secs / 1e6:>10.1f}")
print(f"{'NumPy ' + py['numpy'] + ', 1 process':<28}{py['scenarios']:>14,}{py['probability']:>10.5f}{py['seconds']:>10.2f}{py['scenarios_per_second'] / 1e6:>10.1f}")
rate1 = rows[0][1]["scenarios"] / rows[0][2]
rate2 = rows[1][1]["scenarios"] / rows[1][2]
print(f"ratio, one core each: {rate1 / py['scenarios_per_second']:.1f}x; grdp on two cores: {rate2 / py['scenarios_per_second']:.1f}x")
print(f"agreement: |P_grdp - P_numpy| = {z:.2f} combined standard errors ({'ok' if z <= 4 else 'DISAGREE'})")
sys.exit(0 if z <= 4 else 1)
PYEOF
