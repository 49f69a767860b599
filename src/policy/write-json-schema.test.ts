import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { policyJsonSchema, policyJsonSchemaPath } from "./write-json-schema.ts";

it("policy/policy.schema.json matches the zod schema (regenerate: npx tsx src/policy/write-json-schema.ts)", () => {
  // Compared as data, not text: Biome owns the file's layout.
  const committed: unknown = JSON.parse(readFileSync(policyJsonSchemaPath, "utf8"));
  assert.deepEqual(committed, policyJsonSchema());
});
