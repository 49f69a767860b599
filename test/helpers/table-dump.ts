import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../src/core/db/database.ts";

async function tableNames(db: Db): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'
        order by table_name`,
  );
  return tables.map((table) => table.table_name);
}

/** Every row of every table as JSON text, the outbox and the audit log included. */
export async function dumpEverything(db: Db): Promise<string> {
  let dump = "";
  for (const name of await tableNames(db)) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t`,
    );
    dump += `${rows.map((row) => row.row).join("\n")}\n`;
  }
  return dump;
}

/** How many rows each table holds: equal before and after proves a request stored nothing. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames(db)) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(name)}`,
    );
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

/** Every file under a folder, however deep. */
export async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files under a folder whose bytes contain the needle. */
export async function filesContaining(directory: string, needle: Buffer): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await filesUnder(directory)) {
    if ((await readFile(file)).includes(needle)) hits.push(file);
  }
  return hits;
}
