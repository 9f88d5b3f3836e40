// Starts the app without an inline script, so the page works under a CSP without 'unsafe-inline'.
// Trunk writes the hashed file names into the data attributes of the script tag that loads us.
const tag = document.querySelector("script[data-wasm]");
const failed = (error) => {
  console.error("Skillscope could not start", error);
  const boot = document.getElementById("boot");
  if (boot) {
    boot.textContent =
      "Skillscope could not start in this browser. Please reload the page, or try an up-to-date browser.";
  }
};
try {
  const bindings = await import(new URL(tag.dataset.js, document.baseURI).href);
  await bindings.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI).href });
} catch (error) {
  failed(error);
}
