// The survey studio: a lead writes a survey as JSON, sees the engine's problems as they type,
// shares it as a link that a fresh browser can answer, and finds the draft after a reload.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { test, expect, axeViolations } from "./fixtures.js";
import { SkillscopeApp } from "./app.js";
import { CLI } from "./cli.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const studioChunk = (url) => /\/split_studio-[0-9a-f]{16}\.wasm$/.test(url);

async function openStudio(page, server) {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await app.tabTo("#open-studio");
  await page.keyboard.press("Enter");
  await expect(page.locator("#studio-title")).toBeFocused();
  return app;
}

test("from blank to a two-question survey, shared as a link a fresh browser answers", async ({ page, server, browser }) => {
  const app = await openStudio(page, server);
  // The studio came as its own chunk, only when asked for.
  expect(server.requests.filter(studioChunk)).toHaveLength(1);

  await app.tabTo("#studio-blank");
  await page.keyboard.press("Enter");
  await expect(page.locator("#studio-status")).toHaveText("No problems: the survey is valid.");

  // The author edits the JSON: a title and a second question.
  const draft = JSON.parse(await page.locator("#studio-json").inputValue());
  draft.title = "Two questions";
  const first = draft.sections[0].questions[0];
  draft.sections[0].questions.push({ ...first, id: "q2", text: "I teach this skill to others." });
  await page.locator("#studio-json").fill(JSON.stringify(draft, null, 1));
  await expect(page.locator("#studio-saved")).toHaveText("Draft saved in this browser.");
  await expect(page.locator("#studio-status")).toHaveText("No problems: the survey is valid.");
  // One dimension with two items is valid but thin.
  await expect(page.locator("#studio-warnings")).toContainText("dimensions[0]");
  expect(await axeViolations(page)).toEqual([]);

  await app.tabTo("#studio-share");
  await page.keyboard.press("Enter");
  const link = await page.locator("#studio-share-link").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#def=/);
  await expect(page.locator("#studio-qr")).toBeVisible();
  // An embed snippet for the lead's intranet, talking only to that origin.
  await page.locator("#studio-embed-origin").fill("intranet");
  await expect(page.locator("#studio-embed-hint")).toContainText("https://intranet.example.com");
  await page.locator("#studio-embed-origin").fill("https://intranet.example.com");
  const snippet = await page.locator("#studio-embed").inputValue();
  expect(snippet).toContain("?embed=1&parent=https%3A%2F%2Fintranet.example.com#def=");
  expect(snippet).toContain(link.split("#")[1]);

  const fresh = await browser.newContext({ serviceWorkers: "block" });
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.locator("#start-title")).toHaveText("Two questions");
    await other.click("#start");
    const respondent = new SkillscopeApp(other, server.url);
    expect(await respondent.answerAll()).toBe(2);
    await expect(other.locator("#see-report")).toBeVisible();
  } finally {
    await fresh.close();
  }
  expect(page.problems).toEqual([]);
});

test("a broken definition lists the engine's own problems, each with its JSON path", async ({ page, server }) => {
  await openStudio(page, server);
  const broken = await readFile(`${FIXTURES}broken.json`, "utf8");
  await page.locator("#studio-json").fill(broken);
  let cli = "";
  try {
    execFileSync(CLI, ["validate", `${FIXTURES}broken.json`], { stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    cli = e.stdout.toString();
  }
  const expected = cli.trim().split("\n");
  await expect(page.locator("#studio-status")).toHaveText(`${expected.length} problems:`);
  await expect(page.locator("#studio-problems li")).toHaveText(expected);
  // Sharing waits for a valid survey.
  await page.click("#studio-share");
  await expect(page.locator("#studio-share-note")).toContainText("Fix the problems first");
  await expect(page.locator("#studio-share-link")).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
});

test("the draft survives a reload, and Undo brings back what Copy replaced", async ({ page, server }) => {
  await openStudio(page, server);
  const mine = (await page.locator("#studio-json").inputValue()).replace("My survey", "Kept over a reload");
  await page.locator("#studio-json").fill(mine);
  await expect(page.locator("#studio-saved")).toHaveText("Draft saved in this browser.");

  await page.goto(server.url + "?studio");
  await expect(page.locator("#studio-title")).toBeVisible();
  await expect(page.locator("#studio-json")).toHaveValue(mine);

  await page.click("#studio-copy");
  await expect(page.locator("#studio-json")).toHaveValue(/"id": "ai-readiness"/);
  await expect(page.locator("#studio-status")).toHaveText("No problems: the survey is valid.");
  // The built-in assessment is not weak by the studio's own measure.
  await expect(page.locator("#studio-warnings")).toHaveCount(0);
  await page.click("#studio-undo");
  await expect(page.locator("#studio-json")).toHaveValue(mine);
  await page.click("#studio-redo");
  await expect(page.locator("#studio-json")).toHaveValue(/"id": "ai-readiness"/);

  // Typing not yet checked is what Undo takes back first.
  const copied = await page.locator("#studio-json").inputValue();
  await page.locator("#studio-json").evaluate((el) => {
    el.value = el.value.replace('"id": "ai-readiness"', '"id": "ai-readiness-2"');
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.click("#studio-undo");
  await expect(page.locator("#studio-json")).toHaveValue(copied);
  await page.click("#studio-redo");
  await expect(page.locator("#studio-json")).toHaveValue(/"id": "ai-readiness-2"/);
});

test("nothing the studio does is sent anywhere, and it reads in German and in the dark theme", async ({ page, server }) => {
  const elsewhere = [];
  page.on("request", (r) => !r.url().startsWith(server.url) && elsewhere.push(r.url()));
  await openStudio(page, server);
  const before = server.requests.length;
  await page.locator("#studio-json").fill('{"format": 1}');
  await expect(page.locator("#studio-status")).toContainText("problems");
  await page.click("#studio-download").catch(() => {});
  expect(server.requests.slice(before)).toEqual([]);
  expect(elsewhere).toEqual([]);

  // Switching language right after typing renders the studio anew, with what was typed.
  await page.locator("#studio-json").fill('{"format": 2}');
  await page.selectOption("header select", "de");
  await expect(page.locator("#studio-title")).toHaveText("Umfrage-Studio");
  await expect(page.locator("#studio-json")).toHaveValue('{"format": 2}');
  await expect(page.locator("label[for=studio-json]")).toHaveText("Umfrage-JSON");
  await page.click(".theme-toggle");
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await axeViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
});

test("the persona preview follows the levels chosen and a changed weight", async ({ page, server }) => {
  await openStudio(page, server);
  await page.click("#studio-copy");
  await expect(page.locator("#studio-status")).toHaveText("No problems: the survey is valid.");
  const readiness = () => page.locator("#persona-readiness").textContent();
  await page.selectOption("#persona-everyone", { label: "Not yet" });
  const low = await readiness();
  await page.selectOption("#persona-everyone", { label: "Guide" });
  await expect(page.locator("#persona-readiness")).not.toHaveText(low);
  await expect(page.locator("#persona-quadrant")).toHaveText("Quadrant: Adaptive specialist");

  // The path this person is shown first, made to reward low scores instead.
  const firstShown = async () => (await page.locator("#persona-paths li").first().textContent()).replace(/ \(\d+\)$/, "");
  const top = await firstShown();
  const def = JSON.parse(await page.locator("#studio-json").inputValue());
  const path = def.paths.find((p) => (p.title.en ?? p.title) === top);
  expect(path, top).toBeTruthy();
  for (const dim of Object.keys(path.fit.weights)) path.fit.weights[dim] = -1;
  path.fit.boosts = [];
  // Pasted as a whole, as Playwright's fill types a text this long too slowly.
  await page.locator("#studio-json").evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, JSON.stringify(def, null, 1));
  await expect.poll(firstShown).not.toBe(top);
  await expect(page.locator("#persona-paths")).not.toContainText(top);
  // The level chosen stays while the draft changes.
  await expect(page.locator("#persona-everyone")).toHaveValue("4");

  // One dimension set apart moves the readiness again.
  const guide = await readiness();
  const first = def.dimensions[0].id;
  await page.locator(".persona-apart summary").click();
  await page.selectOption(`#persona-dim-${first}`, { label: "Not yet" });
  await expect(page.locator("#persona-readiness")).not.toHaveText(guide);
  expect(await axeViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
});
