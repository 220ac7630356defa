#!/usr/bin/env bash
# Build the web app (release: what users get) and serve it on http://127.0.0.1:8080.
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/setup.sh" web
cd "$ROOT"
say "building and serving the web app at http://127.0.0.1:8080/ (Ctrl-C stops)"
with_wasm_release_env trunk serve --release --address 127.0.0.1 --port 8080 "$@"
