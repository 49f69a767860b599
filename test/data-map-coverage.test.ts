import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../src/core/db/database.ts";
import { allRecordTypes, outsideDataMap } from "../src/record-types.ts";
import { createTestDatabase } from "./helpers/database.ts";

/**
 * Column names that hold, or point to, personal data. Deliberately broad: a false alarm costs
 * one line with a reason in `outsideDataMap`; a miss is a table nobody ever erases.
 */
const personalColumn =
  /(^|_)(subject_id|e?mail|email|name|phone|mobile|address|street|postal|postcode|city|ip|vat|iban|teamviewer|recipient|user_agent|birth|note|notes|message|body|comment|ciphertext)(_|$)/;

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
}

function personalTables(columns: readonly ColumnRow[]): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const column of columns) {
    if (!personalColumn.test(column.column_name) && column.data_type !== "bytea") continue;
    tables.set(column.table_name, [...(tables.get(column.table_name) ?? []), column.column_name]);
  }
  return tables;
}

describe("data map coverage: every table with personal columns after all migrations", () => {
  let database: Database;
  let columns: ColumnRow[];
  const mapped = new Set(allRecordTypes.map((type) => type.tableName));

  before(async () => {
    database = await createTestDatabase("pglite");
    columns = await queryRows<ColumnRow>(
      database.db,
      sql`select table_name, column_name, data_type from information_schema.columns
          where table_schema = current_schema() order by table_name, ordinal_position`,
    );
  });
  after(() => database.close());

  it("is a record type in the data map, or listed in outsideDataMap with its reason", () => {
    const unaccounted = [...personalTables(columns)].filter(
      ([table]) => !mapped.has(table) && !Object.hasOwn(outsideDataMap, table),
    );
    assert.deepEqual(
      unaccounted.map(([table, names]) => `${table} (${names.join(", ")})`),
      [],
      "declare these tables with defineRecordType in their module's records.ts and add them to allRecordTypes in src/record-types.ts",
    );
  });

  it("would notice a new table with an e-mail column that nobody declared", async () => {
    await database.db.execute(sql`create table newsletter_leak (id uuid, email text)`);
    const after = await queryRows<ColumnRow>(
      database.db,
      sql`select table_name, column_name, data_type from information_schema.columns
          where table_schema = current_schema() and table_name = 'newsletter_leak'`,
    );
    assert.deepEqual([...personalTables(after).keys()], ["newsletter_leak"]);
    await database.db.execute(sql`drop table newsletter_leak`);
  });

  it("gives every exemption a real reason, for a table that exists and is not also mapped", () => {
    const tables = new Set(columns.map((column) => column.table_name));
    for (const [table, reason] of Object.entries(outsideDataMap)) {
      assert.ok(tables.has(table), `outsideDataMap names ${table}, which no migration creates`);
      assert.ok(!mapped.has(table), `${table} is both a record type and exempt`);
      assert.ok(reason.length >= 40, `the reason for ${table} is too short to review`);
    }
  });

  it("puts retain_until, retention_reason and subject_id on every mapped table", () => {
    for (const table of mapped) {
      const names = columns.filter((c) => c.table_name === table).map((c) => c.column_name);
      for (const required of ["subject_id", "retain_until", "retention_reason"]) {
        assert.ok(names.includes(required), `${table} lacks ${required}`);
      }
    }
  });
});
