// The whole app under hostile input and broken conditions: injection, privacy, storage faults,
// panics.
import { execFileSync } from "node:child_process";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, axeViolations } from "./fixtures.js";
import { serve } from "./serve.mjs";
import { SkillscopeApp } from "./app.js";
import { CLI } from "./cli.js";

const SAMPLE = fileURLToPath(new URL("../../crates/engine/tests/fixtures/sample.json", import.meta.url));
const PAYLOADS = [
  `<script>window.__pwned=1</script>`,
  `<img src=x onerror="window.__pwned=2">`,
  `<svg onload="window.__pwned=3"><script>window.__pwned=4</script></svg>`,
  `javascript:window.__pwned=5`,
  `"><a href="javascript:window.__pwned=6">x</a>`,
  `</style><style>body{background:url("javascript:window.__pwned=7")}</style>`,
];
const TEXT_KEYS = new Set(["title", "intro", "text", "help", "for_whom", "outsource_when", "why", "publisher", "licence", "because", "name", "description", "alt", "organisation", "meaning"]);

/** Puts a payload into every human-readable text of a definition. */
function poison(value, key = "", i = { n: 0 }) {
  const payload = () => PAYLOADS[i.n++ % PAYLOADS.length];
  if (Array.isArray(value)) return value.map((v) => poison(v, key === "30" || key === "60" || key === "90" ? "text" : key, i));
  if (value && typeof value === "object") {
    if (TEXT_KEYS.has(key) && Object.values(value).every((v) => typeof v === "string")) {
      return Object.fromEntries(Object.entries(value).map(([l, v]) => [l, `${payload()} ${v}`]));
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k, i)]));
  }
  if (typeof value === "string" && TEXT_KEYS.has(key)) return `${payload()} ${value}`;
  return value;
}

async function trap(page) {
  await page.addInitScript(() => {
    window.__pwned = 0;
    window.alert = window.confirm = window.prompt = () => (window.__pwned = 99);
  });
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });
}

test("payloads in every text of a definition render as text and never run", async ({ page }) => {
  // No CSP here: the app itself must not turn text into markup, whatever the host sends.
  const app = await serve({ csp: null, metaCsp: false });
  const def = poison(JSON.parse(await readFile(SAMPLE, "utf8")));
  def.theme = { organisation: PAYLOADS[1], intro: PAYLOADS[2], accent: "#0b5cad" };
  const dir = await mkdtemp(join(tmpdir(), "skillscope-"));
  await writeFile(join(dir, "poison.json"), JSON.stringify(def));
  const code = execFileSync(CLI, ["inline", join(dir, "poison.json")]).toString().trim();
  await trap(page);
  await page.goto(`${app.url}#def=${code}`);
  await expect(page.locator("#start-title")).toContainText("<script>");
  await expect(page.locator(".brand")).toContainText("onerror");
  const runner = new SkillscopeApp(page, app.url);
  await page.click("#start");
  await runner.answerAll();
  await page.click("#see-report");
  await expect(page.locator(".path-card").first()).toContainText("<");
  expect(await page.evaluate(() => document.querySelectorAll("main script, main img[onerror], main svg[onload], a[href^='javascript']").length)).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBe(0);
  await app.close();
});

test("unsafe links in a definition are refused by validation, and the error list stays text", async ({ page }) => {
  const app = await serve({ csp: null, metaCsp: false });
  const def = JSON.parse(await readFile(SAMPLE, "utf8"));
  def.paths[0].resources[0].url = "javascript:window.__pwned=1";
  def.theme = { logo: { url: "javascript:window.__pwned=2", alt: "x" }, accent: "red;background:url(javascript:window.__pwned=3)" };
  def.dimensions[0].id = `<img src=x onerror="window.__pwned=4">`;
  const pages = { "/bad.json": JSON.stringify(def) };
  const host = await serve({ csp: null, cors: true, pages });
  await trap(page);
  await page.goto(`${app.url}?survey=${encodeURIComponent(host.url + "bad.json")}`);
  await expect(page.locator("#problems")).toContainText("paths[0].resources[0].url: resource links must be https: or http: URLs");
  await expect(page.locator("#problems")).toContainText("theme.logo.url");
  await expect(page.locator("#problems")).toContainText("theme.accent");
  await expect(page.locator("#problems")).toContainText("onerror");
  expect(await page.evaluate(() => window.__pwned)).toBe(0);
  await Promise.all([app.close(), host.close()]);
});

test("payloads in every URL parameter are harmless", async ({ page, server }) => {
  await trap(page);
  const p = encodeURIComponent(PAYLOADS[1]);
  const urls = [
    `?lang=${p}`,
    `?theme=${p}&bg=${p}`,
    `?survey=${encodeURIComponent("javascript:window.__pwned=1")}`,
    `?survey=${encodeURIComponent("data:application/json,{}")}`,
    `?embed=1&parent=${p}`,
    `?embed=1&parent=${encodeURIComponent("javascript:window.__pwned=1")}`,
    `#r=${p}`,
    `#def=${p}`,
    `?survey=${p}`,
  ];
  for (const u of urls) {
    await page.goto("about:blank");
    await page.goto(server.url + u);
    await expect(page.locator("main")).toBeVisible();
    expect(await page.evaluate(() => window.__pwned), u).toBe(0);
  }
  await page.goto(`${server.url}?survey=${encodeURIComponent("javascript:window.__pwned=1")}`);
  await expect(page.locator("#load-error")).toContainText("relative path or an http(s) URL");
});

test("a full run sends nothing anywhere and sets no cookies", async ({ page, server, context, browser }) => {
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  await app.answerAll();
  await page.click("#see-report");
  await expect(page.locator("#readiness")).toBeVisible();
  await page.click("#copy-link");
  await Promise.all([page.waitForEvent("download"), page.click("#download-json")]);
  await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  await page.emulateMedia({ media: "print" });
  await page.pdf();
  await page.emulateMedia({ media: "screen" });
  const link = await page.locator("#result-link").inputValue();
  await page.goto(link);
  await expect(page.locator("#readiness")).toBeVisible();

  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"));
  expect(foreign).toEqual([]);
  // After the first load, nothing but our own static files: no API calls, no beacons.
  const own = requests.map((u) => new URL(u).pathname);
  expect(own.every((p) => p === "/" || /^\/[\w.-]+\.(js|wasm|css|svg|html|json)$/.test(p))).toBe(true);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe("");
});

test("storage that throws on every write still lets the survey finish, with one notice", async ({ page, server }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await new SkillscopeApp(page, server.url).finishWithOneStorageNotice();
  expect(page.problems).toEqual([]);
});

test("garbage under our storage keys is ignored, not fatal", async ({ page, server }) => {
  await page.goto(server.url);
  await page.evaluate(() => {
    const id = "ai-readiness";
    localStorage.setItem(`skillscope:v1:progress:${id}`, "{not json");
    localStorage.setItem(`skillscope:v1:results:${id}`, JSON.stringify([{ version: 7, code: {} }]));
    localStorage.setItem("skillscope:v1:pref:lang", "\"<img onerror>\"");
    localStorage.setItem("skillscope:v1:pref:theme", "42");
  });
  await page.reload();
  const app = new SkillscopeApp(page, server.url);
  await expect(page.locator("#start")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.click("#start");
  await app.answerAll();
  await page.click("#see-report");
  await expect(page.locator("#readiness")).toBeVisible();
  expect(page.problems).toEqual([]);
});

test("a panic shows the friendly screen, and the saved answers survive it", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  for (let i = 0; i < 5; i++) await app.answerByKeyboard(2);
  const before = await app.savedProgress();
  page.problems.length = 0;
  await page.goto(`${server.url}?fault=panic`);
  await expect(page.locator(".crash [role=alert] h1")).toHaveText("Something went wrong");
  await expect(page.locator("#crash-reload")).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  expect(page.problems.some((p) => p.includes("forced by ?fault=panic"))).toBe(true);
  page.problems.length = 0;
  await page.goto(server.url);
  await expect(page.locator("#resume")).toContainText("(5 of");
  expect((await app.savedProgress()).answers).toEqual(before.answers);
});
