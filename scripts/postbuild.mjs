// Trunk post-build hook.
// 1. Renders docs/methodology.md to methodology.html, styled with the app's own CSS, so the
//    report's "how it is computed" link works offline and on any static host.
// 2. Writes the built-in survey's other languages as ai-readiness.<lang>.json: the same structure
//    with only that language's texts. The app embeds the default language only (build.rs, same
//    rule for what a text is) and fetches these when someone switches. The whole survey goes
//    beside them for the survey studio.
// 3. Renders the install icons the web app manifest names (web/manifest.webmanifest) as PNG,
//    from the SVGs in web/, with resvg.
// 4. Release builds get the Content-Security-Policy <meta>. Dev builds skip it because
//    `trunk serve` injects an inline live-reload script.
// 5. Release builds get the service worker (scripts/service-worker.mjs), written last since it
//    lists every file with a hash of its bytes; the boot script's data-sw tells the page to
//    register it. Dev builds go without, so live reload is never answered from a cache.
// The policy lives in one place, scripts/csp-policy.txt, which the test server also sends.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { marked } from "marked";
import { Resvg } from "@resvg/resvg-js";
import { writeServiceWorker } from "./service-worker.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const stage = process.env.TRUNK_STAGING_DIR;
const css = readdirSync(stage)
  .filter((f) => /^(base|layout)-.*\.css$/.test(f))
  .sort()
  .map((f) => `<link rel="stylesheet" href="./${f}">`)
  .join("\n  ");

// frame-ancestors is ignored in <meta>, so only the header form carries it.
const policy = readFileSync(join(here, "csp-policy.txt"), "utf8")
  .trim()
  .split(";")
  .map((d) => d.trim())
  .filter((d) => d && !d.startsWith("frame-ancestors"))
  .join("; ");
const release = process.env.TRUNK_PROFILE === "release";
const meta = release
  ? `<meta http-equiv="Content-Security-Policy" content="${policy}">\n  `
  : "";

const survey = JSON.parse(readFileSync(join(here, "../surveys/ai-readiness.json"), "utf8"));
const languages = survey.languages ?? [];
const keepOnly = (value, lang) => {
  if (Array.isArray(value)) return value.map((v) => keepOnly(v, lang));
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    const isText = entries.length > 0 && entries.every(([k, v]) => languages.includes(k) && typeof v === "string");
    if (isText) return Object.fromEntries(entries.filter(([k]) => k === lang));
    return Object.fromEntries(entries.map(([k, v]) => [k, keepOnly(v, lang)]));
  }
  return value;
};
// The whole survey too, which the studio's "Copy of the built-in assessment" starts from.
writeFileSync(join(stage, `${survey.id}.json`), JSON.stringify(survey, null, 1));
for (const lang of languages.filter((l) => l !== survey.default_lang)) {
  writeFileSync(join(stage, `${survey.id}.${lang}.json`), JSON.stringify(keepOnly(survey, lang)));
}

const doc = marked.parse(readFileSync(join(here, "../docs/methodology.md"), "utf8"));
writeFileSync(
  join(stage, "methodology.html"),
  `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  ${meta}<meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Skillscope methodology</title>
  ${css}
</head>
<body>
<main id="main" class="methodology">
<p><a href="./">← Skillscope</a></p>
${doc}
</main>
</body>
</html>
`,
);

const icons = [
  ["skillscope.svg", 192, "icon-192.png"],
  ["skillscope.svg", 512, "icon-512.png"],
  ["icon-maskable.svg", 512, "icon-maskable-512.png"],
  // iOS ignores the manifest's icons and wants an opaque one.
  ["icon-maskable.svg", 180, "apple-touch-icon.png"],
];
for (const [svg, size, png] of icons) {
  const source = readFileSync(join(here, "../web", svg));
  const image = new Resvg(source, { fitTo: { mode: "width", value: size } }).render();
  writeFileSync(join(stage, png), image.asPng());
}

if (release) {
  const index = join(stage, "index.html");
  const html = readFileSync(index, "utf8")
    .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${meta.trim()}`)
    .replace(/<script type="module" src="([^"]*)boot\.js"/, '$& data-sw="$1sw.js"');
  if (!html.includes("data-sw=")) throw new Error("postbuild: no boot script in index.html");
  writeFileSync(index, html);
  const { files, bytes } = writeServiceWorker(stage);
  console.log(`postbuild: sw.js precaches ${files.length} files, ${bytes} bytes`);
}
