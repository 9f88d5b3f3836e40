// Starts the app without an inline script, so the page works under a CSP without 'unsafe-inline'.
// Trunk writes the hashed file names into the data attributes of the script tag that loads us.
//
// Until the wasm runs, index.html shows the built-in start page. Start pressed meanwhile is
// remembered on <html data-start-early>, and the app begins the assessment as soon as it runs.
// A custom survey or a result link gets a plain loading line instead, since that page would be
// the wrong one.
//
// Release builds also register the service worker once the app runs (web/offline.js). After a
// Reload into a new version, the app resumes where the person was (<html data-resume>).
const tag = document.querySelector("script[data-wasm]");
const boot = document.getElementById("boot");
const loading = (text) => {
  if (!boot) return;
  const line = document.createElement("p");
  line.className = "boot";
  line.setAttribute("role", "status");
  line.textContent = text;
  boot.replaceChildren(line);
};
const custom = new URLSearchParams(location.search).get("survey")?.trim() || /^#(def|r)=/.test(location.hash);
if (custom) loading("Loading Skillscope…");
document.getElementById("boot-start")?.addEventListener("click", (event) => {
  document.documentElement.dataset.startEarly = "";
  event.currentTarget.setAttribute("aria-busy", "true");
  const status = document.getElementById("boot-status");
  if (status) status.textContent = "Loading…";
});
try {
  if (sessionStorage.getItem("skillscope-resume")) {
    sessionStorage.removeItem("skillscope-resume");
    document.documentElement.dataset.resume = "";
  }
} catch {
  // No session storage: a Reload into a new version lands on the start page, with Continue.
}
try {
  const bindings = await import(new URL(tag.dataset.js, document.baseURI).href);
  await bindings.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI).href });
  if (tag.dataset.sw) {
    import(new URL("offline.js", document.baseURI).href)
      .then((offline) => offline.start(new URL(tag.dataset.sw, document.baseURI).href))
      .catch((error) => console.warn("Skillscope will not work offline:", error));
  }
} catch (error) {
  console.error("Skillscope could not start", error);
  loading("Skillscope could not start in this browser. Please reload the page, or try an up-to-date browser.");
}
