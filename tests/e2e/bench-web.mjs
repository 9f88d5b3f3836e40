// make bench-web: load and render times of the release build in headless Chromium, as the
// median of 7 cold loads (a fresh browser context each, so no HTTP cache and no storage).
//   first question: navigation start → the first question's legend is visible (Start clicked
//                   as soon as it appears; the click itself is included)
//   report render:  click on "See my report" → the readiness index is visible
//   team summary:   click on "Summarise" with 10,000 pasted result links → the summary's
//                   sections are shown (reading in slices between frames, then summarising)
// Not part of make test: timings vary with the machine; they belong in reports, not assertions.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { serve } from "./serve.mjs";

const RUNS = 7;
const CLI = fileURLToPath(new URL("../../target/debug/skillscope", import.meta.url));
const answers = JSON.parse(execFileSync(CLI, ["simulate", "--survey", "ai-readiness", "--default-level", "2"]));
const progress = JSON.stringify({ version: "1.0.0", answers, at: null, started_ms: null, finished: false });

const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const firstQuestion = [];
const reportRender = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.click("#start");
  await page.waitForSelector("legend");
  firstQuestion.push(await page.evaluate(() => performance.now()));

  await page.evaluate((p) => localStorage.setItem("skillscope:v1:progress:ai-readiness", p), progress);
  await page.reload();
  await page.click("#resume");
  await page.waitForSelector("#see-report");
  const t0 = Date.now();
  await page.click("#see-report");
  await page.waitForSelector("#readiness");
  reportRender.push(Date.now() - t0);
  await context.close();
}
const TEAM = execFileSync(fileURLToPath(new URL("../../target/debug/examples/team_links", import.meta.url)), ["10000"], {
  maxBuffer: 64 * 1024 * 1024,
}).toString();
const teamSummary = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.click("#open-team");
  await page.locator("#team-links").evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, TEAM);
  const t0 = Date.now();
  await page.click("#summarise");
  // The summary's sections, not its status line: the status waits a moment on purpose, so that a
  // screen reader announces it even when a second press gives the same words.
  await page.waitForSelector("#team-heatmap", { timeout: 120_000 });
  teamSummary.push(Date.now() - t0);
  await context.close();
}
await browser.close();
await server.close();
console.log(`first question visible: median ${median(firstQuestion).toFixed(0)} ms over ${RUNS} cold loads (${firstQuestion.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`report render:          median ${median(reportRender).toFixed(0)} ms over ${RUNS} runs (${reportRender.join(", ")})`);
console.log(`team, 10,000 links:     median ${median(teamSummary).toFixed(0)} ms over ${RUNS} runs (${teamSummary.join(", ")})`);
