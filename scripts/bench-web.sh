#!/usr/bin/env bash
# The browser frame-time benchmark (issue 6): builds the web app for release (as
# scripts/test.sh does) and runs tests/e2e/bench-steps.mjs on it in headless Chromium: a
# script with 1,000 concurrent tasks, each granularity stepped forward and back N times,
# the median, p95 and worst frame time of each. Frame times are wall-clock: run it on a
# quiet machine (it prints the load average with each row).
# usage: scripts/bench-web.sh [--no-build] [DIST_DIR]   env: N (steps each way, 30), SCRIPT
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
build=1
if [ "${1:-}" = "--no-build" ]; then
    build=0
    shift
fi
dist="${1:-$ROOT/dist}"
if [ "$build" = 1 ]; then
    say "building the web app (trunk build --release)"
    with_wasm_release_env trunk build --release
fi
say "stepping 1,000 tasks in headless Chromium ($CHROMIUM)"
CHROMIUM="$CHROMIUM" node tests/e2e/bench-steps.mjs "$dist"
