// Trunk post-build hook: adds the Content-Security-Policy <meta> to release builds.
// Keep the policy in one place: scripts/csp-policy.txt is also what the test server sends.
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const here = dirname(fileURLToPath(import.meta.url));
// frame-ancestors is ignored in <meta>, so the header form alone carries it.
const policy = readFileSync(join(here, "csp-policy.txt"), "utf8")
  .trim()
  .split(";")
  .map((d) => d.trim())
  .filter((d) => d && !d.startsWith("frame-ancestors"))
  .join("; ");
const file = join(process.env.TRUNK_STAGING_DIR, "index.html");
const html = readFileSync(file, "utf8");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
writeFileSync(file, html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${meta}`));
