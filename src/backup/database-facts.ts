import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../core/db/database.ts";
import { migrationsFolder } from "../core/db/migrate.ts";

export interface DatabaseFacts {
  serverVersion: string;
  lastMigration: string | null;
  schemas: string[];
  tables: Record<string, number>;
}

/**
 * What a manifest says about the database, read in the dump's own snapshot on PostgreSQL so the
 * row counts are exactly what the dump holds. Exact counts, not planner estimates: a small
 * company's database counts in well under a second, and restore checks them after loading.
 */
export async function databaseFacts(db: Db): Promise<DatabaseFacts> {
  const [version] = await queryRows<{ version: string }>(db, sql`select version() as version`);
  const schemas = await queryRows<{ name: string }>(
    db,
    sql`select nspname as name from pg_namespace
        where nspname !~ '^pg_' and nspname <> 'information_schema' order by nspname`,
  );
  return {
    serverVersion: version?.version ?? "unknown",
    lastMigration: await lastAppliedMigration(db),
    schemas: schemas.map((schema) => schema.name),
    tables: await tableRowCounts(db),
  };
}

export async function tableRowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select case when table_schema = 'public' then quote_ident(table_name)
                else quote_ident(table_schema) || '.' || quote_ident(table_name) end as name
        from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ rows: string }>(
      db,
      sql`select count(*)::text as rows from ${sql.raw(name)}`,
    );
    counts[name] = Number(row?.rows ?? 0);
  }
  return counts;
}

/** The drizzle-kit tag of the newest applied migration, by its timestamp in the journal. */
async function lastAppliedMigration(db: Db): Promise<string | null> {
  const [table] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return null;
  const [row] = await queryRows<{ created_at: string | null }>(
    db,
    sql`select max(created_at)::text as created_at from drizzle.__drizzle_migrations`,
  );
  if (!row?.created_at) return null;
  const when = Number(row.created_at);
  const known = (await migrationJournal()).find((entry) => entry.when === when);
  return known?.tag ?? `unknown-${when}`;
}

interface JournalEntry {
  when: number;
  tag: string;
}

export async function migrationJournal(): Promise<JournalEntry[]> {
  const text = await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8");
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}
