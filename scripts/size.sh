#!/usr/bin/env bash
# Prints the raw and gzip size of every file in dist/ and the totals.
# With --check, fails when what a first visit loads exceeds the budget below.
set -euo pipefail
cd "$(dirname "$0")/.."

# The one place the size budget lives: gzip bytes a first visit loads (everything in dist/ except
# files fetched only on demand). Never raise it silently; explain a change in the commit.
#
# The brief asked for 120 KB. What we reach: ~388 KiB, of which the wasm is ~372 KiB gzip:
# ~17 KB is the built-in survey (default language; the others load on demand), and most of the
# rest is Leptos' monomorphised view code, serde (definition, answers, report) and the engine.
# See the closing note of the hardening issue. Set just above what we reach, so growth is seen.
# Raised from 370 to 389 KiB, measured: +15.2 KB gzip for the team summary (a lead pastes result
# links and sees the team's spread; 377,860 → 393,072 B, most of it view code), +2.4 KB for
# review and report fixes (scale answers in words, plurals, named empty lists; → 395,420 B), and
# +1.8 KB for the team summary's CSV download (→ 397,203 B).
# Raised from 389 to 411 KiB for instrument v2, measured side by side (397,704 → 419,955 B,
# +22.3 KB): about 11.5 KB is the engine and report code (unknown-not-zero indices, support
# paths, ties, plans by stage, the needs notice) and the rest the built-in survey itself (26 knowledge
# checks instead of 10, 13 paths with two plans each). The first-load issue moves the report and
# its paths out of the first load.
# Raised from 411 to 446 KiB for team report v2, measured side by side (419,860 → 455,948 B,
# +36.1 KB): the team page's new sections (where to start, build/borrow/hold, heatmap, target
# picker and file, item consistency) in three languages, and the engine's advice, target, alpha
# and faster scoring (sheets, positions, resolved expressions). All of it belongs to the team
# chunk the first-load issue splits off; until then a respondent loads it too.
# Tried and left out: the talc allocator instead of dlmalloc saved 635 B and no time on a
# 10,000-link team paste (804 vs 819 ms, median of 7, side by side).
BUDGET_GZIP_BYTES=$((446 * 1024))

# Files only fetched on demand: the methodology page (a link in the report), the logo for
# branded examples, and the built-in survey's texts in languages other than the default. Everything else is loaded by the first visit.
ON_DEMAND='^(methodology\.html|skillscope\.svg|ai-readiness\.[a-z]+\.json)$'

[ -d dist ] || { echo "size: no dist/; run make dist first" >&2; exit 1; }
total_raw=0
total_gz=0
first_gz=0
printf '%-48s %10s %10s\n' file raw gzip
while IFS= read -r f; do
    name=${f#dist/}
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    marker=""
    if [[ $name =~ $ON_DEMAND ]]; then marker=" (on demand)"; else first_gz=$((first_gz + gz)); fi
    printf '%-48s %10d %10d%s\n' "$name" "$raw" "$gz" "$marker"
done < <(find dist -type f | sort)
printf '%-48s %10d %10d\n' total "$total_raw" "$total_gz"
printf '%-48s %10s %10d\n' "first visit" "" "$first_gz"
printf 'budget (gzip, first visit): %d bytes\n' "$BUDGET_GZIP_BYTES"
if [ "${1:-}" = "--check" ] && [ "$first_gz" -gt "$BUDGET_GZIP_BYTES" ]; then
    echo "size: a first visit loads $first_gz gzip bytes, over the budget of $BUDGET_GZIP_BYTES" >&2
    exit 1
fi
