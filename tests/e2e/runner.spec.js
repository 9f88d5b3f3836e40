// Taking the assessment in a real browser: keyboard only, reloads, blocked storage, language
// switching, accessibility and layout.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test, expect, axeViolations, cspViolations } from "./fixtures.js";
import { SkillscopeApp } from "./app.js";
import { CLI } from "./cli.js";


test("the whole assessment can be completed by keyboard alone", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await app.startByKeyboard();
  const answered = await app.answerAll((n) => 1 + (n % 5));
  expect(answered).toBeGreaterThan(45);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review your answers");
  await app.tabTo("#see-report", 200);
  await page.keyboard.press("Enter");
  await expect(page.locator("#readiness")).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
});

test("reloading at 20 random points keeps every answer and the position", async ({ page, server }) => {
  test.setTimeout(120_000);
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  let answered = 0;
  // 20 reloads at pseudo-random points across the whole run; fixed, so the test repeats exactly.
  for (const steps of [1, 3, 2, 4, 1, 2, 5, 3, 2, 1, 4, 2, 3, 1, 2, 3, 2, 4, 1, 2]) {
    for (let i = 0; i < steps; i++) {
      await app.answerByKeyboard(1 + ((answered + i) % 5));
      await expect(page.locator("legend")).toBeFocused();
    }
    answered += steps;
    const legend = await app.legendText();
    const before = await app.savedProgress();
    await page.reload();
    await expect(page.locator("#resume")).toContainText(`(${answered} of`);
    await page.click("#resume");
    expect(await app.legendText()).toBe(legend);
    const after = await app.savedProgress();
    expect(after.answers).toEqual(before.answers);
    expect(Object.keys(after.answers)).toHaveLength(answered);
  }
  // Going back shows the earlier answer still selected.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("form.question input:checked, form.question input[type=range]").first()).toBeVisible();
  // Then the rest of the run: every question ends up answered, none lost on the way.
  await page.getByRole("button", { name: "Next" }).click();
  const rest = await app.answerAll();
  expect(Object.keys((await app.savedProgress()).answers)).toHaveLength(answered + rest);
  await expect(page.locator(".status.open")).toHaveCount(0);
  await page.click("#see-report");
  await expect(page.locator("#readiness")).toBeVisible();
});

test("with storage blocked the survey still completes and says so once", async ({ page, server }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await new SkillscopeApp(page, server.url).finishWithOneStorageNotice();
  expect(page.problems).toEqual([]);
});

test("switching to German mid-survey keeps every answer", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  for (let i = 0; i < 6; i++) await app.answerByKeyboard(2);
  const saved = await app.savedProgress();
  const total = (await page.locator(".position").textContent()).match(/of (\d+)/)[1];
  const english = await app.legendText();
  await page.selectOption("header select", "de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator(".position")).toHaveText(`Frage 7 von ${total}`);
  // The survey's own texts arrive from ai-readiness.de.json, fetched on the switch.
  await expect(page.locator("legend .question-text")).not.toHaveText(english);
  await expect(page.locator("legend")).toBeVisible();
  await expect(page.getByRole("button", { name: "Zurück" })).toBeVisible();
  expect((await app.savedProgress()).answers).toEqual(saved.answers);
  await page.getByRole("button", { name: "Zurück" }).click();
  await expect(page.locator("form.question input:checked")).toHaveCount(1);
  await page.reload();
  await expect(page.locator("#resume")).toContainText("Dort weitermachen");
});

test("?lang= chooses the language", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open("?lang=es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator("#start")).toHaveText("Empezar");
  await expect(page.locator("#start-title")).not.toHaveText("AI-era skills readiness");
});

test("every screen passes axe-core in both themes", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  for (const theme of ["light", "dark"]) {
    await app.open(`?theme=${theme}`);
    expect(await axeViolations(page), `start, ${theme}`).toEqual([]);
    if (theme === "light") await page.click("#start");
    else await page.click("#resume");
    const seen = new Set();
    while (await app.onQuestion()) {
      const kind = await page.evaluate(() => {
        const f = document.querySelector("form.question");
        return ["radio", "checkbox", "range"].find((t) => f.querySelector(`input[type=${t}]`)) ?? "text";
      });
      const key = kind + ((await page.locator(".optional").count()) ? "-optional" : "");
      if (!seen.has(key)) {
        seen.add(key);
        expect(await axeViolations(page), `${key} question, ${theme}`).toEqual([]);
      }
      if (theme === "dark") break;
      await app.answerByKeyboard(4);
    }
    if (theme === "light") {
      expect(await axeViolations(page), "review").toEqual([]);
      await page.click("#see-report");
      await expect(page.locator("#readiness")).toBeVisible();
      expect(await axeViolations(page), "report").toEqual([]);
    }
  }
});

for (const width of [320, 1280]) {
  test(`the layout fits ${width} px without horizontal scrolling`, async ({ page, server }, info) => {
    await page.setViewportSize({ width, height: 900 });
    const app = new SkillscopeApp(page, server.url);
    await app.open();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await page.screenshot({ path: info.outputPath(`start-${width}.png`), fullPage: true });
    await page.click("#start");
    for (let i = 0; i < 5; i++) await app.answerByKeyboard(5);
    expect(await fits()).toBe(true);
    await page.screenshot({ path: info.outputPath(`question-${width}.png`), fullPage: true });
  });
}

test("progress from an older survey version keeps the answers that still fit, and says so", async ({ page, server }) => {
  await page.goto(server.url);
  await page.evaluate(() => {
    const progress = {
      version: "0.9.0",
      answers: { role: "lead", hours: 4, "lit-1": "c", "gone-question": "a", "prm-1": "not-an-option" },
      at: "lit-2",
      started_ms: null,
      finished: false,
    };
    localStorage.setItem("skillscope:v1:progress:ai-readiness", JSON.stringify(progress));
  });
  await page.reload();
  await expect(page.locator("#survey-notice")).toContainText("We kept 3 of your answers.");
  await expect(page.locator("#resume")).toContainText("(3 of");
  await page.click("#resume");
  await expect(page.locator("legend")).toBeFocused();
});

test("the browser's language is used when nothing else says otherwise", async ({ browser, server }) => {
  const context = await browser.newContext({ locale: "es-ES" });
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator("#start")).toHaveText("Empezar");
  await context.close();
});

test("Back to the start page keeps the answers and offers to continue", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  for (let i = 0; i < 3; i++) await app.answerByKeyboard(2);
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#start-title")).toBeFocused();
  await expect(page.locator("#resume")).toContainText("(3 of");
  await page.click("#resume");
  await expect(page.locator("legend")).toBeFocused();
  expect(Object.keys((await app.savedProgress()).answers)).toHaveLength(3);
});

test("a changed answer that reveals required questions asks them at once, then returns to the edited row", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  // The first question is the role: a student sees no lead questions.
  await app.answerAll((n) => (n === 0 ? 5 : 3));
  await expect(page.locator(".review .status.open")).toHaveCount(0);
  await page.click("#change-0");
  await expect(page.locator("legend")).toBeFocused();
  await app.answerByKeyboard(3); // L&D or HR: four lead questions appear, all required.
  const asked = [];
  while (await app.onQuestion()) {
    asked.push(await app.legendText());
    await app.answerByKeyboard(3);
  }
  expect(asked).toHaveLength(4);
  await expect(page.locator("#change-0")).toBeFocused();
  await expect(page.locator(".review .status.open")).toHaveCount(0);
  await page.click("#see-report");
  await expect(page.locator("#readiness")).toBeVisible();
});

test("the review shows scale answers in words and counts skipped questions in the right number", async ({ page, server }) => {
  const code = execFileSync(CLI, ["inline", fileURLToPath(new URL("./fixtures/team.json", import.meta.url))]).toString().trim();
  const app = new SkillscopeApp(page, server.url);
  await app.open(`#def=${code}`);
  await page.click("#start");
  while (await app.onQuestion()) {
    const text = await app.legendText();
    if (text === "Annotation two") {
      await page.getByRole("button", { name: "Next" }).click(); // optional: skipped
      await expect(page.locator("legend .question-text")).not.toHaveText(text);
    } else {
      await app.answerByKeyboard(2);
      await expect.poll(async () => !(await app.onQuestion()) || (await app.legendText()) !== text).toBe(true);
    }
  }
  const row = page.locator(".review-list li", { hasText: "Literacy two" });
  await expect(row.locator(".review-a")).toHaveText("Disagree");
  await expect(page.locator(".review .status.open")).toHaveText(["1 optional question skipped"]);
});

test("rated questions carry their section's time window, knowledge checks do not, and claiming the top level asks second checks", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  const seen = { intro: 0, bare: 0, questions: 0 };
  while (await app.onQuestion()) {
    const intro = page.locator(".section-intro");
    if (await intro.count()) {
      seen.intro++;
      await expect(intro).toContainText("12 months");
      const id = await intro.getAttribute("id");
      expect(await page.locator("fieldset").getAttribute("aria-describedby")).toContain(id);
    } else {
      seen.bare++;
    }
    const before = await app.legendText();
    await app.answerByKeyboard(5);
    seen.questions++;
    await expect.poll(async () => !(await app.onQuestion()) || (await app.legendText()) !== before).toBe(true);
  }
  // The 41 rated items everyone gets (a student sees no lead items) carry the intro; the context
  // questions and all 26 knowledge checks, the second ones revealed by top answers, do not.
  expect(seen.intro).toBeGreaterThanOrEqual(41);
  expect(seen.bare).toBeGreaterThanOrEqual(3 + 26);
  expect(seen.questions).toBeGreaterThanOrEqual(41 + 3 + 26);
});
