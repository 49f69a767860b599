import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../src/core/db/database.ts";

/** Every row of every table, as `table:primary key` → the row as JSON text and its hash. */
export type StoredSnapshot = Map<string, { row: string; hash: string }>;

/**
 * Tables whose rows change by design on every visit, so a changed row there is no lost record:
 * - login_throttle counts sign-in attempts per account and address; counting them is its job.
 * - audit_head is the hash chain's single "last entry" row; every appended entry moves it (the
 *   entries themselves are append-only and are compared like any other row).
 */
export const rowsChangingByDesign: Readonly<Record<string, string>> = {
  login_throttle: "counts sign-in attempts",
  audit_head: "points at the newest audit entry",
};

export async function takeSnapshot(db: Db): Promise<StoredSnapshot> {
  const snapshot: StoredSnapshot = new Map();
  for (const { name, keys } of await tablesWithKeys(db)) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t`,
    );
    for (const { row } of rows) {
      const parsed = JSON.parse(row) as Record<string, unknown>;
      // Without a primary key the whole row is its identity: a change shows as a lost row.
      const key = keys.length > 0 ? keys.map((column) => String(parsed[column])).join("|") : row;
      snapshot.set(`${name}:${key}`, { row, hash: createHash("sha256").update(row).digest("hex") });
    }
  }
  return snapshot;
}

async function tablesWithKeys(db: Db): Promise<{ name: string; keys: string[] }[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const keys = await queryRows<{ name: string; column_name: string }>(
    db,
    sql`select c.relname as name, a.attname as column_name
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
        where i.indisprimary and n.nspname = current_schema()
        order by c.relname, a.attnum`,
  );
  return tables.map(({ name }) => ({
    name,
    keys: keys.filter((key) => key.name === name).map((key) => key.column_name),
  }));
}

/**
 * The earlier rows that are gone or different now, by `table:key`. Rows of tables that change
 * by design are left out, and so are rows that mention an id in `mayChange`: records whose
 * working link the fuzzer held, which its holder may legitimately use.
 */
export function changedRows(
  before: StoredSnapshot,
  after: StoredSnapshot,
  mayChange: readonly string[],
): string[] {
  const changed: string[] = [];
  for (const [key, { row, hash }] of before) {
    const table = key.slice(0, key.indexOf(":"));
    if (table in rowsChangingByDesign) continue;
    if (mayChange.some((id) => row.includes(id))) continue;
    if (after.get(key)?.hash !== hash)
      changed.push(`${key} ${after.has(key) ? "changed" : "deleted"}`);
  }
  return changed;
}
