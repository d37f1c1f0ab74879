#!/usr/bin/env bash
# Builds the playground: the engine compiled to WebAssembly, with its JavaScript bindings, into
# web/pkg/, and reports the size of the .wasm file. `web/build.sh --serve` then serves web/ at
# http://localhost:8000 (any static file server will do: the page sends nothing anywhere).
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli at the version of the
# `wasm-bindgen` crate in Cargo.lock (`.ci/run` installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile wasm --target wasm32-unknown-unknown -p fairpath-web
wasm-bindgen --target web --no-typescript --out-dir web/pkg \
  target/wasm32-unknown-unknown/wasm/fairpath_web.wasm
size=$(wc -c < web/pkg/fairpath_web_bg.wasm)
gz=$(gzip -9 -c web/pkg/fairpath_web_bg.wasm | wc -c)
echo "web/pkg/fairpath_web_bg.wasm: $size bytes ($gz gzipped)"
if [ "${1:-}" = "--serve" ]; then
  echo "playground: http://localhost:8000/"
  exec python3 -m http.server 8000 --bind 127.0.0.1 --directory web
fi
