#!/usr/bin/env bash
# Run every test: native cargo tests, wasm-bindgen tests in headless Chromium, and end-to-end
# tests of the built page in headless Chromium. Installs whatever is missing first.
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/setup.sh" all
cd "$ROOT"

say "native tests (cargo test)"
cargo test --all-targets

say "browser tests (wasm-bindgen-test in headless Chromium)"
# The whole suite runs in one page; its slowest tests run millions of VM instructions in a debug
# build, which on a loaded 2-core machine outlasts the runner's default 20 s.
CHROMEDRIVER="$CHROMEDRIVER" \
WASM_BINDGEN_TEST_TIMEOUT=600 \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    with_wasm_env cargo test --target wasm32-unknown-unknown --bin loopscope-web

say "building the web app for the end-to-end tests (trunk build --release)"
with_wasm_release_env trunk build --release
# Two modules: the page's (the UI) and the engine's, which only the run worker loads.
for wasm in dist/*.wasm; do
    printf '    %s: %s bytes, %s gzipped\n' "$(basename "$wasm")" "$(wc -c <"$wasm")" \
        "$(gzip -9 -c "$wasm" | wc -c)"
done
# The Python modules the engine fetches when a script imports one (each file gzipped alone).
py_gz=0
for f in dist/py/*.py; do py_gz=$((py_gz + $(gzip -9 -c "$f" | wc -c))); done
printf '    py/ (%s modules fetched on import): %s bytes, %s gzipped file by file\n' \
    "$(ls dist/py/*.py | wc -l)" "$(cat dist/py/*.py | wc -c)" "$py_gz"

say "end-to-end tests (node --test, playwright-core driving $CHROMIUM)"
CHROMIUM="$CHROMIUM" node --test tests/e2e/
