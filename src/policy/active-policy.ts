import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPolicyFile, type PolicyProblem, parsePolicy } from "./load-policy.ts";
import type { Policy } from "./policy.schema.ts";

/** The policy this package ships: the WITS statement. */
export const defaultPolicyFile = fileURLToPath(
  new URL("../../policy/wits.policy.yaml", import.meta.url),
);

export class PolicyError extends Error {
  override name = "PolicyError";
}

/**
 * The policy the server starts with. An invalid file stops the start with its first problem and
 * the command that lists them all: a server must never run on a statement it cannot render.
 */
export async function loadActivePolicy(
  file: string | undefined,
): Promise<{ policy: Policy; source: string; file: string; warnings: PolicyProblem[] }> {
  const resolved = file ? path.resolve(file) : defaultPolicyFile;
  const source = await readFile(resolved, "utf8").catch(() => "");
  const result = source ? parsePolicy(source) : await loadPolicyFile(resolved);
  if ("problems" in result) {
    const [first] = result.problems;
    const where = first?.line ? `${resolved}:${first.line}` : resolved;
    throw new PolicyError(
      `The policy file ${where} is invalid (${first?.path ? `${first.path}: ` : ""}${first?.message}): run \`wits-privacy policy check ${resolved}\` for every problem, or unset POLICY_FILE to use the default policy`,
    );
  }
  return { policy: result.policy, source, file: resolved, warnings: result.warnings };
}
