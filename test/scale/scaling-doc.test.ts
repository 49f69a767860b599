import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { getTableName } from "drizzle-orm";
import { schema } from "../../src/core/schema.ts";

const doc = new URL("../../docs/scaling.md", import.meta.url);

/** The part of docs/scaling.md that says where each table goes on Citus. */
function placementSection(text: string): string {
  const start = text.indexOf("### Every table, and where it would go");
  const end = text.indexOf("### What would have to change");
  assert.ok(start >= 0 && end > start, "docs/scaling.md has its table placement section");
  return text.slice(start, end);
}

describe("docs/scaling.md", () => {
  it("places every table of the schema on the Citus path, so a new table cannot be forgotten", async () => {
    const section = placementSection(await readFile(doc, "utf8"));
    const names = Object.values(schema).map((table) => getTableName(table));
    assert.ok(names.includes("audit_log"), "the schema's tables are read");
    const missing = names.filter((name) => !section.includes(`\`${name}\``));
    assert.deepEqual(missing, [], "tables with no place in docs/scaling.md");
  });
});
