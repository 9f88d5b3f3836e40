// Shared fixtures: a server for dist/, and a page that records CSP violations and page errors so
// every test can assert there were none.
import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serve } from "./serve.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const test = base.extend({
  server: async ({}, use) => {
    const server = await serve();
    await use(server);
    await server.close();
  },
  page: async ({ page }, use) => {
    const problems = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page.problems = problems;
    await use(page);
    // Every test, whatever it checks, also proves the strict CSP was never violated.
    const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    expect(violations, "securitypolicyviolation events").toEqual([]);
  },
});

/** Runs axe-core in the page and returns its violations, summarised. */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

export { expect };
