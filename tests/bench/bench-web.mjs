// make bench-web: load and render times of the release build in headless Chromium, as the
// median of 7 cold loads (a fresh browser context each, so no HTTP cache and no storage), side by
// side with a SurveyJS page running the same questions (surveyjs-page.mjs), then Lighthouse.
//   first question: navigation start → the first question is visible (Start clicked as soon as
//                   it appears; the click itself is included), and the bytes transferred by then
//   report render:  click on "See my report" → the readiness index is visible
//   team summary:   click on "Summarise" with 10,000 pasted result links → the summary's
//                   sections are shown (reading in slices between frames, then summarising)
//   Lighthouse:     mobile preset (simulated slow 4G and a slow CPU), the start page
// Not part of make test: timings vary with the machine; they belong in reports, not assertions.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "@playwright/test";
import { serve } from "../e2e/serve.mjs";
import { writeSurveyJsPage } from "./surveyjs-page.mjs";

const RUNS = 7;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const CLI = fileURLToPath(new URL("../../target/debug/skillscope", import.meta.url));
const answers = JSON.parse(execFileSync(CLI, ["simulate", "--survey", "ai-readiness", "--default-level", "2"]));
const progress = JSON.stringify({ version: "1.0.0", answers, at: null, started_ms: null, finished: false });

const server = await serve();
const surveyjs = await serve({ dir: writeSurveyJsPage(), csp: null });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs) => xs.map((x) => x.toFixed(0)).join(", ");

/**
 * Time to the first question and the bytes over the wire by then, in a cold context. The page
 * notes the moment the question appears; what is fetched after it (the prefetched report chunk)
 * does not count.
 */
async function firstQuestion(url, start, question) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        window.__firstQuestion = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, question);
  await page.goto(url);
  await page.click(start);
  await page.waitForSelector(question, { state: "visible" });
  const result = await page.evaluate(() => ({
    ms: window.__firstQuestion,
    bytes: [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
      .filter((e) => e.startTime < window.__firstQuestion)
      .reduce((sum, e) => sum + e.transferSize, 0),
  }));
  return { ...result, page, context };
}

const ours = { ms: [], bytes: [] };
const theirs = { ms: [], bytes: [] };
const reportRender = [];
for (let i = 0; i < RUNS; i++) {
  // Alternating, so that a slow moment of the machine hits both alike.
  const s = await firstQuestion(surveyjs.url, "input[value=Start], button:has-text('Start')", ".sd-question__title");
  theirs.ms.push(s.ms);
  theirs.bytes.push(s.bytes);
  await s.context.close();

  const o = await firstQuestion(server.url, "#start", "legend");
  ours.ms.push(o.ms);
  ours.bytes.push(o.bytes);
  const page = o.page;
  await page.evaluate((p) => localStorage.setItem("skillscope:v1:progress:ai-readiness", p), progress);
  await page.reload();
  await page.click("#resume");
  await page.waitForSelector("#see-report");
  const t0 = Date.now();
  await page.click("#see-report");
  await page.waitForSelector("#readiness");
  reportRender.push(Date.now() - t0);
  await o.context.close();
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

const [oursMs, theirsMs] = [median(ours.ms), median(theirs.ms)];
const [oursBytes, theirsBytes] = [median(ours.bytes), median(theirs.bytes)];
console.log(`first question, Skillscope: median ${oursMs.toFixed(0)} ms over ${RUNS} cold loads (${list(ours.ms)}), ${oursBytes} bytes transferred`);
console.log(`first question, SurveyJS:   median ${theirsMs.toFixed(0)} ms over ${RUNS} cold loads (${list(theirs.ms)}), ${theirsBytes} bytes transferred`);
console.log(`  Skillscope is ${(theirsMs / oursMs).toFixed(2)}x as fast and loads ${(oursBytes / theirsBytes).toFixed(2)}x the bytes`);
console.log(`report render:              median ${median(reportRender).toFixed(0)} ms over ${RUNS} runs (${reportRender.join(", ")})`);
console.log(`team, 10,000 links:         median ${median(teamSummary).toFixed(0)} ms over ${RUNS} runs (${teamSummary.join(", ")})`);

// Lighthouse comes from bench/node_modules (npm lighthouse), driving Debian's Chromium.
const require = createRequire(new URL("../../bench/package.json", import.meta.url));
const { default: lighthouse } = await import(require.resolve("lighthouse"));
const chromeLauncher = await import(require.resolve("chrome-launcher"));
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
try {
  const categories = ["performance", "accessibility", "best-practices", "seo"];
  const { lhr } = await lighthouse(server.url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories });
  const scores = categories.map((c) => `${c} ${lhr.categories[c].score}`).join(", ");
  console.log(`Lighthouse (mobile):        ${scores}`);
  for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
    console.log(`  ${id}: ${lhr.audits[id].displayValue}`);
  }
  const failed = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary");
  for (const a of failed) console.log(`  not passed: ${a.id} (${a.title})`);
} finally {
  await chrome.kill();
  await server.close();
  await surveyjs.close();
}
