#!/usr/bin/env bash
# Install every tool loopscope needs, skipping what is already there (a second run is instant).
# Usage: scripts/setup.sh [web|all]   (web: what serve needs; all: also the browser test tools)
source "$(dirname "$0")/lib.sh"
what="${1:-all}"

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then
        say "apt-get update"
        as_root apt-get update -q >/dev/null
        apt_updated=1
    fi
    say "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found: install Node.js 20+ first" >&2; exit 1; }

# 1. A Rust that can build for wasm32.
if rustup_has_wasm_target; then
    say "wasm32 target: rustup's (present)"
elif command -v rustup >/dev/null && timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    say "wasm32 target: added with rustup"
else
    if debian_build_std_present; then
        say "wasm32 target: Debian rustc-web with build-std (present)"
    else
        say "wasm32 target: rustup cannot download it here; installing Debian's rustc-web to build std from source"
        apt_install rustc-web cargo-web rust-web-src lld-22
    fi
fi
# The release build builds std from source when it can, for a smaller wasm (lib.sh,
# with_wasm_release_env); without it the release build uses rustup's std.
if debian_build_std_present; then
    say "std from source for the release build: Debian rustc-web (present)"
elif (apt_install rustc-web cargo-web rust-web-src lld-22); then
    say "std from source for the release build: installed Debian rustc-web"
else
    say "std from source for the release build: unavailable; using rustup's std (a larger wasm)"
fi
# Trunk builds offline (Trunk.toml), so std's own dependencies (dlmalloc, ...) must already be in
# cargo's cache. Where the wasm-bindgen tests use rustup's std, nothing else fetches them.
if debian_build_std_present; then
    (cd "$ROOT" && with_build_std_env cargo fetch --target wasm32-unknown-unknown >/dev/null 2>&1) \
        || say "warning: could not fetch std's dependencies; the offline release build may fail"
fi

# 2. Trunk (built with cargo; a version the installed rustc can build).
if trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION_REQ\."; then
    say "trunk: $(trunk --version) (present)"
else
    say "installing trunk ^$TRUNK_VERSION_REQ with cargo (takes several minutes once)"
    cargo install trunk --version "^$TRUNK_VERSION_REQ" --locked
fi

# 3. wasm-bindgen-cli at exactly the Cargo.lock version.
wbg="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wbg" ]; then
    say "wasm-bindgen-cli $wbg (present)"
else
    say "installing wasm-bindgen-cli $wbg with cargo (a few minutes once)"
    # No --locked: the crate's own lock file names a dependency version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$wbg"
fi

# 4. npm tools: wasm-opt (binaryen, for release builds) and playwright-core (e2e tests).
# Present means the exact versions package.json pins are installed (not a newer file date: a
# fresh checkout's lock file is always newer, and npm ci empties node_modules first).
npm_tools_present() {
    [ -x "$ROOT/node_modules/.bin/wasm-opt" ] && (cd "$ROOT" && node -e '
        const fs = require("fs");
        const want = JSON.parse(fs.readFileSync("package.json")).devDependencies;
        for (const [name, version] of Object.entries(want)) {
            const got = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`)).version;
            if (got !== version) process.exit(1);
        }' 2>/dev/null)
}
if npm_tools_present; then
    say "npm packages (present)"
else
    say "npm ci (binaryen's wasm-opt, playwright-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Python 3: the web build's post-build hook (scripts/csp.py) and the CPython comparisons
# (tests/conformance/oracle.py) run on it.
if command -v python3 >/dev/null 2>&1; then
    say "python3 (present)"
else
    apt_install python3
fi
# The gallery's greenlet example is compared with CPython running the real greenlet package.
if python3 -c 'import greenlet' >/dev/null 2>&1; then
    say "python3 greenlet (present)"
else
    say "pip install greenlet (CPython side of the greenlet example)"
    python3 -m pip install -q --disable-pip-version-check "greenlet==$GREENLET_VERSION"
fi

# 5. Chromium and its driver, from Debian (never a browser download).
if [ "$what" = all ]; then
    if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
        say "chromium + chromedriver (present)"
    else
        apt_install chromium chromium-driver
    fi
    # The UI is bilingual: without a CJK font the screenshots show Chinese as empty boxes.
    if fc-list :lang=zh 2>/dev/null | grep -q .; then
        say "CJK font (present)"
    else
        apt_install fonts-noto-cjk
    fi
fi
say "tools ready"
