#!/usr/bin/env bash
# Fuzz loopscope's untrusted-input surfaces with cargo-fuzz (libFuzzer):
#   scripts/fuzz.sh                 # every target for 60 s each
#   scripts/fuzz.sh parse 600       # one target (lex, parse, compile, run) for 600 s
# The corpus starts from every Python script in the repository and grows in fuzz/corpus/;
# crashes land in fuzz/artifacts/<target>/ (turn each into a regression test in tests/fuzz_regressions.rs).
# Leak detection is off: object cycles (a frame holding its own exception, say) are reclaimed
# by no one in a refcounting VM without a cycle collector; that is known, not a crash.
# cargo-fuzz needs nightly flags (-Z sanitizer): RUSTC_BOOTSTRAP lets this stable toolchain take them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "installing cargo-fuzz (once)"
    cargo install cargo-fuzz --locked
fi
targets=(lex parse compile run share)
[ $# -ge 1 ] && targets=("$1")
seconds="${2:-60}"
export RUSTC_BOOTSTRAP=1
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
for t in "${targets[@]}"; do
    corpus="fuzz/corpus/$t"
    mkdir -p "$corpus"
    # Seed with every script we have (idempotent: same name, same content).
    find tests ../shared/conformance/cases -name '*.py' 2>/dev/null | while read -r f; do
        cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"
    done
    echo "== fuzzing $t for ${seconds}s"
    (cd fuzz && cargo fuzz run "$t" "../$corpus" -- -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0)
done
