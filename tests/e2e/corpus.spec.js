// The hardening corpora through the real app: every malformed definition in
// tests/fixtures/invalid/ through the custom-survey loader, and damaged result links.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { test, expect } from "./fixtures.js";
import { serve } from "./serve.mjs";
import { resultCode } from "./cli.js";

const INVALID = fileURLToPath(new URL("../fixtures/invalid/", import.meta.url));
const expected = (await readFile(`${INVALID}expected.txt`, "utf8"))
  .split("\n")
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => l.split("\t"));

// A dozen pages per test, so the two workers share the corpus.
const CHUNK = 12;
for (let start = 0; start < expected.length; start += CHUNK) {
  const chunk = expected.slice(start, start + CHUNK);
  test(`malformed definitions ${start + 1}–${start + chunk.length} are explained with their paths`, async ({ page }) => {
    const surveys = await serve({ dir: INVALID, cors: true, csp: null });
    const app = await serve({ metaCsp: false, connectSrc: surveys.url.slice(0, -1) });
    for (const [file, path, fragment] of chunk) {
      await page.goto("about:blank");
      await page.goto(`${app.url}?survey=${encodeURIComponent(surveys.url + file)}`);
      const shown = page.locator("#problems, #load-error").first();
      await expect(shown, file).toBeVisible();
      const text = await page.locator(".load-failed").textContent();
      expect(text, file).toContain(`${path}: `);
      expect(text, file).toContain(fragment);
    }
    expect(page.problems.filter((p) => !p.includes("Failed to load resource"))).toEqual([]);
    await surveys.close();
    await app.close();
  });
}

test("damaged result links give the specific message and never a report", async ({ page, server }) => {
  const code = resultCode("", 3);
  const flip = (i) => code.slice(0, i) + (code[i] === "A" ? "B" : "A") + code.slice(i + 1);
  const cases = [
    ...Array.from({ length: 8 }, (_, i) => [code.slice(0, i * 4), /cut short|holds no result/]),
    ...Array.from({ length: 8 }, (_, i) => [flip(3 + i * 3), /damaged|another version|not a Skillscope/]),
    [code + "A", /cut short|damaged/],
    ["%3Cscript%3E", /not a Skillscope result code/],
    ["A".repeat(5000), /not a Skillscope result code/],
  ];
  for (const [bad, message] of cases) {
    await page.goto("about:blank");
    await page.goto(`${server.url}#r=${bad}`);
    await expect(page.locator(".bad-link p"), bad).toContainText(message);
    await expect(page.locator("#readiness")).toHaveCount(0);
  }
  expect(page.problems).toEqual([]);
});
