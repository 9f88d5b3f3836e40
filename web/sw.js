// Skillscope's service worker: after one visit the app starts, runs and reports with no network.
//
// scripts/service-worker.mjs writes dist/sw.js from this file at build time, filling in VERSION
// (a hash of every file it lists) and FILES (every file of the build, relative to this one).
// A new deployment therefore changes this file's bytes, which is how the browser notices it.
//
// Rules:
// - The build's files are served from the cache of the version that is running, so one page
//   never mixes two releases. Hashed names make that safe; index.html, boot.js and the survey's
//   languages are in the same list, so they move together.
// - A new version installs in the background and waits. The page says so and activates it only
//   when the person presses Reload (the "skip-waiting" message); code never swaps mid-survey.
// - Nothing else is touched: custom surveys from other hosts, and any same-origin file not in
//   the list, go to the network as if there were no worker. The app keeps its own copies of
//   custom surveys (src/custom/copies.rs), in a cache this worker never deletes.
const VERSION = "__VERSION__";
const FILES = __FILES__;

const SCOPE = self.registration.scope;
// Several deployments may share an origin under different folders; each owns its caches.
const PREFIX = `skillscope-app ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const urls = new Set(FILES.map((f) => new URL(f, SCOPE).href));
const INDEX = new URL("index.html", SCOPE).href;

self.addEventListener("install", (event) => {
  // `cache: "reload"` skips the HTTP cache, so an unhashed file (index.html, boot.js) is never
  // precached from a stale copy.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([...urls].map((url) => new Request(url, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // On a first visit this takes over the open page, so its later chunks come from the cache
      // too. On an update the page asked for it (Reload) and reloads right after.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  let key = url.href;
  if (request.mode === "navigate" && url.href.startsWith(SCOPE)) {
    // ?survey=, ?team, ?embed and #r= links all open the same page.
    url.search = "";
    key = url.href === SCOPE ? INDEX : url.href;
  }
  if (!urls.has(key)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((cached) => cached ?? fetch(request)),
  );
});
