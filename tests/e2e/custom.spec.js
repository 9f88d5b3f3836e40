// Custom surveys: from another server (with and without CORS), invalid definitions, inline
// #def= links, theming, storage kept apart, and sharing the survey link.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { test, expect, axeViolations, cspViolations } from "./fixtures.js";
import { serve } from "./serve.mjs";
import { SkillscopeApp } from "./app.js";
import { CLI } from "./cli.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** The app, allowed to fetch from `origin` as an intranet deployer would configure it. */
async function appAllowing(origin, extra = {}) {
  return serve({ metaCsp: false, connectSrc: origin, ...extra });
}

test("a custom survey from another server with CORS runs, branded and stored apart", async ({ page }) => {
  const surveys = await serve({ dir: FIXTURES, cors: true, csp: null });
  const app = await appAllowing(surveys.url.slice(0, -1));
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(`${app.url}?survey=${encodeURIComponent(surveys.url + "team.json")}`);
  await expect(page.locator("#start-title")).toHaveText("Team data check");
  await expect(page.locator(".intro")).toHaveText("Acme's own intro for the team.");
  await expect(page.locator(".brand")).toContainText("Acme Ltd");
  await expect(page.locator(".brand img")).toHaveAttribute("alt", "Acme logo");

  // #ffd700 on white is about 1.4:1; the app must darken it to a readable shade and say so.
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim());
  expect(accent).not.toBe("#ffd700");
  expect(contrast(accent, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  expect(warnings.some((w) => w.includes("lacks contrast"))).toBe(true);

  const runner = new SkillscopeApp(page, app.url);
  await page.click("#start");
  await runner.answerAll();
  await page.click("#see-report");
  await expect(page.locator("#readiness")).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toContain("skillscope:v1:progress:custom:team-check");
  expect(keys.some((k) => k.endsWith(":progress:ai-readiness"))).toBe(false);
  expect(await cspViolations(page)).toEqual([]);
  await surveys.close();
  await app.close();
});

test("without CORS headers the error names CORS", async ({ page }) => {
  const surveys = await serve({ dir: FIXTURES, cors: false, csp: null });
  const app = await appAllowing(surveys.url.slice(0, -1));
  await page.goto(`${app.url}?survey=${encodeURIComponent(surveys.url + "team.json")}`);
  await expect(page.locator("#load-error")).toContainText("CORS");
  await expect(page.locator("#retry")).toBeVisible();
  await surveys.close();
  await app.close();
});

test("a missing file says 404 and an unreachable server says network", async ({ page, server }) => {
  await page.goto(`${server.url}?survey=nope.json`);
  await expect(page.locator("#load-error")).toContainText("404");
  const app = await appAllowing("http://127.0.0.1:9");
  await page.goto(`${app.url}?survey=${encodeURIComponent("http://127.0.0.1:9/team.json")}`);
  await expect(page.locator("#load-error")).toContainText("network error");
  await app.close();
});

test("a slow survey shows a spinner, and Retry loads it once it is there", async ({ page }) => {
  const pages = {};
  const surveys = await serve({ dir: FIXTURES, cors: true, csp: null, delayMs: 1500, pages });
  const app = await appAllowing(surveys.url.slice(0, -1));
  await page.goto(`${app.url}?survey=${encodeURIComponent(surveys.url + "later.json")}`);
  await expect(page.locator(".spinner")).toBeVisible();
  await expect(page.locator("#load-error")).toContainText("404");
  pages["/later.json"] = await readFile(`${FIXTURES}team.json`, "utf8");
  await page.click("#retry");
  await expect(page.locator(".spinner")).toBeVisible();
  await expect(page.locator("#start-title")).toHaveText("Team data check");
  await surveys.close();
  await app.close();
});

test("a survey server that never answers times out with Retry", async ({ page }) => {
  // The server holds the request far beyond the app's 15 s limit; a fake clock jumps past it.
  const surveys = await serve({ dir: FIXTURES, cors: true, csp: null, delayMs: 600_000 });
  const app = await appAllowing(surveys.url.slice(0, -1));
  await page.clock.install();
  await page.goto(`${app.url}?survey=${encodeURIComponent(surveys.url + "team.json")}`);
  await expect(page.locator(".spinner")).toBeVisible();
  // The request, and its timer, start once the custom-survey chunk is in.
  await expect.poll(() => surveys.requests.some((r) => r.endsWith("team.json"))).toBe(true);
  // Paused, the page's time moves only when told to.
  await page.clock.pauseAt(Date.now() + 1_000);
  await page.clock.runFor(12_000);
  await expect(page.locator(".spinner")).toBeVisible();
  await expect(page.locator("#load-error")).toHaveCount(0);
  await page.clock.runFor(4_000);
  await expect(page.locator("#load-error")).toHaveText("The survey server did not answer in time.");
  await expect(page.locator("#retry")).toBeVisible();
  await surveys.close();
  await app.close();
});

test("an invalid definition lists its problems with their paths", async ({ page, server }) => {
  const surveys = await serve({ dir: FIXTURES, cors: true, csp: null });
  const app = await appAllowing(surveys.url.slice(0, -1));
  await page.goto(`${app.url}?survey=${encodeURIComponent(surveys.url + "broken.json")}`);
  await expect(page.locator("#problems li")).toHaveCount(2);
  await expect(page.locator("#problems")).toContainText('dimensions[3].id: duplicate id "lit"');
  await expect(page.locator("#problems")).toContainText('dimensions[3].group: unknown group "nowhere"');
  await expect(page.locator("#retry")).toHaveCount(0);
  await surveys.close();
  await app.close();
});

test("an inline #def= survey runs, and an oversize one is refused clearly", async ({ page, server }) => {
  const code = execFileSync(CLI, ["inline", `${FIXTURES}team.json`]).toString().trim();
  await page.goto(`${server.url}?lang=de#def=${code}`);
  await expect(page.locator("#start-title")).toHaveText("Team-Datencheck");
  await page.click("#start");
  await expect(page.locator("legend")).toBeVisible();
  // Its result link carries the survey too, so it opens anywhere.
  await new SkillscopeApp(page, server.url).answerAll();
  await page.click("#see-report");
  const link = await page.locator("#result-link").inputValue();
  expect(link).toContain(`#def=${code}&r=`);
  const index = await page.locator("#readiness").textContent();
  const other = await page.context().browser().newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.locator("#readiness")).toHaveText(index);
  await expect(fresh.locator("#report-title")).toHaveText("Dein Bericht zur KI-Bereitschaft");
  await other.close();

  const huge = execFileSync("node", [
    "-e",
    `const z=require("node:zlib");process.stdout.write(z.deflateRawSync(Buffer.from(" ".repeat(300000))).toString("base64url"))`,
  ]).toString();
  await page.goto("about:blank");
  await page.goto(`${server.url}#def=${huge}`);
  await expect(page.locator("#load-error")).toContainText("larger than 64 KB");
  expect(page.problems).toEqual([]);
});

test("Share this survey copies the survey link with the language", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const surveys = await serve({ dir: FIXTURES, cors: true, csp: null });
  const app = await appAllowing(surveys.url.slice(0, -1));
  const url = surveys.url + "team.json";
  await page.goto(`${app.url}?survey=${encodeURIComponent(url)}&lang=de&junk=1`);
  await page.click("#share-survey");
  await expect(page.locator(".start .copy-status")).toHaveText("Link zur Umfrage kopiert");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${app.url}?survey=${encodeURIComponent(url)}&lang=de`);
  await surveys.close();
  await app.close();
});

test("?theme=dark forces the dark scheme", async ({ page, server }) => {
  await page.goto(`${server.url}?theme=dark`);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator(".theme-toggle")).toHaveAttribute("aria-pressed", "true");
});

function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, b2] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const c = (x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b2);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test("a report with too few areas answered says what it needs and takes the person there", async ({ page, server }) => {
  const code = execFileSync(CLI, ["inline", `${FIXTURES}partial.json`]).toString().trim();
  await page.goto(`${server.url}#def=${code}`);
  await page.click("#start");
  // Annotation is answered; everything else, all optional, is skipped.
  const app = new SkillscopeApp(page, server.url);
  while (await app.onQuestion()) {
    const before = await app.legendText();
    if (before.startsWith("Ann")) await page.keyboard.press("5");
    await page.keyboard.press("Enter");
    await expect.poll(async () => !(await app.onQuestion()) || (await app.legendText()) !== before).toBe(true);
  }
  await page.click("#see-report");
  await expect(page.locator("#readiness")).toHaveText("not known yet");
  await expect(page.locator("#report-needs")).toContainText("Still needed: Literacy, Extraction, Agility.");
  await expect(page.locator("[data-group=build] .path-card").first()).toHaveAttribute("data-path", "annotate");
  // The support path weighs only agility, which nobody answered: not ranked.
  await expect(page.locator("#unranked-paths")).toContainText("Learning support");
  expect(await axeViolations(page)).toEqual([]);
  await page.click("#answer-needed");
  await expect(page.locator("legend .question-text")).toHaveText("Lit item 1");
  await expect(page.locator("legend")).toBeFocused();
  expect(await cspViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
});
