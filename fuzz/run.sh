#!/usr/bin/env bash
# Fuzzes the scenario and history loaders for a bounded time each (not in CI).
#
#   bash fuzz/run.sh            # 120 seconds a target
#   SECONDS_EACH=600 bash fuzz/run.sh
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). The toolchain here is
# stable; RUSTC_BOOTSTRAP=1 lets it accept the sanitizer flags cargo-fuzz
# passes. Seeds: the built-in scenario, the test corpus and the history.
# A crash is saved under fuzz/artifacts/<target>/; turn it into a case of
# tests/corpus/cases.toml (a regression test) before fixing it.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH=${SECONDS_EACH:-120}

mkdir -p corpus/scenario corpus/history
cp ../data/cantho/scenario-2025.toml ../tests/corpus/scenario/*.toml corpus/scenario/ 2>/dev/null || true
cp ../data/history.csv ../tests/corpus/history/*.csv corpus/history/ 2>/dev/null || true

for target in scenario history; do
  echo "== fuzzing $target for ${SECONDS_EACH}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$SECONDS_EACH" -max_len=65536
done
