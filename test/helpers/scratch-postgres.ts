import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openPostgres } from "../../src/core/db/database.ts";
import { runMigrations } from "../../src/core/db/migrate.ts";
import { withDatabase } from "./database.ts";

export interface ScratchPostgres {
  name: string;
  /** DATABASE_URL of the scratch database, for the processes or clients under test. */
  url: string;
  /** Drops the database, also while a process still holds connections to it. */
  drop(): Promise<void>;
  /**
   * Opens the database with a pool of `poolSize`; closing it also drops the database, for code
   * that hands the database on and only closes it (as the per-file test databases do).
   */
  openDroppedOnClose(poolSize: number): Promise<Database>;
}

/**
 * A database of our own on the shared PostgreSQL (`<prefix>_<random>`; never the server itself:
 * other test files use it at the same time). `migrate` readies it as an operator would before
 * starting servers; without it the server under test creates its schema by migrating.
 */
export async function createScratchPostgres(
  adminUrl: string,
  { prefix, migrate = false }: { prefix: string; migrate?: boolean },
): Promise<ScratchPostgres> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await asAdmin(adminUrl, (admin) => admin.query(`create database "${name}"`));
  const url = withDatabase(adminUrl, name);
  const drop = async () => {
    await asAdmin(adminUrl, (admin) =>
      admin.query(`drop database if exists "${name}" with (force)`),
    );
  };
  if (migrate) {
    try {
      const database = await openPostgres(url, 1);
      await runMigrations(database).finally(() => database.close());
    } catch (error) {
      await drop();
      throw error;
    }
  }
  const openDroppedOnClose = async (poolSize: number): Promise<Database> => {
    const database = await openPostgres(url, poolSize).catch(async (error: unknown) => {
      await drop();
      throw error;
    });
    return {
      ...database,
      close: async () => {
        await database.close();
        await drop();
      },
    };
  };
  return { name, url, drop, openDroppedOnClose };
}

/**
 * What a PostgreSQL restart does to the backends of one database: each is told 57P01
 * (terminating connection due to administrator command) and closed.
 */
export async function terminateBackends(adminUrl: string, name: string): Promise<number> {
  return asAdmin(adminUrl, async (admin) => {
    const result = await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [name],
    );
    return result.rowCount ?? 0;
  });
}

async function asAdmin<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
