// Writes <dir>/sw.js from web/sw.js, listing every file of the build in <dir> with a version that
// hashes their contents. Run last in a release build (scripts/postbuild.mjs), after every file
// has its final name and bytes; run by hand, `node scripts/service-worker.mjs <dir>`, it
// re-lists a folder whose files were changed (the e2e suite deploys a changed build that way).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// Not precached: the worker itself, what only crawlers and tools read.
const SKIP = new Set(["sw.js", "robots.txt", "split-manifest.json"]);

/** Writes the worker; returns what it precaches. */
export function writeServiceWorker(dir) {
  const files = readdirSync(dir)
    .filter((f) => !SKIP.has(f) && statSync(join(dir, f)).isFile())
    .sort();
  const version = createHash("sha256");
  let bytes = 0;
  for (const f of files) {
    const body = readFileSync(join(dir, f));
    bytes += body.length;
    version.update(f).update("\0").update(createHash("sha256").update(body).digest());
  }
  const source = readFileSync(join(here, "../web/sw.js"), "utf8")
    .replace('"__VERSION__"', JSON.stringify(version.digest("hex").slice(0, 16)))
    .replace("__FILES__", JSON.stringify(files));
  writeFileSync(join(dir, "sw.js"), source);
  return { files, bytes };
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? "")).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/service-worker.mjs <dir>");
    process.exit(2);
  }
  const { files, bytes } = writeServiceWorker(dir);
  console.log(`sw.js: ${files.length} files, ${bytes} bytes precached`);
}
