// Offline and installable: after one visit Skillscope starts, runs and reports with no network;
// a new release is offered and never swapped in mid-survey; a custom survey falls back to this
// device's copy, labelled. The service worker runs here (the rest of the suite blocks it, so
// that their network routes see every request).
//
// "Offline" is both halves of it: the browser says so (context.setOffline) and the host answers
// nothing (server.setDown), since Chromium's offline switch does not reach a service worker's
// own fetches.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, axeViolations } from "./fixtures.js";
import { DIST, SUB_PATH, serve } from "./serve.mjs";
import { SkillscopeApp } from "./app.js";

test.use({ serviceWorkers: "allow" });

const HOST_PAGE = await readFile(new URL("../../examples/intranet.html", import.meta.url), "utf8");
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const WORKER_SCRIPT = fileURLToPath(new URL("../../scripts/service-worker.mjs", import.meta.url));
const precached = readFileSync(join(DIST, "sw.js"), "utf8").match(/const FILES = (\[.*\]);/)[1];

/** Opens the app and waits until the worker has cached every file. */
async function firstVisit(page, url) {
  const app = new SkillscopeApp(page, url);
  await app.open();
  await expect(page.locator("#offline-ready")).toBeVisible();
  return app;
}

async function goOffline(context, ...servers) {
  await context.setOffline(true);
  for (const s of servers) s.setDown(true);
}

test("the worker precaches every file of the build", () => {
  const files = JSON.parse(precached);
  for (const f of ["index.html", "boot.js", "offline.js", "methodology.html", "manifest.webmanifest", "ai-readiness.de.json", "ai-readiness.es.json"]) {
    expect(files, f).toContain(f);
  }
  // Every wasm and JS chunk of the split, under its hashed name.
  const manifest = JSON.parse(readFileSync(join(DIST, "split-manifest.json"), "utf8"));
  for (const stem of Object.values(manifest).flat()) expect(files).toContain(`${stem}.wasm`);
  expect(files.filter((f) => /^skillscope-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(f))).toHaveLength(2);
  expect(files).not.toContain("sw.js");
});

test("after one visit the whole survey runs offline: report, German, print", async ({ page, context }) => {
  const server = await serve();
  try {
    await firstVisit(page, server.url);
    await goOffline(context, server);
    const seen = server.requests.length;

    await page.reload();
    const app = new SkillscopeApp(page, server.url);
    await expect(page.locator("#boot")).toHaveCount(0);
    await expect(page.locator("#offline-ready")).toBeVisible();
    await page.click("#start");
    await app.answerAll();
    await page.click("#see-report");
    await expect(page.locator("#readiness")).toBeVisible();

    await page.selectOption("header select", "de");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.locator("main h1")).toHaveText("Dein Bericht zur KI-Bereitschaft");
    await expect(page.locator("#offline-ready")).toHaveText("Funktioniert auf diesem Gerät auch offline");

    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header.top")).toBeHidden();
    await expect(page.locator("#offline-ready")).toBeHidden();
    await expect(page.locator(".print-only")).toBeVisible();
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // Everything came from the cache; the only thing that tried the network is the worker's
    // own update check.
    expect(server.requests.slice(seen).filter((u) => !u.endsWith("/sw.js"))).toEqual([]);
    expect(page.problems.filter((p) => !/sw\.js|Failed to fetch|net::ERR/i.test(p))).toEqual([]);
  } finally {
    await server.close();
  }
});

test("a new release is offered, never swapped in mid-survey, and Reload keeps the answers", async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), "skillscope-release-"));
  await cp(DIST, dir, { recursive: true });
  const server = await serve({ dir });
  try {
    const app = await firstVisit(page, server.url);
    await page.click("#start");
    for (let i = 0; i < 3; i++) await app.answerByKeyboard(4);
    const question = await app.legendText();
    const answers = (await app.savedProgress()).answers;
    expect(Object.keys(answers)).toHaveLength(3);

    // Deploy release 2: a changed file, and the worker listing it again.
    const marker = "<!-- release 2 -->";
    await writeFile(join(dir, "methodology.html"), (await readFile(join(dir, "methodology.html"), "utf8")) + marker);
    execFileSync("node", [WORKER_SCRIPT, dir]);
    const methodology = () => page.evaluate(() => fetch("methodology.html").then((r) => r.text()));

    // The tab comes back into view: the worker looks for a release and finds one.
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect(page.locator("#update-notice")).toContainText("A new version is ready");
    // Meanwhile the page runs on as it was: same question, release 1's files.
    expect(await app.legendText()).toBe(question);
    expect(await methodology()).not.toContain(marker);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator("#update-reload").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#update-notice")).toHaveCount(0);
    await expect(page.locator("legend .question-text")).toHaveText(question);
    expect((await app.savedProgress()).answers).toEqual(answers);
    expect(await methodology()).toContain(marker);
    expect(page.problems).toEqual([]);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("deleting sw.js from the host turns offline use off at the next visit", async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), "skillscope-off-"));
  await cp(DIST, dir, { recursive: true });
  const server = await serve({ dir });
  try {
    await firstVisit(page, server.url);
    const state = () =>
      page.evaluate(async () => ({
        worker: !!(await navigator.serviceWorker.getRegistration()),
        caches: (await caches.keys()).filter((k) => k.startsWith("skillscope-app ")).length,
      }));
    expect(await state()).toEqual({ worker: true, caches: 1 });
    await rm(join(dir, "sw.js"));
    await page.reload();
    await expect(page.locator("#start")).toBeVisible();
    await expect.poll(state).toEqual({ worker: false, caches: 0 });
    // The next visit comes from the host, and still works.
    await page.reload();
    await page.click("#start");
    await expect(page.locator("legend")).toBeVisible();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("a custom survey opened once opens offline as a labelled copy; a new one says it needs the network", async ({ page, context }) => {
  const surveys = await serve({ dir: FIXTURES, cors: true, csp: null });
  const server = await serve({ metaCsp: false, connectSrc: surveys.url.slice(0, -1) });
  try {
    const survey = (name) => `${server.url}?survey=${encodeURIComponent(surveys.url + name)}`;
    await page.goto(survey("team.json"));
    await expect(page.locator("#start-title")).toHaveText("Team data check");
    await expect(page.locator("#offline-copy")).toHaveCount(0);
    await expect(page.locator("#offline-ready")).toBeVisible();

    await goOffline(context, server, surveys);
    await page.reload();
    await expect(page.locator("#start-title")).toHaveText("Team data check");
    const today = await page.evaluate(() =>
      new Date().toLocaleDateString("en", { day: "numeric", month: "long", year: "numeric" }),
    );
    await expect(page.locator("#offline-copy")).toHaveText(new RegExp(`^Offline copy from ${today}:`));
    expect(await axeViolations(page)).toEqual([]);
    const app = new SkillscopeApp(page, server.url);
    await page.click("#start");
    await app.answerAll();
    await page.click("#see-report");
    await expect(page.locator("#readiness")).toBeVisible();

    await page.goto(survey("partial.json"));
    await expect(page.locator("#load-error")).toContainText("this survey has not been opened on this device before");
    await expect(page.locator("#retry")).toBeVisible();

    // Back online, the network wins again and the label goes.
    await context.setOffline(false);
    for (const s of [server, surveys]) s.setDown(false);
    await page.goto(survey("team.json"));
    await expect(page.locator("#start-title")).toHaveText("Team data check");
    await expect(page.locator("#offline-copy")).toHaveCount(0);
  } finally {
    await server.close();
    await surveys.close();
  }
});

test("under a sub-path the worker's scope is that folder, and it works offline there", async ({ page, context }) => {
  const server = await serve();
  try {
    const url = server.url.slice(0, -1) + SUB_PATH;
    await firstVisit(page, url);
    const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
    expect(scope).toBe(url);
    await goOffline(context, server);
    await page.reload();
    await page.click("#start");
    await expect(page.locator("legend")).toBeVisible();
  } finally {
    await server.close();
  }
});

test("it is installable: Chromium finds the manifest, its icons and the worker", async ({ playwright, launchOptions }) => {
  // Installing needs a real profile: Chromium refuses it in the incognito-like default context.
  const profile = await mkdtemp(join(tmpdir(), "skillscope-profile-"));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, serviceWorkers: "allow" });
  const server = await serve();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await firstVisit(page, server.url);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data);
    expect(parsed.start_url).toBe("./");
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    // The icons the manifest names exist at the sizes it claims.
    for (const icon of parsed.icons.filter((i) => i.type === "image/png")) {
      const png = await readFile(join(DIST, icon.src));
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
    }
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test("embedded in an intranet page, the app caches itself and restarts from the cache, quietly", async ({ page }) => {
  const host = await serve({ csp: null, pages: { "/intranet.html": HOST_PAGE } });
  const app = await serve({ frameAncestors: host.url.slice(0, -1) });
  try {
    await page.goto(`${host.url}intranet.html?app=${encodeURIComponent(app.url)}`);
    const frame = () => page.frames().find((f) => f.url().startsWith(app.url));
    await expect(page.frameLocator("#skillscope").locator("#start")).toBeVisible();
    const ready = () => frame().evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state ?? null));
    await expect.poll(ready).toBe("activated");
    // The host page is in charge of its own chrome; the frame says nothing about caching.
    await expect(page.frameLocator("#skillscope").locator("#offline-ready")).toHaveCount(0);

    // The app's host goes away; the frame restarts from the cache all the same.
    app.setDown(true);
    await frame().evaluate(() => location.reload());
    await expect(page.frameLocator("#skillscope").locator("#start")).toBeVisible();
    await page.frameLocator("#skillscope").locator("#start").click();
    await expect(page.frameLocator("#skillscope").locator("legend")).toBeVisible();
  } finally {
    await host.close();
    await app.close();
  }
});
