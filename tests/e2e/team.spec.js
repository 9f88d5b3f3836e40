// The team summary: a lead pastes the result links people sent and sees the same figures the
// engine's `skillscope aggregate` computes, with bad lines named, nothing sent and nothing kept.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { test, expect, axeViolations } from "./fixtures.js";
import { SkillscopeApp } from "./app.js";
import { CLI, resultCode } from "./cli.js";


/** Rounds as Rust's `{:.0}` does: halves go to the even neighbour. */
function rustRound(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Rows of a CSV file as written by the csv crate: quoted fields may hold commas and quotes. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.trim().split("\n")) {
    const fields = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = !quoted;
      else if (c === "," && !quoted) fields.push(field), (field = "");
      else field += c;
    }
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}

function pastedLinks(server) {
  const codes = [
    resultCode("data-annotation=4", 1),
    resultCode("data-annotation=4,data-quality=3", 1),
    resultCode("coaching=4,learning-agility=4", 1),
    resultCode("", 3),
    resultCode("", 0),
  ];
  const lines = codes.map((c, i) => (i % 2 ? c : `${server.url}?lang=de#r=${c}`));
  lines.push("", `${server.url}#r=${codes[0].slice(0, -4)}`, lines[0]);
  return lines.join("\n");
}

async function openTeam(page, server, query = "") {
  const app = new SkillscopeApp(page, server.url);
  await app.open(query);
  await page.click("#open-team");
  await expect(page.locator("#team-title")).toBeFocused();
  return app;
}

test("pasted links give the engine's team figures, and bad lines are named", async ({ page, server }) => {
  const pasted = pastedLinks(server);
  const expected = JSON.parse(execFileSync(CLI, ["aggregate", "--survey", "ai-readiness", "-"], {
      input: pasted,
      stdio: ["pipe", "pipe", "ignore"],
    }));
  expect(expected.respondents).toBe(5);

  await openTeam(page, server);
  await page.fill("#team-links", pasted);
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("5 results summarised. 2 lines left out.");
  await expect(page.locator("#team-problems li")).toHaveText([
    /^Line 7: the link is (cut short|damaged)/,
    "Line 8 is the same result as line 1, so it counts once",
  ]);

  const cells = (section, id) =>
    page.locator(`#${section} tr[data-id="${id}"] td`).allTextContents();
  expect(await cells("team-overview", "readiness")).toEqual(
    ["median", "min", "max"].map((k) => String(rustRound(expected.readiness[k]))),
  );
  const pathIds = await page.locator("#team-paths tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.id));
  expect(pathIds).toEqual(expected.paths.map((p) => p.id));
  for (const p of expected.paths) {
    expect(await cells("team-paths", p.id)).toEqual([String(p.first), String(p.top3)]);
  }
  for (const q of expected.quadrants) {
    expect(await cells("team-quadrants", q.quadrant)).toEqual([String(q.count)]);
  }
  await expect(page.locator("#team-heatmap tbody tr")).toHaveCount(13);
  for (const d of expected.dimensions) {
    const median = d.score ? String(rustRound(d.score.median)) : "–";
    expect(await cells("team-heatmap", d.id)).toEqual([median, ...d.levels.map((l) => String(l.count))]);
    // Build, borrow or hold, as the engine advises it.
    const row = page.locator(`#team-advice tr[data-id="${d.id}"]`);
    await expect(row).toHaveAttribute("data-advice", d.advice);
    await expect(row).toHaveAttribute("data-risk", d.risk);
    await expect(row.locator("td").first()).toHaveText(String(d.experts));
  }

  // The CSV download holds the same figures, one per row, made in the page.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#team-csv")]);
  expect(download.suggestedFilename()).toBe("skillscope-ai-readiness-team.csv");
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.startsWith("\ufeff"), "a UTF-8 byte-order mark, for Excel").toBe(true);
  const [head, ...rows] = parseCsv(csv.slice(1));
  expect(head).toEqual(["section", "id", "name", "measure", "value"]);
  const value = (section, id, measure) =>
    rows.find((r) => r[0] === section && r[1] === id && r[3] === measure)?.[4];
  expect(value("team", "", "respondents")).toBe("5");
  expect(Number(value("index", "readiness", "median"))).toBeCloseTo(expected.readiness.median, 1);
  for (const d of expected.dimensions) {
    expect(value("dimension", d.id, "reported")).toBe(String(d.reported));
    for (const l of d.levels) expect(value("dimension", d.id, `level:${l.level}`)).toBe(String(l.count));
  }
  for (const p of expected.paths) {
    expect([value("path", p.id, "first"), value("path", p.id, "top3")]).toEqual([String(p.first), String(p.top3)]);
  }
  const names = rows.filter((r) => r[0] === "dimension").map((r) => r[2]);
  expect(names).toContain("Data annotation and labelling");
});

test("the team summary is reached and used by keyboard, passes axe and follows the language", async ({ page, server }) => {
  const pasted = pastedLinks(server);
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await app.tabTo("#open-team");
  await page.keyboard.press("Enter");
  await expect(page.locator("#team-title")).toBeFocused();
  await app.tabTo("#team-links");
  await page.keyboard.insertText(pasted);
  // The target picker comes next, then its file button, then Summarise.
  await page.keyboard.press("Tab");
  await expect(page.locator("#team-target")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("#team-target-open")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("#summarise")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#team-status")).toHaveText("5 results summarised. 2 lines left out.");
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
    expect(await axeViolations(page), theme).toEqual([]);
  }
  await page.selectOption("header select", "de");
  await expect(page.locator("#team-title")).toHaveText("Team-Übersicht");
  // The screen is drawn anew in German, keeping what was pasted and its summary.
  await expect(page.locator("#team-links")).toHaveValue(pasted);
  await expect(page.locator("#team-status")).toHaveText("5 Ergebnisse zusammengefasst. 2 Zeilen nicht berücksichtigt.");
  await expect(page.locator("#team-heatmap tbody tr")).toHaveCount(13);
  await expect(page.locator("#team-advice-title")).toHaveText("Aufbauen, einkaufen oder halten");
  await expect(page.locator("#team-problems li").first()).toHaveText(/^Zeile 7: /);
  await page.setViewportSize({ width: 320, height: 700 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("nothing pasted is sent or kept, and the person's own progress is untouched", async ({ page, server }) => {
  const app = new SkillscopeApp(page, server.url);
  await app.open();
  await page.click("#start");
  await app.answerByKeyboard(2);
  await app.answerByKeyboard(4);
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#resume")).toContainText("(2 of");
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.click("#open-team");
  await page.fill("#team-links", pastedLinks(server));
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("5 results summarised. 2 lines left out.");
  // Only the team chunk's own files may be fetched, by their plain names.
  expect(requests.filter((u) => !/^http:\/\/127\.0\.0\.1:\d+\/[\w-]+\.wasm$/.test(u))).toEqual([]);
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);

  await page.click("#team-back");
  await expect(page.locator("#start-title")).toBeFocused();
  await expect(page.locator("#resume")).toContainText("(2 of");
  await page.reload();
  await page.click("#open-team");
  await expect(page.locator("#team-links")).toHaveValue("");
});

test("nothing readable says so, with no tables", async ({ page, server }) => {
  await openTeam(page, server);
  await page.fill("#team-links", "hello\nhttps://example.org/#r=\n");
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText(
    "No result could be read. Paste the links as people sent them, one per line. 2 lines left out.",
  );
  await expect(page.locator("#team-problems li")).toHaveCount(2);
  await expect(page.locator("#team-problems li").nth(1)).toHaveText("Line 2: the link holds no result");
  await expect(page.locator("table")).toHaveCount(0);
});

test("a second press is announced again, and links as mail wraps them are read", async ({ page, server }) => {
  await openTeam(page, server);
  const code = resultCode("data-annotation=4", 1);
  const custom = execFileSync(CLI, ["encode", "--survey", fileURLToPath(new URL("./fixtures/team.json", import.meta.url)), "--answers", "-"], { input: "{}" })
    .toString()
    .trim();
  await page.fill(
    "#team-links",
    [`<${server.url}?lang=de#r=${code}>`, `"${resultCode("", 2)}".`, `(${resultCode("", 4)})`, `${server.url}?survey=team.json#r=${custom}`].join("\r\n"),
  );
  await page.evaluate(() => {
    window.__statuses = [];
    new MutationObserver(() => window.__statuses.push(document.querySelector("#team-status").textContent)).observe(
      document.querySelector("#team-status"),
      { childList: true, subtree: true, characterData: true },
    );
  });
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("3 results summarised. 1 line left out.");
  // A second press gives the same words; a live region only speaks when its text changes, so the
  // status is emptied and then filled again.
  await page.evaluate(() => (window.__statuses = []));
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("3 results summarised. 1 line left out.");
  expect(await page.evaluate(() => window.__statuses)).toEqual(["", "3 results summarised. 1 line left out."]);
  await expect(page.locator("#team-problems li")).toHaveText([
    "Line 4: this link was made for another survey, or another version of this one",
  ]);
});

/** The six-person example team of the engine's and the CLI's team tests, as result links. */
function exampleTeam(server) {
  return [
    ["data-annotation=4,data-quality=3,coaching=3", 1],
    ["data-annotation=2,prompting=3,ai-workflow=3", 1],
    ["ai-modeling=3,data-mining=3", 2],
    ["prompting=3,ai-workflow=2", 2],
    ["coaching=4,training-development=4,learning-agility=4", 1],
    ["data-quality=3", 1],
  ]
    .map(([levels, d]) => `${server.url}#r=${resultCode(levels, d)}`)
    .join("\n");
}

/** Prints a simulated team's result links; `make test-e2e` builds it. */
const TEAM_LINKS = fileURLToPath(new URL("../../target/debug/examples/team_links", import.meta.url));
const TARGET = fileURLToPath(new URL("../../surveys/targets/data-annotator.json", import.meta.url));

test("a six-person team: where to start, build, borrow or hold, the heatmap and a target", async ({ page, server }) => {
  const pasted = exampleTeam(server);
  const aggregate = (...extra) =>
    JSON.parse(execFileSync(CLI, ["aggregate", "--survey", "ai-readiness", "-", ...extra], { input: pasted }));
  const plain = aggregate();
  const targeted = aggregate("--target", TARGET);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await openTeam(page, server);
  const loaded = requests.length;
  await page.fill("#team-links", pasted);
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("6 results summarised.");

  // Where to start: the engine's three gaps, in its order, each with its advice and path.
  const starts = page.locator("#team-start > li");
  await expect(starts).toHaveCount(plain.where_to_start.length);
  expect(await starts.evaluateAll((li) => li.map((l) => [l.dataset.id, l.dataset.advice]))).toEqual(
    plain.where_to_start.map((s) => [s.dimension, s.advice]),
  );
  const borrowed = plain.where_to_start.find((s) => s.advice === "borrow" && s.path);
  await expect(page.locator(`#team-start li[data-id="${borrowed.dimension}"] .freelancer`)).toContainText(
    "When to bring in a freelancer:",
  );

  // Build, borrow or hold: one-person skills first, and said plainly.
  const risks = await page.locator("#team-advice tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.risk));
  const order = { "single-expert": 0, "none-covered": 1, covered: 2 };
  expect(risks.map((r) => order[r])).toEqual([...risks.map((r) => order[r])].sort());
  expect(risks[0]).toBe("single-expert");
  await expect(page.locator("#team-single")).toContainText("Depends on one person:");
  await expect(page.locator("#team-single")).toContainText("Data annotation and labelling");
  const annotation = page.locator('#team-advice tr[data-id="data-annotation"]');
  await expect(annotation).toHaveAttribute("data-advice", "build");
  await expect(annotation.locator("td").nth(2)).toHaveText(/^Only one person holds it, and they can teach it\./);

  // The heatmap: counts per level in cells marked with their level, and no target yet.
  const heat = page.locator("[data-heatmap]");
  await expect(heat.locator('tr[data-id="data-annotation"] td[data-level="guide"]')).toHaveText("1");
  await expect(heat.locator("td[data-target]")).toHaveCount(0);
  const shaded = await heat.locator("td[data-level]").evaluateAll((tds) =>
    tds.filter((td) => td.textContent !== "0").every((td) => /heat-[1-4]/.test(td.className)),
  );
  expect(shaded).toBe(true);

  // A target: the page summarises again from what it read, with the target outlined.
  await page.selectOption("#team-target", { label: "Data annotator" });
  await expect(page.locator("#team-where p").first()).toContainText("against the target");
  expect(await starts.evaluateAll((li) => li.map((l) => l.dataset.id))).toEqual(
    targeted.where_to_start.map((s) => s.dimension),
  );
  for (const d of targeted.dimensions.filter((d) => d.target)) {
    const row = heat.locator(`tr[data-id="${d.id}"]`);
    await expect(row.locator(`td[data-level="${d.target}"]`)).toHaveAttribute("data-target", "");
    await expect(row.locator("td.below-target")).toHaveText(String(d.below_target));
  }
  await expect(starts.first()).toContainText(`${targeted.where_to_start[0].below_target} people are below the target.`);

  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
    expect(await axeViolations(page), theme).toEqual([]);
  }

  // CSV: the advice and the target gap, one figure per row.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#team-csv")]);
  const rows = parseCsv((await readFile(await download.path(), "utf8")).slice(1));
  const value = (id, measure) => rows.find((r) => r[0] === "dimension" && r[1] === id && r[3] === measure)?.[4];
  expect(value("data-annotation", "advice")).toBe("build");
  expect(value("data-annotation", "risk")).toBe("single-expert");
  expect(value("data-annotation", "below_target")).toBe(String(targeted.dimensions.find((d) => d.id === "data-annotation").below_target));
  expect(rows.filter((r) => r[0] === "start").map((r) => r[1])).toEqual(targeted.where_to_start.map((s) => s.dimension));

  // Print: the summary without the form, the buttons or the pasted links.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".team-form")).toBeHidden();
  await expect(page.locator("#team-csv")).toBeHidden();
  await expect(heat).toBeVisible();
  await expect(page.locator("#team-advice")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  expect(requests.slice(loaded)).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /team/i.test(k)))).toEqual([]);
});

test("two results are too few to summarise, and a target file is checked", async ({ page, server }) => {
  await openTeam(page, server);
  const two = exampleTeam(server).split("\n").slice(0, 2).join("\n");
  await page.fill("#team-links", two);
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText(
    "At least 3 results are needed for a team summary, so that it shows no one person's answers. 2 could be read.",
  );
  await expect(page.locator("table")).toHaveCount(0);

  // A target file that names an unknown level is refused at its path; a good one is offered.
  await page.setInputFiles("#team-target-file", {
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"prompting": "wizard"}'),
  });
  await expect(page.locator("#team-target-problems")).toContainText('$.prompting: no level "wizard"');
  await page.setInputFiles("#team-target-file", {
    name: "mine.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"prompting": "guide"}'),
  });
  await expect(page.locator("#team-target-problems")).toHaveCount(0);
  await expect(page.locator("#team-target option:checked")).toHaveText("From file: mine.json");
  await page.fill("#team-links", exampleTeam(server));
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("6 results summarised.");
  await expect(page.locator('[data-heatmap] tr[data-id="prompting"] td[data-level="guide"]')).toHaveAttribute("data-target", "");
  await expect(page.locator("#team-start > li").first()).toHaveAttribute("data-id", "prompting");
});

test("ten thousand links are read without freezing the page, and alpha appears", async ({ page, server }) => {
  test.setTimeout(120_000);
  const pasted = execFileSync(TEAM_LINKS, ["10000"], { maxBuffer: 64 * 1024 * 1024 }).toString();
  const expected = JSON.parse(execFileSync(CLI, ["aggregate", "--survey", "ai-readiness", "-"], { input: pasted, maxBuffer: 64 * 1024 * 1024 }));
  await openTeam(page, server);
  await page.locator("#team-links").evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, pasted);
  // Frames keep coming while the paste is read: the page paints between slices. Only frames
  // painted while the progress bar shows are counted, so a page that read everything in one
  // go would count none.
  await page.evaluate(() => {
    window.__framesWhileReading = 0;
    const tick = () => {
      if (document.querySelector("#team-progress")) window.__framesWhileReading++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // No wait for the progress bar itself: on a fast run it may come and go between two polls.
  // The frame count below proves it showed while the page kept painting.
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("10000 results summarised.", { timeout: 60_000 });
  expect(await page.evaluate(() => window.__framesWhileReading)).toBeGreaterThan(2);
  await expect(page.locator("#team-progress")).toHaveCount(0);
  const alphas = await page.locator("#team-consistency tbody tr td:nth-child(2)").allTextContents();
  expect(alphas.map(Number)).toEqual(expected.dimensions.filter((d) => d.alpha !== null).map((d) => Number(d.alpha.toFixed(2))));
  for (const d of expected.dimensions) {
    await expect(page.locator(`#team-advice tr[data-id="${d.id}"] td`).first()).toHaveText(String(d.experts));
  }
});
