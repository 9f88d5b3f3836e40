// The readiness report: contents, result links in a fresh browser, damaged links, print,
// downloads, retake comparison and accessibility.
import { readFile } from "node:fs/promises";
import { test, expect, axeViolations, cspViolations } from "./fixtures.js";
import { SkillscopeApp } from "./app.js";
import { resultCode } from "./cli.js";

async function finish(page, server, choose = (n) => 1 + ((n * 7) % 5)) {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  await app.answerAll(choose);
  await page.click("#see-report");
  await expect(page.locator("#readiness")).toBeVisible();
  return app;
}

async function levels(page) {
  return page.locator("tr[data-dimension]").evaluateAll((rows) =>
    rows.map((r) => [r.dataset.dimension, r.querySelector(".level").textContent.trim()]),
  );
}

test("the report shows the index, three explained paths to build on with support beside them, 13 dimensions and a chart with its table", async ({ page, server }) => {
  await finish(page, server);
  const readiness = Number(await page.locator("#readiness").textContent());
  expect(readiness).toBeGreaterThanOrEqual(0);
  expect(readiness).toBeLessThanOrEqual(100);
  await expect(page.locator("#ai-breadth")).toHaveText(/^\d+$/);
  await expect(page.locator("[data-group=build] .path-card")).toHaveCount(3);
  const support = await page.locator("[data-group=support] .path-card").count();
  expect(support).toBeGreaterThanOrEqual(1);
  expect(support).toBeLessThanOrEqual(2);
  for (const card of await page.locator(".path-card").all()) {
    expect(await card.locator(".evidence li").count()).toBeGreaterThan(0);
    await expect(card.locator(".plan-stage")).toHaveAttribute("data-stage", /^(new|experienced)$/);
    await expect(card.locator(".plan > li")).toHaveCount(3);
    expect(await card.locator(".resources a").count()).toBeGreaterThanOrEqual(3);
    await expect(card.locator(".outsource")).toBeVisible();
  }
  await expect(page.locator("tr[data-dimension]")).toHaveCount(13);
  const radar = page.locator("svg.radar");
  await expect(radar).toHaveAttribute("aria-describedby", "dimension-tables");
  await expect(radar.locator("polygon.score")).toHaveCount(1);
  await expect(page.locator(".quadrant-plot circle.q-point")).toHaveCount(1);
  await expect(page.locator(".interpretation p")).toHaveCount(3);
  await expect(page.locator("svg.qr path")).toHaveAttribute("d", /^M\d+ \d+h1v1h-1z/);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
});

test("a result link opened in a fresh browser shows the same report, read-only", async ({ page, server, browser }) => {
  await finish(page, server);
  const link = await page.locator("#result-link").inputValue();
  const code = link.split("#r=")[1];
  expect(code.length).toBeLessThanOrEqual(40);
  const index = await page.locator("#readiness").textContent();
  const mine = await levels(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.locator("#readiness")).toHaveText(index);
  expect(await levels(other)).toEqual(mine);
  await expect(other.locator(".shared-note")).toBeVisible();
  expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("progress")))).toEqual([]);
  // Pasting the link into an open Skillscope tab shows it too.
  const pasted = await fresh.newPage();
  await pasted.goto(link.split("#")[0]);
  await expect(pasted.locator("#start")).toBeVisible();
  await pasted.evaluate((hash) => (location.hash = hash), "#r=" + code);
  await expect(pasted.locator("#readiness")).toHaveText(index);
  await other.click("#take-yourself");
  await expect(other.locator("#start")).toBeVisible();
  expect(other.url()).not.toContain("#r=");
  await fresh.close();
});

test("a damaged link explains itself and offers the assessment", async ({ page, server }) => {
  await finish(page, server);
  const link = await page.locator("#result-link").inputValue();
  for (const bad of [link.slice(0, -6), link.replace(/#r=./, "#r=!"), link + "AAAA", server.url + "#r="]) {
    await page.goto("about:blank");
    await page.goto(bad);
    await expect(page.locator(".bad-link")).toBeVisible();
    await expect(page.locator(".bad-link p")).toContainText(/damaged|cut short|not a Skillscope result code|holds no result/);
    await expect(page.locator("#take-yourself")).toBeVisible();
  }
  expect(page.problems).toEqual([]);
});

test("print shows the report without navigation and renders a PDF", async ({ page, server }) => {
  await finish(page, server);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.top")).toBeHidden();
  // Paths 4 to 10 sit in a closed disclosure on screen; print lists them all.
  await expect(page.locator(".print-only li")).toHaveCount(7);
  await expect(page.locator(".print-only")).toBeVisible();
  await expect(page.locator(".report-actions")).toBeHidden();
  await expect(page.locator("svg.radar")).toBeVisible();
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
  }
});

test("JSON and CSV downloads parse and match the screen", async ({ page, server }) => {
  await finish(page, server);
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("#download-json")]);
  const exported = JSON.parse(await readFile(await json.path(), "utf8"));
  expect(String(Math.round(exported.report.readiness))).toBe(await page.locator("#readiness").textContent());
  expect(exported.report.survey.id).toBe("ai-readiness");
  expect(Object.keys(exported.answers).length).toBeGreaterThan(40);
  for (const field of ["readiness", "axes", "quadrant", "dimensions", "paths", "flags"]) {
    expect(exported.report).toHaveProperty(field);
  }

  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  const text = await readFile(await csv.path(), "utf8");
  expect(text.startsWith("\ufeff"), "a UTF-8 byte-order mark, for Excel").toBe(true);
  const lines = text.slice(1).trim().split("\n");
  expect(lines[0]).toBe("dimension,name,group,score,level,band_low,band_high,reported");
  expect(lines).toHaveLength(14);
  const screen = Object.fromEntries(await levels(page));
  for (const line of lines.slice(1)) {
    const [id, , , score, level] = line.split(",");
    const row = exported.report.dimensions.find((d) => d.id === id);
    expect(Number(score)).toBeCloseTo(row.score, 1);
    expect(level).toBe(row.level);
    expect(screen[id]).toBeTruthy();
  }
});

test("a retake shows the change per dimension, and stored results can be cleared", async ({ page, server }) => {
  const app = await finish(page, server, () => 2);
  await page.getByRole("button", { name: "Change my answers" }).click();
  await page.getByRole("button", { name: /^Change: .*/ }).nth(5).click();
  await page.keyboard.press("5");
  await page.keyboard.press("Enter");
  // Claiming the top level reveals that area's second knowledge check, which is asked at once.
  await app.answerAll(() => 1);
  await page.click("#see-report");
  await expect(page.locator("td.change").first()).toBeVisible();
  const changes = await page.locator("td.change").allTextContents();
  expect(changes.some((c) => c.startsWith("↑"))).toBe(true);
  await expect(page.locator("svg.radar polygon.previous")).toHaveCount(1);
  await expect(page.locator("#radar-caption")).toContainText("dashed line is your previous result");
  await page.click("#clear-results");
  await expect(page.locator("td.change")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "cleared" })).toBeVisible();
});

test("the copy button confirms visibly", async ({ page, server, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await finish(page, server);
  await page.click("#copy-link");
  await expect(page.locator(".copy-status")).toHaveText("Link copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.locator("#result-link").inputValue());
});

test("a top scorer reads whole sentences, a named empty focus list and a quadrant label inside the chart", async ({ page, server }) => {
  await finish(page, server, () => 5);
  const focus = page.locator(".interpretation p").nth(2);
  await expect(focus).toHaveText(/^Every area is at the Proficient level or above; to go further, the path that fits you best right now is .+\.$/);
  await expect(page.locator(".strengths-focus li").first()).toBeVisible();
  await expect(page.locator(".strengths-focus .none-yet")).toHaveText(["None: every area is at the Proficient level or above"]);
  await expectQuadrantMarkInside(page);
});

test("a beginner reads a named empty strengths list, not a bare heading", async ({ page, server }) => {
  await finish(page, server, () => 1);
  await expect(page.locator(".interpretation p").nth(1)).toHaveText(/^No area has reached the Proficient level yet/);
  await expect(page.locator(".strengths-focus .none-yet")).toHaveText(["None at the Proficient level yet"]);
  await expect(page.locator(".strengths-focus li")).not.toHaveCount(0);
  await expectQuadrantMarkInside(page);
});

/** The dot and its "You" label stay inside the quadrant chart, on a phone and a desktop. */
async function expectQuadrantMarkInside(page) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const inside = await page.evaluate(() => {
      const svg = document.querySelector("svg.quadrant-plot").getBoundingClientRect();
      return [".q-you", ".q-point"].map((s) => {
        const r = document.querySelector(`svg.quadrant-plot ${s}`).getBoundingClientRect();
        return r.left >= svg.left && r.right <= svg.right && r.top >= svg.top && r.bottom <= svg.bottom;
      });
    });
    expect(inside, `at ${width} px`).toEqual([true, true]);
  }
}

test("the advice follows the person: a solo specialist, an explorer, and half-answered results", async ({ page, server }) => {
  const freelancer = { role: "freelancer", goal: "deepen", hours: 6 };
  // From a blank page, so each link is a fresh load and not a hash change the app reloads on.
  const open = async (code) => {
    await page.goto("about:blank");
    await page.goto(server.url + "#r=" + code);
    await expect(page.locator("#readiness")).toBeVisible();
  };

  await open(resultCode("data-annotation=4,data-quality=3,data-literacy=3", 1, { context: freelancer }));
  const groups = () => page.locator("section.paths").evaluateAll((s) => s.map((e) => e.dataset.group));
  expect(await groups()).toEqual(["build", "support"]);
  const top = page.locator("[data-group=build] .path-card").first();
  await expect(top).toHaveAttribute("data-path", "data-annotation");
  await expect(top.locator(".plan-stage")).toHaveAttribute("data-stage", "experienced");
  await expect(page.locator("#quadrant-caption")).toContainText("Specialist");
  expect(Number(await page.locator("#ai-depth").textContent())).toBeGreaterThan(
    Number(await page.locator("#ai-breadth").textContent()),
  );

  await open(resultCode("", 1, { context: { role: "ic", goal: "keep-up", hours: 3 } }));
  expect(await groups()).toEqual(["support", "build"]);
  await expect(page.locator(".support-intro")).toContainText("support first");

  const onlyAnnotation = resultCode("data-annotation=4", 1, {
    context: freelancer,
    keep: (id) => id.startsWith("ann-") || ["role", "goal", "hours"].includes(id),
  });
  await open(onlyAnnotation);
  await expect(page.locator("#readiness")).toHaveText("not known yet");
  await expect(page.locator("#ai-depth")).toHaveText("not known yet");
  await expect(page.locator(".quadrant-plot")).toHaveCount(0);
  await expect(page.locator("#report-needs")).toContainText("Still needed:");
  await expect(page.locator("#report-needs")).toContainText(/learning agility/i);
  // A shared result is read-only: it names what is missing but offers no questions.
  await expect(page.locator("#answer-needed")).toHaveCount(0);
  await expect(page.locator("[data-group=build] .path-card").first()).toHaveAttribute("data-path", "data-annotation");
  await expect(page.locator("#unranked-paths")).toContainText(/learning how to learn/i);
  expect(await axeViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
});
