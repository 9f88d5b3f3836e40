// The engine's own CLI, which the e2e suite uses to make inputs and to check the app's figures.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../target/debug/skillscope", import.meta.url));

/**
 * A result code for the built-in survey from a simulated person (`levels` as `dim=N,dim=N`),
 * with `context` answers fixed and, if `keep` is given, only the answers it accepts.
 */
export function resultCode(levels, defaultLevel, { context, keep } = {}) {
  const args = ["simulate", "--survey", "ai-readiness", "--default-level", String(defaultLevel)];
  if (levels) args.push("--levels", levels);
  if (context) args.push("--set", JSON.stringify(context));
  let answers = execFileSync(CLI, args);
  if (keep) {
    const all = JSON.parse(answers.toString());
    answers = JSON.stringify(Object.fromEntries(Object.entries(all).filter(([id]) => keep(id))));
  }
  return execFileSync(CLI, ["encode", "--survey", "ai-readiness", "--answers", "-"], { input: answers })
    .toString()
    .trim();
}
