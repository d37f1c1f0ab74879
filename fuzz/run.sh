#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) from a corpus seeded with the shipped programs and
# packs. A crash fails the run and prints its reproducer, which belongs in the tests.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus/program" "$corpus/parse" "$corpus/fmt" "$corpus/pack"
for f in ../policies/examples/*.fair ../policies/programs/*.fair; do cp "$f" "$corpus/program/"; cp "$f" "$corpus/parse/"; cp "$f" "$corpus/fmt/"; done
find ../policies/fixtures -name '*.fair' -exec sh -c 'for f; do cp "$f" "$0/$(echo "$f" | tr / _)"; done' "$corpus/program" {} +
cp ../policies/standards/*.rules "$corpus/pack/"
for target in program parse pack fmt; do
  echo "== fuzzing $target for ${seconds}s"
  log="$corpus/$target.log"
  if ! cargo +nightly fuzz run "$target" "$corpus/$target" -- \
      -max_total_time="$seconds" -dict=dict/fair.dict -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
      >"$log" 2>&1; then
    tail -n 60 "$log"
    for crash in artifacts/"$target"/*; do
      [ -f "$crash" ] || continue
      echo "== reproducer $crash (base64):"
      base64 -w0 "$crash"; echo
    done
    exit 1
  fi
  grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$log" | tail -n 1 || tail -n 3 "$log"
done
