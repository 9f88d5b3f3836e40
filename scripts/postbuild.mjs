// Trunk post-build hook.
// 1. Renders docs/methodology.md to methodology.html, styled with the app's own CSS, so the
//    report's "how it is computed" link works offline and on any static host.
// 2. Release builds get the Content-Security-Policy <meta>. Dev builds skip it because
//    `trunk serve` injects an inline live-reload script.
// The policy lives in one place, scripts/csp-policy.txt, which the test server also sends.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { marked } from "marked";

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
const meta =
  process.env.TRUNK_PROFILE === "release"
    ? `<meta http-equiv="Content-Security-Policy" content="${policy}">\n  `
    : "";

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

if (meta) {
  const index = join(stage, "index.html");
  const html = readFileSync(index, "utf8");
  writeFileSync(index, html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${meta.trim()}`));
}
