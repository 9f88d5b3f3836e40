#!/usr/bin/env bash
# Trunk post-build step of a split release (`make dist`): replaces the one wasm Trunk built with
# the first load and its on-demand chunks.
#
# Trunk 0.21 cannot split (trunk#1022), so Trunk still compiles, with the `split` feature and
# relocations kept, and this script takes cargo's wasm from there:
#   1. skillscope-split cuts it at the #[wasm_split] points (src/on_demand.rs);
#   2. wasm-bindgen writes the JS glue for the main module (the chunks need none);
#   3. wasm-opt shrinks every module, with the flags Trunk would have used;
#   4. every file gets a content hash in its name, so hosts may cache them for a year.
# The result replaces Trunk's wasm and glue in the staging dir, and the boot script's data
# attributes are pointed at it. Every reference is relative, so dist/ works under a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."

[ "${TRUNK_PROFILE:-}" = release ] && [ "${SKILLSCOPE_SPLIT:-}" = 1 ] || exit 0
stage=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
input=target/wasm32-unknown-unknown/release/skillscope-app.wasm
work=target/split
WASM_OPT_FLAGS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
    --enable-reference-types --strip-debug --strip-producers)

hash() { sha256sum "$1" | cut -c1-16; }

rm -rf "$work" && mkdir -p "$work/out"
cargo build --quiet --release -p skillscope-split
# The loader imports the main glue by this name; it is fixed before wasm-bindgen writes the
# glue, so it is named after the input, from which everything else follows.
glue="skillscope-$(hash "$input").js"
target/release/skillscope-split "$input" "$work" "${glue%.js}" >/dev/null
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/out" \
    --out-name "${glue%.js}" "$work/${glue%.js}.wasm"

loader="$work/__wasm_split.js"
for chunk in "$work"/*.wasm; do
    name=$(basename "$chunk" .wasm)
    [ "$name" = "${glue%.js}" ] && continue
    wasm-opt "${WASM_OPT_FLAGS[@]}" "$chunk" -o "$work/out/$name.wasm"
    hashed="$name-$(hash "$work/out/$name.wasm").wasm"
    mv "$work/out/$name.wasm" "$work/out/$hashed"
    sed -i "s|\"./$name.wasm\"|\"./$hashed\"|g" "$loader"
    # The manifest lists chunks by stem; make size reads it, and so will an offline cache.
    sed -i "s|\"$name\"|\"${hashed%.wasm}\"|g" "$work/split-manifest.json"
done
loader_name="__wasm_split-$(hash "$loader").js"
cp "$loader" "$work/out/$loader_name"
sed -i "s|from \"\./__wasm_split\.js\"|from \"./$loader_name\"|" "$work/out/$glue"

main_wasm="$work/out/${glue%.js}_bg.wasm"
# Kept for `make size`: wasm-opt strips the names twiggy reports by.
cp "$main_wasm" "$work/main-with-names.wasm"
wasm-opt "${WASM_OPT_FLAGS[@]}" "$main_wasm" -o "$main_wasm.opt"
main_name="skillscope-$(hash "$main_wasm.opt")_bg.wasm"
mv "$main_wasm.opt" "$work/out/$main_name"
rm "$main_wasm"

# Out with Trunk's single wasm and glue, in with the split build.
index="$stage/index.html"
old_js=$(sed -n 's/.*data-js="\.\/\([^"]*\)".*/\1/p' "$index")
old_wasm=$(sed -n 's/.*data-wasm="\.\/\([^"]*\)".*/\1/p' "$index")
[ -n "$old_js" ] && [ -n "$old_wasm" ] || { echo "split: no boot script in $index" >&2; exit 1; }
rm -f "$stage/$old_js" "$stage/$old_wasm"
cp "$work"/out/* "$stage/"
cp "$work/split-manifest.json" "$stage/split-manifest.json"
# Trunk's preload links carry integrity hashes of its own files; they are written anew, with the
# loader added, since the glue imports it before anything runs.
node - "$index" "$stage" "$old_js" "$old_wasm" "$glue" "$main_name" "$loader_name" <<'JS'
const { readFileSync, writeFileSync } = require("node:fs");
const { createHash } = require("node:crypto");
const [index, stage, oldJs, oldWasm, glue, wasm, loader] = process.argv.slice(2);
const sri = (f) => "sha384-" + createHash("sha384").update(readFileSync(`${stage}/${f}`)).digest("base64");
let html = readFileSync(index, "utf8")
  .replace(/<link rel="modulepreload"[^>]*>/g, "")
  .replace(/<link rel="preload"[^>]*application\/wasm"?>/g, "")
  .replaceAll(oldJs, glue)
  .replaceAll(oldWasm, wasm);
const preloads =
  [glue, loader].map((f) => `<link rel="modulepreload" href="./${f}" crossorigin="anonymous" integrity="${sri(f)}">`).join("") +
  `<link rel="preload" href="./${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous">`;
if (html.includes(oldJs) || !html.includes("</head>")) throw new Error("split: unexpected index.html");
writeFileSync(index, html.replace("</head>", `${preloads}</head>`));
JS
