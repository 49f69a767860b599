import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { policySchema } from "./policy.schema.ts";

/**
 * Writes policy/policy.schema.json, the JSON Schema editors use to complete and check the policy
 * YAML (its first line points at it). Run `npx tsx src/policy/write-json-schema.ts` after changing
 * the zod schema; a test fails while the file is out of date.
 */
export const policyJsonSchemaPath = fileURLToPath(
  new URL("../../policy/policy.schema.json", import.meta.url),
);

export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policySchema),
    title: "WITS Privacy policy",
  };
}

function writePolicyJsonSchema(): void {
  const json = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
  // Biome formats the repository; writing its output keeps `biome check .` clean without a
  // second step. Biome's CLI ships in node_modules, so this needs no network.
  const formatted = spawnSync(
    fileURLToPath(new URL("../../node_modules/.bin/biome", import.meta.url)),
    ["format", `--stdin-file-path=${policyJsonSchemaPath}`],
    { input: json, encoding: "utf8" },
  );
  writeFileSync(
    policyJsonSchemaPath,
    formatted.status === 0 && formatted.stdout ? formatted.stdout : json,
  );
  process.stdout.write(`wrote ${policyJsonSchemaPath}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writePolicyJsonSchema();
