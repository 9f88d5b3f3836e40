#!/usr/bin/env bash
# Raw and gzip size of every file in dist/, grouped by when a visitor loads it:
#   first load     everything until the first question can be answered: the page, its CSS, the
#                  boot script, the JS glue, the split loader and the main wasm;
#   prefetched     the report chunk (and the chunks it shares), fetched once a question shows;
#   on demand      the team and custom-survey chunks, other languages, the methodology page.
# After that, the service worker (sw.js) fetches every file it lists once, in the background, so
# the app works offline; the precache line gives that total.
# With --check, fails when the first load exceeds the budget below.
# With --twiggy, also lists the largest functions of the first load (needs twiggy).
set -euo pipefail
cd "$(dirname "$0")/.."

# The one place the size budget lives: gzip bytes of the first load. Never raise it silently;
# explain a change in the commit. It sits just above what the build reaches, so growth is seen.
#
# The first-load issue asks for 120 KB; the split build reaches 263,834 B (from 455,928 B for
# the whole unsplit first visit), of which the main wasm is 244,166 B. What is left there is
# mostly Leptos' reactive and view code for the shell, start, question and review screens, serde
# for the built-in survey's questions and for storage, and the questions' own text (about 11 KB
# gzip). The closing note of the first-load issue has each step's saving.
#
# Raised from 265,000 for offline use (263,834 → 268,984): the update notice, the "works
# offline" note, the offline-copy label and their words in three languages, and Reload's resume;
# then for the survey studio's way in (268,984 → about 270,450): its split point, screen arm and
# start-page link. The studio itself is a chunk loaded on demand.
BUDGET_GZIP_BYTES=272000

[ -d dist ] || { echo "size: no dist/; run make dist first" >&2; exit 1; }
manifest=dist/split-manifest.json
[ -f "$manifest" ] || { echo "size: dist/ is not a split build; run make dist" >&2; exit 1; }

# Chunk stems the report needs, from the splitter's manifest ("report": ["chunk_0-…", "report-…"]).
report_chunks=$(node -e 'const m = require(process.argv[1]); console.log((m.report || []).join("\n"))' \
    "$PWD/$manifest")

group_of() {
    local name=$1
    case "$name" in
        index.html | boot.js | favicon*.svg | *.css | skillscope-*.js | skillscope-*_bg.wasm | __wasm_split-*.js)
            # The print and methodology styles are linked from index.html too, so they count.
            echo "first load" ;;
        *.wasm)
            if grep -qx "${name%.wasm}" <<<"$report_chunks"; then echo prefetched; else echo "on demand"; fi ;;
        *) echo "on demand" ;;
    esac
}

declare -A group_gz=([first load]=0 [prefetched]=0 [on demand]=0)
# Each file's sizes by name, for the precache total below.
declare -A raw_of gz_of
total_raw=0
total_gz=0
printf '%-48s %10s %10s  %s\n' file raw gzip loaded
while IFS= read -r f; do
    name=${f#dist/}
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    raw_of[$name]=$raw
    gz_of[$name]=$gz
    group=$(group_of "$name")
    group_gz[$group]=$((group_gz[$group] + gz))
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-48s %10d %10d  %s\n' "$name" "$raw" "$gz" "$group"
done < <(find dist -type f | sort)
first=${group_gz[first load]}
printf '%-48s %10d %10d\n' "all files" "$total_raw" "$total_gz"
printf '%-48s %10s %10d\n' "first load (until the first question)" "" "$first"
printf '%-48s %10s %10d\n' "whole first visit (first load + prefetched)" "" \
    "$((first + group_gz[prefetched]))"
if [ -f dist/sw.js ]; then
    precache_raw=0
    precache_gz=0
    while IFS= read -r name; do
        precache_raw=$((precache_raw + ${raw_of[$name]}))
        precache_gz=$((precache_gz + ${gz_of[$name]}))
    done < <(node -e 'const s = require("fs").readFileSync(process.argv[1], "utf8");
        console.log(JSON.parse(s.match(/const FILES = (\[.*\]);/)[1]).join("\n"))' dist/sw.js)
    printf '%-48s %10d %10d\n' "precached by the service worker" "$precache_raw" "$precache_gz"
fi
printf 'budget (gzip, first load): %d bytes\n' "$BUDGET_GZIP_BYTES"

if [ "${1:-}" = "--twiggy" ]; then
    # The names survive in the main module before wasm-opt strips them (scripts/split.sh).
    twiggy top -n 25 target/split/main-with-names.wasm
fi
if [ "${1:-}" = "--check" ] && [ "$first" -gt "$BUDGET_GZIP_BYTES" ]; then
    echo "size: the first load is $first gzip bytes, over the budget of $BUDGET_GZIP_BYTES" >&2
    exit 1
fi
