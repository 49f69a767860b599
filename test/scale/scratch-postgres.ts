import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPostgres } from "../../src/core/db/database.ts";
import { runMigrations } from "../../src/core/db/migrate.ts";
import { withDatabase } from "../helpers/database.ts";

export interface ScratchPostgres {
  /** DATABASE_URL of the scratch database, for the processes under test. */
  url: string;
  /** Drops the database, also when a process still holds connections to it. */
  drop(): Promise<void>;
}

/**
 * A database of its own on the shared server (`test_scale_<random>`), migrated as an operator
 * would before starting the servers, and dropped by the test that made it.
 */
export async function createScratchPostgres(adminUrl: string): Promise<ScratchPostgres> {
  const name = `test_scale_${randomBytes(6).toString("hex")}`;
  await onAdmin(adminUrl, (admin) => admin.query(`create database "${name}"`));
  const url = withDatabase(adminUrl, name);
  const drop = () =>
    onAdmin(adminUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
  try {
    const database = await openPostgres(url, 1);
    try {
      await runMigrations(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop: async () => void (await drop()) };
}

async function onAdmin<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
