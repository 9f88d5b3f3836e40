// Intranet embedding: a host page on one origin embeds the app from another and talks to it
// only through postMessage with the declared parent origin. Uses examples/intranet.html as is.
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { test, expect } from "./fixtures.js";
import { serve } from "./serve.mjs";
import { SkillscopeApp } from "./app.js";
import { CLI } from "./cli.js";

const HOST_PAGE = await readFile(new URL("../../examples/intranet.html", import.meta.url), "utf8");

async function setup(hostCount = 1) {
  const hosts = [];
  for (let i = 0; i < hostCount; i++) hosts.push(await serve({ csp: null, pages: { "/intranet.html": HOST_PAGE } }));
  const ancestors = hosts.map((h) => h.url.slice(0, -1)).join(" ");
  const app = await serve({ frameAncestors: ancestors });
  return { app, hosts, close: async () => Promise.all([app.close(), ...hosts.map((h) => h.close())]) };
}

const messages = (page) => page.evaluate(() => window.skillscopeMessages.map((m) => m));

test("the host receives ready, resize, progress and complete, and sizes the iframe", async ({ page }) => {
  const { app, hosts, close } = await setup();
  await page.goto(`${hosts[0].url}intranet.html?app=${encodeURIComponent(app.url)}`);
  const frame = page.frameLocator("#skillscope");
  await expect(frame.locator("#start")).toBeVisible();
  await expect.poll(async () => (await messages(page)).map((m) => m.type)).toContain("ready");
  await expect.poll(async () => (await messages(page)).some((m) => m.type === "resize")).toBe(true);
  await expect(frame.locator("header.top")).toBeHidden();

  // The iframe follows the content height, with no inner scrollbar.
  const fits = async () => {
    const inner = await page.frames()[1].evaluate(() => document.documentElement.scrollHeight);
    const outer = await page.locator("#skillscope").evaluate((f) => f.clientHeight);
    return Math.abs(inner - outer) <= 2;
  };
  await expect.poll(fits).toBe(true);

  const inner = page.frames()[1];
  await inner.click("#start");
  const runner = new SkillscopeApp(page, app.url, inner);
  await runner.answerAll();
  await inner.click("#see-report");
  await expect(frame.locator("#readiness")).toBeVisible();
  await expect.poll(fits).toBe(true);

  const all = await messages(page);
  const progress = all.filter((m) => m.type === "progress");
  expect(progress.at(-1).answered).toBe(progress.at(-1).total);
  // A result link copied inside the frame opens the normal page, not the embedded one.
  expect(await frame.locator("#result-link").inputValue()).not.toMatch(/embed|parent/);
  const complete = all.find((m) => m.type === "complete");
  expect(complete).toBeTruthy();
  expect(JSON.stringify(complete)).not.toMatch(/keyboard reflection/);

  // The payload matches what the engine computes for the same answers.
  const answers = execFileSync(CLI, ["decode", complete.code, "--survey", "ai-readiness"]);
  const report = JSON.parse(execFileSync(CLI, ["report", "--survey", "ai-readiness", "--answers", "-"], { input: answers }));
  expect(complete.readiness).toBe(report.readiness);
  expect(complete.axes).toEqual(report.axes);
  expect(complete.dimensions).toEqual(report.dimensions.map((d) => ({ id: d.id, score: d.score, level: d.level })));
  expect(complete.paths.map((p) => p.id)).toEqual(report.paths.slice(0, 3).map((p) => p.id));
  await close();
});

test("with a wrong parent the host receives nothing, and foreign messages are ignored", async ({ page }) => {
  const { app, hosts, close } = await setup(2);
  const [right, wrong] = hosts;
  // The wrong host embeds the app but names the right host as parent.
  const misdirected = HOST_PAGE.replace("encodeURIComponent(location.origin)", JSON.stringify(encodeURIComponent(right.url.slice(0, -1))));
  expect(misdirected).not.toBe(HOST_PAGE);
  const host = await serve({ csp: null, pages: { "/misdirected.html": misdirected } });
  const app2 = await serve({ frameAncestors: host.url.slice(0, -1) });
  await page.goto(`${host.url}misdirected.html?app=${encodeURIComponent(app2.url)}`);
  const frame = page.frameLocator("#skillscope");
  await expect(frame.locator("#start")).toBeVisible();
  await page.evaluate(() => window.setSkillscopeLanguage("de"));
  await page.waitForTimeout(500);
  await expect(frame.locator("#start")).toHaveText("Start");
  expect(await messages(page)).toEqual([]);
  await host.close();
  await app2.close();
  await close();
});

test("the parent can switch the language", async ({ page }) => {
  const { app, hosts, close } = await setup();
  await page.goto(`${hosts[0].url}intranet.html?app=${encodeURIComponent(app.url)}`);
  const frame = page.frameLocator("#skillscope");
  await expect(frame.locator("#start")).toHaveText("Start");
  await expect.poll(async () => (await messages(page)).map((m) => m.type)).toContain("ready");
  await page.evaluate(() => window.setSkillscopeLanguage("es"));
  await expect(frame.locator("#start")).toHaveText("Empezar");
  await close();
});

test("without allow-same-origin the app still works, without saving progress", async ({ page }) => {
  const { app, hosts, close } = await setup();
  const page_ = HOST_PAGE.replace(`sandbox="allow-scripts allow-same-origin`, `sandbox="allow-scripts`);
  expect(page_).not.toBe(HOST_PAGE);
  const host = await serve({ csp: null, pages: { "/strict.html": page_ } });
  // A sandbox without allow-same-origin gives the frame an opaque origin, so its module scripts
  // and wasm are CORS requests: the static host must send Access-Control-Allow-Origin.
  const app2 = await serve({ frameAncestors: host.url.slice(0, -1), cors: true });
  await page.goto(`${host.url}strict.html?app=${encodeURIComponent(app2.url)}`);
  const frame = page.frameLocator("#skillscope");
  await expect(frame.locator("#storage-notice")).toBeVisible();
  await frame.locator("#start").click();
  await expect(frame.locator("legend")).toBeVisible();
  await host.close();
  await app2.close();
  await close();
});

test("an embedded run whose report chunk fails tells the host complete once Retry brings it", async ({ page }) => {
  const { app, hosts, close } = await setup();
  const block = (route) => route.abort("internetdisconnected");
  const reportChunk = (url) => /\/split_report-[0-9a-f]+\.wasm$/.test(url.pathname);
  await page.route(reportChunk, block);
  await page.goto(`${hosts[0].url}intranet.html?app=${encodeURIComponent(app.url)}`);
  const frame = page.frameLocator("#skillscope");
  await expect(frame.locator("#start")).toBeVisible();
  const inner = page.frames()[1];
  await inner.click("#start");
  await new SkillscopeApp(page, app.url, inner).answerAll();
  await inner.click("#see-report");
  await expect(frame.locator("#chunk-retry")).toBeVisible();
  expect((await messages(page)).some((m) => m.type === "complete")).toBe(false);
  await page.unroute(reportChunk, block);
  await inner.click("#chunk-retry");
  await expect(frame.locator("#readiness")).toBeVisible();
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === "complete").length).toBe(1);
  await close();
});
