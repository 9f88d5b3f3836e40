// The page's side of the service worker (sw.js, written at build time from web/sw.js). boot.js
// loads this once the app runs, in release builds only (their boot tag carries data-sw).
//
// It tells the app, through attributes on <html> and a "skillscope-offline" event, what it may
// say: data-offline-ready once every file is cached, data-update-ready once a new version waits.
// The app answers Reload with a "skillscope-reload" event: the waiting version takes over and
// the page reloads where the person was (boot.js reads the "skillscope-resume" flag).
const root = document.documentElement;
const tell = (attribute) => {
  root.setAttribute(attribute, "");
  window.dispatchEvent(new Event("skillscope-offline"));
};

export async function start(url) {
  if (!("serviceWorker" in navigator)) return;
  let registration;
  try {
    registration = await navigator.serviceWorker.register(url, { updateViaCache: "none" });
  } catch (error) {
    await removeIfWithdrawn(url);
    console.warn("Skillscope will not work offline:", error);
    return;
  }
  const waiting = () => {
    // Without a controller this is the first install, not an update.
    if (registration.waiting && navigator.serviceWorker.controller) tell("data-update-ready");
  };
  waiting();
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => worker.state === "installed" && waiting());
  });
  navigator.serviceWorker.ready.then(() => tell("data-offline-ready"));

  // Once now, since the browser's own check on navigation reports no 404 and so cannot notice a
  // withdrawn sw.js; then whenever an open tab comes back into view, to find a new release.
  const check = () => registration.update().catch(() => removeIfWithdrawn(url));
  check();
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && check());

  window.addEventListener("skillscope-reload", () => {
    try {
      sessionStorage.setItem("skillscope-resume", "1");
    } catch {
      // Without session storage the person lands on the start page, with Continue.
    }
    const worker = registration.waiting;
    if (!worker) return location.reload();
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    worker.postMessage("skip-waiting");
  });
}

// A deployer turns offline use off by deleting sw.js (docs/deploy.md). Browsers that have the
// worker then drop it and its caches, but only on a real 404: offline, the check fails too.
async function removeIfWithdrawn(url) {
  const response = await fetch(url, { cache: "no-store" }).catch(() => null);
  if (response?.status !== 404) return;
  const registration = await navigator.serviceWorker.getRegistration(url);
  if (!registration) return;
  const prefix = `skillscope-app ${registration.scope} `;
  await registration.unregister();
  for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
}
