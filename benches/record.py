"""Appends the latest criterion results to benches/history.csv, the
machine-readable record of model speed across commits.

    cargo bench                      # or one --bench
    python3 benches/record.py        # appends one row a benchmark run
    cargo run --release -p grdp-report --example speed_history   # redraws benches/history.png

Each row: date (UTC), commit (short hash, `+dirty` when the tree has
changes), machine (cores and CPU model), benchmark (criterion's id), value
and unit (millions of elements a second where the benchmark declares a
throughput, else nanoseconds), and peer / peer_ratio where the row compares
grdp with a peer (benches/compare.sh writes those). Only results newer than
the history's last row for that benchmark are added, so running it twice
adds nothing.
"""

import csv
import datetime
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
HISTORY = ROOT / "benches" / "history.csv"
HEADER = ["date", "commit", "machine", "benchmark", "value", "unit", "peer", "peer_ratio"]


def commit():
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return head + ("+dirty" if dirty else "")


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}"


def append(rows):
    new = not HISTORY.exists()
    with open(HISTORY, "a", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        if new:
            w.writerow(HEADER)
        for r in rows:
            w.writerow([r.get(k, "") for k in HEADER])


def recorded():
    """The modification times already recorded, by benchmark (to skip repeats)."""
    seen = {}
    if HISTORY.exists():
        for r in csv.DictReader(open(HISTORY, encoding="utf-8")):
            seen.setdefault(r["benchmark"], set()).add(r["date"])
    return seen


def criterion_rows():
    base = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "criterion"
    seen = recorded()
    rows = []
    for est in sorted(base.glob("**/new/estimates.json")):
        bench_file = est.parent / "benchmark.json"
        if not bench_file.exists():
            continue
        bench = json.load(open(bench_file, encoding="utf-8"))
        median_ns = json.load(open(est, encoding="utf-8"))["median"]["point_estimate"]
        when = datetime.datetime.fromtimestamp(est.stat().st_mtime, datetime.timezone.utc)
        date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        name = bench.get("full_id") or bench.get("title")
        if date in seen.get(name, set()):
            continue
        throughput = bench.get("throughput") or {}
        elements = throughput.get("Elements")
        if elements:
            value, unit = elements / median_ns * 1e3, "M elements/s"
        else:
            value, unit = median_ns, "ns"
        rows.append({"date": date, "benchmark": name, "value": f"{value:.6g}", "unit": unit})
    return rows


def main():
    rows = criterion_rows()
    c, m = commit(), machine()
    for r in rows:
        r["commit"], r["machine"] = c, m
    append(rows)
    print(f"appended {len(rows)} row(s) to {HISTORY.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
