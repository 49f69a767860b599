import type { Command } from "commander";
import { loadPolicyFile, type PolicyProblem } from "../policy/load-policy.ts";
import { dataMapProblems } from "../record-types.ts";

export const defaultPolicyPath = "policy/wits.policy.yaml";

export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command("policy")
    .description("The policy file: the one source of the statement, cookies and retention rules.");

  policy
    .command("check")
    .description(
      "Validate a policy file (schema and cross-checks) and print each problem as file:line path: message. Exits 1 when there are problems; warnings alone exit 0.",
    )
    .argument("[file]", "policy YAML file", defaultPolicyPath)
    // No config is loaded: checking a file must work before the server is configured.
    .action(async (file: string) => {
      const loaded = await loadPolicyFile(file);
      const broken = "policy" in loaded ? dataMapProblems(loaded.policy) : [];
      const result = broken.length > 0 ? { problems: broken } : loaded;
      if ("problems" in result) {
        for (const problem of result.problems) {
          process.stdout.write(`${formatProblem(file, problem)}\n`);
        }
        process.stdout.write(
          `policy is invalid: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}\n`,
        );
        process.exitCode = 1;
        return;
      }
      for (const warning of result.warnings) {
        process.stdout.write(
          `${formatProblem(file, { ...warning, message: `warning: ${warning.message}` })}\n`,
        );
      }
      const { purposes, cookies, processors } = result.policy;
      process.stdout.write(
        `policy is valid: ${purposes.length} purposes, ${cookies.length} cookies, ${processors.length} processors\n`,
      );
    });
}

/** `file:line path: message`, the shape editors and CI annotate from. */
export function formatProblem(file: string, problem: PolicyProblem): string {
  const location = problem.line === undefined ? file : `${file}:${problem.line}`;
  return `${location} ${problem.path || "(document)"}: ${problem.message}`;
}
