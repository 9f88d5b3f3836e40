// The engine's own CLI, which the e2e suite uses to make inputs and to check the app's figures.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../target/debug/skillscope", import.meta.url));

/** A result code for the built-in survey from a simulated person (`levels` as `dim=N,dim=N`). */
export function resultCode(levels, defaultLevel) {
  const args = ["simulate", "--survey", "ai-readiness", "--default-level", String(defaultLevel)];
  if (levels) args.push("--levels", levels);
  const answers = execFileSync(CLI, args);
  return execFileSync(CLI, ["encode", "--survey", "ai-readiness", "--answers", "-"], { input: answers })
    .toString()
    .trim();
}
