#!/usr/bin/env bash
# Whole-process figures `cargo bench` cannot take: start-up of one `fairpath check`, and a batch
# of 10,000 programs (the corpus and the examples, copied) with its wall time and peak memory.
# Usage: benches/scale.sh [PROGRAMS]   (default 10000). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release --quiet
bin=target/release/fairpath
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sources=(policies/programs/*.fair policies/examples/*.fair)
mkdir "$work/batch"
for ((i = 0; i < n; i++)); do
  cp "${sources[i % ${#sources[@]}]}" "$work/batch/$i.fair"
done

echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

# Start-up and one small program: the mean of 200 runs.
example=policies/examples/seasonal-agriculture.fair
start=$(date +%s%N)
for ((i = 0; i < 200; i++)); do "$bin" check "$example" >/dev/null || true; done
end=$(date +%s%N)
echo "one \`check\` process: $(((end - start) / 200000)) µs (mean of 200)"

for format in table json; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" check "$work/batch" --format "$format" \
    --fail-on never >"$work/out" 2>/dev/null
  read -r secs kib <"$work/time"
  echo "$n programs, --format $format: ${secs} s, peak memory $((kib / 1024)) MB, report $(($(stat -c %s "$work/out") / 1048576)) MB"
done
