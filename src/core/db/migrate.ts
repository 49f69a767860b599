import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./database.ts";
import { DatabaseError, reasonOf } from "./database.ts";

export const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url));

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_204_118_001;

/**
 * Applies pending migrations in one transaction (drizzle's migrator), so a failing migration
 * leaves the database as it was. On PostgreSQL an advisory lock makes processes that start
 * together migrate one after the other.
 */
export async function runMigrations(database: Database, folder = migrationsFolder): Promise<void> {
  try {
    if (database.kind === "pglite") {
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
      return;
    }
    await database.db.execute(sql`select 1`);
    // The lock is per connection, so migrate on one dedicated client from the pool.
    const pool = (database.db as unknown as { $client: import("pg").Pool }).$client;
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder: folder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(
      `Migration failed, nothing was changed (${reasonOf(error)}: ${messageOf(error)}): fix the migration or restore the previous version of the software`,
    );
  }
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const message = (cause as { message?: unknown }).message;
  return typeof message === "string" ? (message.split("\n")[0] ?? "") : String(cause);
}
