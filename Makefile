# Skillscope's entry points. Each target bootstraps what it needs first (scripts/bootstrap.sh),
# so a fresh clone needs nothing installed by hand.

SHELL := /bin/bash
PORT ?= 8080
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
FUZZ_SECONDS ?= 60

.PHONY: help bootstrap serve dist size test test-native test-wasm test-e2e test-deploy lint fuzz fuzz-smoke bench bench-web clean

help:
	@echo "make serve   run the app with live reload at http://127.0.0.1:$(PORT)/"
	@echo "make test    every test: lint, native, wasm components and e2e in headless Chromium"
	@echo "make dist    optimised static build in dist/"
	@echo "make size    raw and gzip size of every file in dist/, by when it loads"
	@echo "make fuzz    run each fuzz target for FUZZ_SECONDS (default 60)"
	@echo "make bench   criterion benchmarks of the engine"
	@echo "make test-deploy  the nginx and Apache configs of docs/deploy.md, served and checked"

bootstrap:
	@scripts/bootstrap.sh

serve: bootstrap
	cargo fetch --quiet
	trunk serve --port $(PORT)

# The split release: Trunk compiles with the split points and relocations kept, and its post-build
# hook (scripts/split.sh) cuts the wasm into the first load and on-demand chunks. The variable
# replaces .cargo/config.toml's flags, so it repeats them.
WASM_RUSTFLAGS := $(shell sed -n 's/^rustflags = \[\(.*\)\]/\1/p' .cargo/config.toml | tr -d '",')
dist: bootstrap
	cargo fetch --quiet
	cargo build --quiet --release -p skillscope-split
	SKILLSCOPE_SPLIT=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(WASM_RUSTFLAGS) -Clink-args=--emit-relocs" \
		trunk build --release --features split

# twiggy reads the names wasm-opt strips, so it looks at target/split (kept by scripts/split.sh).
size:
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
	@scripts/size.sh --twiggy

test: lint test-native fuzz-smoke test-wasm test-e2e
	@echo "all tests passed"

lint: bootstrap
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings

test-native: bootstrap
	cargo test --workspace --quiet

test-wasm:
	@scripts/bootstrap.sh --test
	cargo test --target wasm32-unknown-unknown --test components

# The e2e suite also runs the CLI, to check the app's results against the engine's.
test-e2e: dist
	@scripts/bootstrap.sh --test
	@scripts/size.sh --check
	cargo build --quiet -p skillscope-cli
	cargo build --quiet -p skillscope-engine --example team_links
	npx playwright test --config tests/e2e/playwright.config.js

# Serves dist/ with the nginx and Apache configs from docs/deploy.md and checks them in Chromium.
# Not in `make test`: it installs web servers, which a developer machine may not want.
test-deploy: dist
	@scripts/bootstrap.sh --test
	scripts/test-deploy.sh

fuzz-smoke:
	@scripts/fuzz.sh 5

fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)

bench:
	cargo bench -p skillscope-engine

# The SurveyJS comparison page and Lighthouse come from npm into bench/, only for this target.
bench-web: dist
	@scripts/bootstrap.sh --test
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	cargo build --quiet -p skillscope-cli
	cargo build --quiet -p skillscope-engine --example team_links
	node tests/bench/bench-web.mjs

clean:
	cargo clean
	rm -rf dist tests/e2e/artifacts
