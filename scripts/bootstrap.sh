#!/usr/bin/env bash
# Installs only what is missing for `make serve` and `make test`, so a fresh clone needs nothing
# done by hand. Every step checks first, which keeps a warm run to a few seconds.
#
#   scripts/bootstrap.sh          toolchain for building and serving (wasm target, trunk,
#                                 wasm-bindgen-cli, wasm-opt)
#   scripts/bootstrap.sh --test   also Chromium, ChromeDriver and the e2e node packages
set -euo pipefail
cd "$(dirname "$0")/.."

# Trunk 0.22 needs rustc 1.96; this machine has 1.95.
TRUNK_VERSION=0.21.14
# npm's binaryen; Debian's binaryen 108 emits wasm that fails at start with rustc 1.95 output.
BINARYEN_VERSION=$(sed -n 's/.*"binaryen": *"\([0-9.]*\)".*/\1/p' package.json)
# wasm-bindgen-cli must match the library exactly, so its version is read from the lock file.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
say() { printf 'bootstrap: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (takes about 5 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # --locked can fail when a locked dependency was yanked from the registry mirror.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force \
        || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm records what it installed in node_modules/.package-lock.json; a newer lock file means
# package.json changed since.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
    || ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*} "; then
    if ! command -v npm >/dev/null; then
        say "npm is missing; run: apt-get install -y nodejs npm"
        exit 1
    fi
    say "installing node packages (binaryen, resvg, @playwright/test, axe-core, marked) from package-lock.json"
    # Playwright must never download a browser; the tests use Debian's Chromium.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ]; then
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        if [ "$(id -u)" -eq 0 ]; then
            say "installing chromium and chromium-driver from apt"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
        else
            say "Chromium is missing. Run this once, then make test again:"
            say "  sudo apt-get install -y chromium chromium-driver"
            exit 1
        fi
    fi
fi
say "ready"
