// Page object for Skillscope: answers questions the way a keyboard user would.
import { expect } from "@playwright/test";

export const STORAGE_PREFIX = "skillscope:v1";

export class SkillscopeApp {
  /** `frame` is the app's frame when it is embedded; keys always go through the page. */
  constructor(page, baseUrl, frame = null) {
    this.page = frame ?? page;
    this.keyboard = page.keyboard;
    this.baseUrl = baseUrl;
  }

  async open(query = "") {
    await this.page.goto(this.baseUrl + query);
    // index.html's own start page stands in until the wasm runs; wait for the app itself.
    await expect(this.page.locator("#boot")).toHaveCount(0);
    await expect(this.page.locator("main h1, main legend").first()).toBeVisible();
  }

  /** Presses Tab until the element matching `selector` has focus. */
  async tabTo(selector, limit = 40) {
    for (let i = 0; i < limit; i++) {
      if (await this.page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      await this.keyboard.press("Tab");
    }
    throw new Error(`could not reach ${selector} with Tab`);
  }

  async startByKeyboard() {
    await this.tabTo("#start");
    await this.keyboard.press("Enter");
    await expect(this.page.locator("legend")).toBeFocused();
  }

  async onQuestion() {
    return (await this.page.locator("form.question legend").count()) > 0;
  }

  async legendText() {
    return (await this.page.locator("legend .question-text").textContent()).trim();
  }

  /** Answers the current question by keyboard and presses Enter; `choice` is 1-based. */
  async answerByKeyboard(choice = 3) {
    const page = this.page;
    const kind = await page.evaluate(() => {
      const f = document.querySelector("form.question");
      if (f.querySelector("input[type=radio]")) return "radio";
      if (f.querySelector("input[type=checkbox]")) return "checkbox";
      if (f.querySelector("input[type=range]")) return "range";
      if (f.querySelector("textarea")) return "text";
      return "none";
    });
    const count = await page.locator("form.question input[type=radio]").count();
    if (kind === "radio") {
      await this.keyboard.press(String(Math.min(choice, count)));
      await this.keyboard.press("Enter");
    } else if (kind === "checkbox") {
      await this.keyboard.press("1");
      await this.keyboard.press("Enter");
    } else if (kind === "range") {
      await this.tabTo("input[type=range]");
      await this.keyboard.press("ArrowLeft");
      await this.keyboard.press("Enter");
    } else if (kind === "text") {
      await this.tabTo("textarea");
      await this.keyboard.type("keyboard reflection");
      await this.tabTo("button[type=submit]");
      await this.keyboard.press("Enter");
    }
    return kind;
  }

  /** Answers every question until the review, returning how many were answered. */
  async answerAll(choose = () => 3) {
    let n = 0;
    while (await this.onQuestion()) {
      const before = await this.legendText();
      await this.answerByKeyboard(choose(n));
      n++;
      await expect
        .poll(async () => !(await this.onQuestion()) || (await this.legendText()) !== before)
        .toBe(true);
      if (n > 200) throw new Error("the survey never ended");
    }
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
    return n;
  }

  /** Runs the whole assessment under a storage fault: it must finish, with one notice. */
  async finishWithOneStorageNotice() {
    await this.open();
    await expect(this.page.locator("#storage-notice")).toHaveCount(1);
    await this.page.click("#start");
    await this.answerAll();
    await this.page.click("#see-report");
    await expect(this.page.locator("#readiness")).toBeVisible();
    await expect(this.page.locator("#storage-notice")).toHaveCount(1);
  }

  async savedProgress(surveyId = "ai-readiness") {
    return this.page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? "null"),
      `${STORAGE_PREFIX}:progress:${surveyId}`,
    );
  }
}
