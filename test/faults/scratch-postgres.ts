import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabase } from "../helpers/database.ts";

export interface ScratchPostgres {
  name: string;
  /** The empty database's URL: the server under test creates its schema by migrating. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of our own on the shared PostgreSQL (never the server itself: other test files use
 * it at the same time), dropped afterwards even while clients are still connected.
 */
export async function createScratchPostgres(adminUrl: string): Promise<ScratchPostgres> {
  const name = `test_faults_${randomBytes(5).toString("hex")}`;
  await asAdmin(adminUrl, (admin) => admin.query(`create database "${name}"`));
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      await asAdmin(adminUrl, (admin) =>
        admin.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
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
