// index.html carries the built-in start page, so a respondent sees it (and can press Start)
// before the wasm has arrived. It must say exactly what the app then renders, in the same place.
import { test, expect, axeViolations } from "./fixtures.js";

const PARTS = [".skip-link", ".brand", "label.lang", ".theme-toggle", "h1", ".tagline", ".intro", ".facts li", ".fine", ".actions button", ".for-leads button"];

async function texts(page) {
  const out = {};
  for (const part of PARTS) {
    out[part] = await page.locator(part).evaluateAll((els) => els.map((e) => e.textContent.trim().replace(/\s+/g, " ")));
  }
  return out;
}

async function boxes(page) {
  return page.locator("header.top, h1, .intro, .facts, .actions").evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [e.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
    }),
  );
}

/** Holds the main wasm back until `release` is called, so the page before it can be seen. */
async function holdWasm(page) {
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(/skillscope-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("the start page in index.html says what the app renders, in the same place", async ({ browser, page, server }) => {
  const waiting = await browser.newContext();
  const staticPage = await waiting.newPage();
  await holdWasm(staticPage);
  await staticPage.goto(server.url);
  await expect(staticPage.locator("#boot-title")).toBeVisible();
  const before = await texts(staticPage);
  const beforeBoxes = await boxes(staticPage);
  await waiting.close();

  await page.goto(server.url);
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.locator("#start")).toBeVisible();
  expect(await texts(page)).toEqual(before);
  expect(await boxes(page)).toEqual(beforeBoxes);
});

test("the page shifts nothing while the app takes over", async ({ page, server }) => {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  const release = await holdWasm(page);
  await page.goto(server.url);
  await expect(page.locator("#boot-title")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  release();
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.locator("#start")).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__shift)).toBe(0);
});

test("Start pressed before the wasm has arrived starts the assessment once it runs", async ({ page, server }) => {
  const release = await holdWasm(page);
  await page.goto(server.url);
  await page.click("#boot-start");
  await expect(page.locator("#boot-status")).toHaveText("Loading…");
  release();
  await expect(page.locator("legend")).toBeVisible();
  await expect(page.locator("legend")).toBeFocused();
  expect(page.problems).toEqual([]);
});

test("a custom survey or a result link shows a loading line, not the built-in start page", async ({ page, server }) => {
  const release = await holdWasm(page);
  await page.goto(`${server.url}?survey=team.json`);
  await expect(page.locator("#boot")).toHaveText("Loading Skillscope…");
  await expect(page.locator("#boot-start")).toHaveCount(0);
  release();
});
