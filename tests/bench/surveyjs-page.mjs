// The page Skillscope is compared with: SurveyJS (npm survey-core and survey-js-ui, installed in
// bench/ by make bench-web) running the same built-in questions, one per page, behind a start
// page, from the same kind of static server. Written to target/surveyjs/.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../../", import.meta.url));
const modules = join(root, "bench/node_modules");
export const SURVEYJS_DIR = join(root, "target/surveyjs");

/** A Skillscope question as SurveyJS JSON; the built-in survey has choice questions only. */
function question(q, lang) {
  const text = (t) => t?.[lang] ?? "";
  return {
    type: "radiogroup",
    name: q.id,
    title: text(q.text),
    isRequired: q.required ?? q.kind !== "context",
    choices: (q.options ?? []).map((o) => ({ value: o.id, text: text(o.text) })),
  };
}

export function writeSurveyJsPage() {
  const survey = JSON.parse(readFileSync(join(root, "surveys/ai-readiness.json"), "utf8"));
  const lang = survey.default_lang;
  const questions = survey.sections.flatMap((s) => s.questions);
  const json = {
    title: survey.title[lang],
    firstPageIsStartPage: true,
    startSurveyText: "Start",
    pages: [
      { name: "start", elements: [{ type: "html", name: "intro", html: `<p>${survey.intro[lang]}</p>` }] },
      ...questions.map((q) => ({ name: `p-${q.id}`, elements: [question(q, lang)] })),
    ],
  };
  mkdirSync(SURVEYJS_DIR, { recursive: true });
  copyFileSync(join(modules, "survey-core/survey.core.min.js"), join(SURVEYJS_DIR, "survey.core.min.js"));
  copyFileSync(join(modules, "survey-js-ui/survey-js-ui.min.js"), join(SURVEYJS_DIR, "survey-js-ui.min.js"));
  copyFileSync(join(modules, "survey-core/survey-core.min.css"), join(SURVEYJS_DIR, "survey-core.min.css"));
  writeFileSync(join(SURVEYJS_DIR, "survey.json"), JSON.stringify(json));
  writeFileSync(
    join(SURVEYJS_DIR, "start.js"),
    `const json = await (await fetch("survey.json")).json();
const survey = new Survey.Model(json);
survey.render(document.getElementById("survey"));
`,
  );
  writeFileSync(
    join(SURVEYJS_DIR, "index.html"),
    `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SurveyJS comparison</title>
  <link rel="stylesheet" href="survey-core.min.css">
  <script src="survey.core.min.js"></script>
  <script src="survey-js-ui.min.js"></script>
  <script type="module" src="start.js"></script>
</head>
<body><div id="survey"></div></body>
</html>
`,
  );
  return SURVEYJS_DIR;
}
