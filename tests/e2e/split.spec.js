// The split release: a respondent's first load holds only the runner; the report, team and
// custom-survey chunks come on demand, and a chunk that cannot be fetched costs no answers.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test, expect, axeViolations } from "./fixtures.js";
import { SkillscopeApp } from "./app.js";
import { DIST, SUB_PATH } from "./serve.mjs";

const manifest = JSON.parse(await readFile(join(DIST, "split-manifest.json"), "utf8"));
const chunkFiles = (area) => manifest[area].map((stem) => `${stem}.wasm`);
const isChunk = (url) => /\/(?!skillscope-)[^/]+\.wasm$/.test(url);

/** Makes an area's chunk files fail as if offline; returns what lets them through again. */
async function offline(page, area) {
  const files = chunkFiles(area);
  const pattern = (url) => files.some((f) => url.pathname.endsWith(f));
  const block = (route) => route.abort("internetdisconnected");
  await page.route(pattern, block);
  return () => page.unroute(pattern, block);
}

test("the build has a chunk for the report, the team summary, custom surveys and the studio", () => {
  for (const area of ["report", "team", "custom", "studio"]) {
    expect(manifest[area]?.length, area).toBeGreaterThan(0);
  }
  // Hashed names, so a host may cache them for good.
  for (const stem of Object.values(manifest).flat()) expect(stem).toMatch(/-[0-9a-f]{16}$/);
});

test("the first question needs no chunk; the report chunk is fetched once it shows", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  await expect(page.locator("legend")).toBeVisible();
  const beforeQuestion = server.requests.length;
  const loadedFirst = server.requests.slice(0, beforeQuestion);
  // The prefetch starts when the question shows, so it may already be in flight: anything
  // requested up to the start page is what the first load is made of.
  expect(loadedFirst.filter(isChunk).filter((u) => !chunkFiles("report").some((f) => u.endsWith(f))))
    .toEqual([]);
  await expect.poll(() => chunkFiles("report").every((f) => server.requests.some((u) => u.endsWith(f)))).toBe(true);
  for (const f of [...chunkFiles("team"), ...chunkFiles("custom")].filter((f) => !chunkFiles("report").includes(f))) {
    expect(server.requests.some((u) => u.endsWith(f)), f).toBe(false);
  }
  expect(page.problems).toEqual([]);
});

test("the start page comes without any chunk", async ({ page, server }) => {
  await new SkillscopeApp(page, server.url).open();
  await expect(page.locator("#start")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(server.requests.filter(isChunk)).toEqual([]);
});

test("a report chunk that cannot be fetched says so, keeps every answer, and Retry shows the report", async ({ page, server }) => {
  const online = await offline(page, "report");
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  const answered = await app.answerAll();
  await page.click("#see-report");
  await expect(page.locator("#chunk-failed-title")).toBeFocused();
  await expect(page.locator(".chunk-failed")).toContainText("Your answers are safe");
  expect(await axeViolations(page)).toEqual([]);
  const saved = await app.savedProgress();
  expect(Object.keys(saved.answers).length).toBeGreaterThanOrEqual(answered - 1);

  // Back goes to the review with the answers there.
  await page.click("#chunk-back");
  await expect(page.locator("#see-report")).toBeVisible();
  await page.click("#see-report");
  await expect(page.locator("#chunk-retry")).toBeVisible();

  await online();
  await page.click("#chunk-retry");
  await expect(page.locator("#readiness")).toBeVisible();
  expect(Object.keys((await app.savedProgress()).answers)).toEqual(Object.keys(saved.answers));
  // The browser logs the refused fetches; nothing else may go wrong.
  expect(page.problems.filter((p) => !/internet|Failed to fetch|TypeError: Failed|net::ERR/i.test(p))).toEqual([]);
});

test("a team chunk that cannot be fetched offers Retry and the way back", async ({ page, server }) => {
  const online = await offline(page, "team");
  await new SkillscopeApp(page, server.url).open();
  await page.click("#open-team");
  await expect(page.locator("#chunk-failed-title")).toBeFocused();
  await page.click("#chunk-back");
  await expect(page.locator("#start")).toBeVisible();
  await online();
  await page.click("#open-team");
  await expect(page.locator("#team-links")).toBeVisible();
});

test("a custom survey whose chunk cannot be fetched says so and Retry loads it", async ({ page, server }) => {
  const online = await offline(page, "custom");
  await page.goto(`${server.url}?survey=does-not-exist.json`);
  await expect(page.locator("#load-error")).toContainText("could not fetch this part");
  await online();
  await page.click("#retry");
  // Now the chunk loads, and the missing file is named as such.
  await expect(page.locator("#load-error")).toContainText(/not found|404|no survey/i);
});

test("chunks load under a sub-path too", async ({ page, server }) => {
  const base = server.url.slice(0, -1) + SUB_PATH;
  const app = new SkillscopeApp(page, base);
  await app.open();
  await page.click("#open-team");
  await expect(page.locator("#team-links")).toBeVisible();
  expect(server.requests.filter((r) => !r.startsWith(SUB_PATH))).toEqual([]);
  expect(server.requests.some(isChunk)).toBe(true);
});
