// The deploy guide's configs, served for real by scripts/test-deploy.sh (make test-deploy).
// Skipped when DEPLOY_URLS is not set, as in the ordinary e2e run.
import { test, expect } from "./fixtures.js";

const targets = (process.env.DEPLOY_URLS ?? "")
  .split(",")
  .filter(Boolean)
  .map((pair) => pair.split("="));

test.skip(targets.length === 0, "run through make test-deploy");

for (const [name, url] of targets) {
  test(`${name}: the app runs under a sub-path with the documented headers`, async ({ page, request }) => {
    const response = await page.goto(url);
    const csp = response.headers()["content-security-policy"];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'self' https://intranet.example.com");
    expect(response.headers()["cache-control"]).toBe("no-cache");
    await page.click("#start");
    await expect(page.locator("legend")).toBeVisible();

    const html = await (await request.get(url)).text();
    const wasm = html.match(/data-wasm="\.\/([^"]+)"/)[1];
    const js = html.match(/data-js="\.\/([^"]+)"/)[1];
    const w = await request.get(url + wasm, { headers: { "Accept-Encoding": "gzip" } });
    expect(w.headers()["content-type"]).toBe("application/wasm");
    expect(w.headers()["content-encoding"]).toBe("gzip");
    expect(w.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(w.headers()["access-control-allow-origin"]).toBe("*");
    const j = await request.get(url + js, { headers: { "Accept-Encoding": "gzip" } });
    expect(j.headers()["content-type"]).toMatch(/javascript/);
    expect(j.headers()["content-encoding"]).toBe("gzip");
  });
}

for (const [name, url] of targets) {
  test.describe(() => {
    test.use({ serviceWorkers: "allow" });
    test(`${name}: the service worker installs with the documented headers`, async ({ page, request }) => {
      await page.goto(url);
      await expect(page.locator("#offline-ready")).toBeVisible();
      const sw = await request.get(url + "sw.js");
      expect(sw.headers()["content-type"]).toMatch(/javascript/);
      expect(sw.headers()["cache-control"]).toBe("no-cache");
      const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
      expect(scope).toBe(url);
    });
  });
}
