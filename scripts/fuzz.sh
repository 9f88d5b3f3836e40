#!/usr/bin/env bash
# Runs every libFuzzer target in fuzz/ for SECONDS each, prints how many inputs each one tried,
# and fails when any target finds a crash (a panic, an assertion of the target, or a hang).
#
#   scripts/fuzz.sh SECONDS
#
# Works on stable Rust: with `--sanitizer none` cargo-fuzz passes no -Z flags, so no nightly is
# needed (the address sanitizer would need one; Rust code gets little from it anyway).
#
# Corpora: fuzz/corpus/TARGET holds the few committed seeds and is only read. What the fuzzer
# finds goes to fuzz/target/corpus/TARGET, which is git-ignored and keeps growing between runs.
# The definition target also reads surveys/, so the built-in survey is always a seed as published.
# A crashing input is saved under fuzz/artifacts/TARGET/; the failure message says how to replay it.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-}
if ! [[ $SECONDS_EACH =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/fuzz.sh SECONDS  (how long to run each target)" >&2
    exit 2
fi

CARGO_FUZZ_VERSION=0.13.2
TARGETS=(definition expression result_code inline_survey)
ROOT=$PWD
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
say() { printf 'fuzz: %s\n' "$*"; }

if ! command -v cargo-fuzz >/dev/null; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (takes about a minute)"
    # --locked can fail when a locked dependency was yanked from the registry.
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked \
        || cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

LOGS=$ROOT/fuzz/target/logs
mkdir -p "$LOGS"
failed=()
for target in "${TARGETS[@]}"; do
    corpus=$ROOT/fuzz/target/corpus/$target
    mkdir -p "$corpus"
    seeds=("$ROOT/fuzz/corpus/$target")
    if [ "$target" = definition ]; then
        seeds+=("$ROOT/surveys")
    fi
    flags=(-max_total_time="$SECONDS_EACH" -timeout=10 -print_final_stats=1)
    if [ -f "$ROOT/fuzz/dicts/$target.dict" ]; then
        flags+=(-dict="$ROOT/fuzz/dicts/$target.dict")
    fi
    log=$LOGS/$target.log
    # The first run builds the fuzz crate (under a minute); later runs reuse it.
    if cargo fuzz run "$target" --sanitizer none "$corpus" "${seeds[@]}" -- "${flags[@]}" \
        >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed+=("$target")
    fi
    # libFuzzer's final statistics; the "#N DONE" line is the fallback.
    execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
    if [ -z "$execs" ]; then
        execs=$(sed -n 's/^#\([0-9]*\)[[:space:]]*DONE.*/\1/p' "$log" | tail -n 1)
    fi
    printf 'fuzz: %-12s %-6s %12s execs in %ss (corpus: %s inputs)\n' "$target" "$status" \
        "${execs:-?}" "$SECONDS_EACH" "$(find "$corpus" -type f | wc -l)"
    if [ "$status" = FAILED ]; then
        # The panic message, libFuzzer's verdict, and cargo-fuzz's replay command.
        { grep -A1 "panicked at" "$log" | head -n 6
          grep -E "^==[0-9]+== ERROR|^SUMMARY|Test unit written to" "$log"
          grep -A2 "Reproduce with" "$log"; } | sed 's/^/    /' || true
        say "full output: ${log#"$ROOT"/}"
        continue
    fi
    # libFuzzer keeps every input that was ever new; when the corpus has doubled since it was
    # last minimised, keep only inputs that still add coverage so loading it stays quick.
    count=$(find "$corpus" -type f | wc -l)
    merged=$(cat "$corpus.merged" 2>/dev/null || echo 0)
    if [ "$count" -gt 1000 ] && [ "$count" -gt $((2 * merged)) ]; then
        rm -rf "$corpus.new" && mkdir "$corpus.new"
        if cargo fuzz run "$target" --sanitizer none "$corpus.new" "$corpus" -- -merge=1 \
            >"$LOGS/$target.merge.log" 2>&1; then
            rm -rf "$corpus" && mv "$corpus.new" "$corpus"
            find "$corpus" -type f | wc -l >"$corpus.merged"
            say "$target: corpus minimised from $count to $(cat "$corpus.merged") inputs"
        else
            rm -rf "$corpus.new"
        fi
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    say "failed (a crash, or the fuzz crate did not build): ${failed[*]}"
    exit 1
fi
