# Shared by setup.sh, serve.sh and test.sh: where the tools live and how to call the wasm build.
# Sourced, not run.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION_REQ="0.21"          # trunk 0.22 needs rustc >= 1.96.1
GREENLET_VERSION="3.5.6"         # CPython's side of the gallery's greenlet example
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

# Debian's rustc-web with its std source and lld: a Rust that builds std from source for wasm32.
debian_build_std_present() {
    [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] && [ -e /usr/bin/rust-lld ] \
        && /usr/bin/rustc --print target-list | grep -qx wasm32-unknown-unknown
}

# Run a command with Debian's toolchain first on PATH, std built from source, its lld as the linker.
with_build_std_env() {
    PATH="/usr/bin:$PATH" \
    RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/bin/rust-lld \
    CARGO_TARGET_DIR="$ROOT/target/web" \
    "$@"
}

# Run a command with the environment the wasm build needs.
with_wasm_env() {
    if rustup_has_wasm_target; then
        "$@"
    else
        with_build_std_env "$@"
    fi
}

# Run the web app's release build (trunk build/serve --release). It favours size (the native
# CLI's release profile favours speed). Where std can be built from source it is, so that std
# too is optimized for size and drops panic messages and their formatting altogether: in
# wasm32-unknown-unknown a panic's message goes nowhere anyway, and the worker reports the trap
# it becomes. Together 51 KB of gzipped wasm. Release only: the wasm-bindgen tests need panic
# messages to say what failed.
with_wasm_release_env() {
    if debian_build_std_present; then
        CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_PANIC=abort \
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
            with_build_std_env "$@"
    else
        CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_PANIC=abort with_wasm_env "$@"
    fi
}
