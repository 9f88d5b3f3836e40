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
  await expect(page.locator("#team-dimensions tbody tr")).toHaveCount(13);
  for (const d of expected.dimensions) {
    const median = d.score ? String(rustRound(d.score.median)) : "–";
    expect(await cells("team-dimensions", d.id)).toEqual([median, ...d.levels.map((l) => String(l.count))]);
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
  await expect(page.locator("#team-dimensions tbody tr")).toHaveCount(13);
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
  expect(requests).toEqual([]);
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
  await page.fill("#team-links", [`<${server.url}?lang=de#r=${code}>`, `"${resultCode("", 2)}".`, `${server.url}?survey=team.json#r=${custom}`].join("\r\n"));
  await page.evaluate(() => {
    window.__statuses = [];
    new MutationObserver(() => window.__statuses.push(document.querySelector("#team-status").textContent)).observe(
      document.querySelector("#team-status"),
      { childList: true, subtree: true, characterData: true },
    );
  });
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("2 results summarised. 1 line left out.");
  // A second press gives the same words; a live region only speaks when its text changes, so the
  // status is emptied and then filled again.
  await page.evaluate(() => (window.__statuses = []));
  await page.click("#summarise");
  await expect(page.locator("#team-status")).toHaveText("2 results summarised. 1 line left out.");
  expect(await page.evaluate(() => window.__statuses)).toEqual(["", "2 results summarised. 1 line left out."]);
  await expect(page.locator("#team-problems li")).toHaveText([
    "Line 3: this link was made for another survey, or another version of this one",
  ]);
});
