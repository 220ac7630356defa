# Shared by setup.sh, serve.sh and test.sh: where the tools live and how to call the wasm build.
# Sourced, not run.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION_REQ="0.21"          # trunk 0.22 needs rustc >= 1.96.1
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version pinned in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# rustup's stable can build for wasm32 when its target is installed (an ordinary laptop). Where
# rustup cannot download the target (these machines), Debian's rustc-web builds std from source.
rustup_has_wasm_target() {
    [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]
}

# Run a command with the environment the wasm build needs.
with_wasm_env() {
    if rustup_has_wasm_target; then
        "$@"
    else
        # Debian's toolchain first on PATH, std built from source, its lld as the linker.
        PATH="/usr/bin:$PATH" \
        RUSTC_BOOTSTRAP=1 \
        CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/bin/rust-lld \
        CARGO_TARGET_DIR="$ROOT/target/web" \
        "$@"
    fi
}

# Release builds of the web app favour size; the native CLI's release profile favours speed.
web_release_env() {
    export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
    export CARGO_PROFILE_RELEASE_PANIC=abort
}
