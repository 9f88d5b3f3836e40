// The release build loads, runs its wasm, and works at the root, under a sub-path and under the
// strict Content-Security-Policy.
import { test, expect, cspViolations } from "./fixtures.js";
import { SUB_PATH, CSP } from "./serve.mjs";

test("the start page is rendered by wasm under the strict CSP header", async ({ page, server }) => {
  const response = await page.goto(server.url);
  expect(response.headers()["content-security-policy"]).toBe(CSP);
  await expect(page.locator("h1")).toContainText("AI-era skills readiness");
  await expect(page.locator("#boot")).toHaveCount(0);
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.locator("legend")).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
});

test("the same files work under a sub-path", async ({ page, server }) => {
  await page.goto(server.url.slice(0, -1) + SUB_PATH);
  await expect(page.locator("h1")).toContainText("AI-era skills readiness");
  const failed = server.requests.filter((r) => !r.startsWith(SUB_PATH));
  expect(failed).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test("the built page carries its own CSP meta and no inline script", async ({ page, server }) => {
  const html = await (await fetch(server.url)).text();
  expect(html).toContain('http-equiv="Content-Security-Policy"');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
});
