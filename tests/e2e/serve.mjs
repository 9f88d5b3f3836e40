// A small static server for the e2e suite: serves dist/ at the root and under a sub-path, with
// the strict CSP header, the right MIME types and gzip, like a careful static host would.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
export const DIST = join(root, "dist");
export const CSP = (await readFile(join(root, "scripts/csp-policy.txt"), "utf8")).trim();
export const SUB_PATH = "/some/sub/path/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/**
 * Starts a server on a free loopback port.
 * options.dir: folder to serve (default dist/); options.csp: header value or null;
 * options.cors: add Access-Control-Allow-Origin: *; options.frameAncestors and
 * options.connectSrc: origins added to those directives, as a deployer would for an intranet.
 * options.metaCsp: false removes the built page's CSP <meta>, so the header alone applies (the
 * meta allows https: survey hosts only; a plain-http intranet host needs the header form).
 * options.pages: extra routes, path → HTML string (host pages for embedding).
 * Returns { url, port, close, requests, setDown }; setDown(true) makes the server drop every
 * connection unanswered, as an unreachable host would, while keeping its origin.
 */
export async function serve(options = {}) {
  const dir = options.dir ?? DIST;
  const requests = [];
  let down = false;
  let csp = options.csp === undefined ? CSP : options.csp;
  if (csp && options.frameAncestors) {
    csp = csp.replace("frame-ancestors 'self'", `frame-ancestors 'self' ${options.frameAncestors}`);
  }
  if (csp && options.connectSrc) {
    csp = csp.replace("connect-src 'self' https:", `connect-src 'self' https: ${options.connectSrc}`);
  }
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    if (down) {
      req.socket.destroy();
      return;
    }
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (options.pages?.[path]) {
      const headers = { "Content-Type": TYPES[extname(path)] ?? TYPES[".html"] };
      if (options.cors) headers["Access-Control-Allow-Origin"] = "*";
      res.writeHead(200, headers).end(options.pages[path]);
      return;
    }
    if (path.startsWith(SUB_PATH)) path = "/" + path.slice(SUB_PATH.length);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      let body = await readFile(file);
      if (options.metaCsp === false && extname(file) === ".html") {
        body = Buffer.from(body.toString().replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
      }
      const headers = { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (csp && extname(file) === ".html") headers["Content-Security-Policy"] = csp;
      if (options.cors) headers["Access-Control-Allow-Origin"] = "*";
      if (/gzip/.test(req.headers["accept-encoding"] ?? "") && extname(file) !== ".png") {
        body = gzipSync(body);
        headers["Content-Encoding"] = "gzip";
      }
      res.writeHead(200, headers).end(body);
    } catch {
      const headers = { "Content-Type": "text/plain" };
      if (options.cors) headers["Access-Control-Allow-Origin"] = "*";
      res.writeHead(404, headers).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    requests,
    setDown: (value) => {
      down = value;
      // Kept-alive sockets would otherwise carry on as if the host were there.
      if (down) server.closeAllConnections();
    },
    // Chromium opens spare sockets it may never send a request on; `close` alone would wait for
    // them until Node's 60 s headers timeout, longer than a test may take.
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await serve();
  console.log(`serving dist/ at ${s.url} and ${s.url.slice(0, -1)}${SUB_PATH}`);
}
