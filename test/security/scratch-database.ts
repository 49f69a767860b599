import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  type Database,
  type DatabaseKind,
  openPostgres,
  pgliteDataPath,
  wrapPglite,
} from "../../src/core/db/database.ts";
import { runMigrations } from "../../src/core/db/migrate.ts";
import { droppedOnClose, pgliteTemplate, withDatabase } from "../helpers/database.ts";

export interface ScratchDatabase {
  database: Database;
  /** A plain pg_dump of the whole database (PostgreSQL); PGlite's files are the data dir. */
  dump(): Promise<string | undefined>;
}

/**
 * A migrated database of its own, where its bytes can be searched: PGlite in the data dir on
 * disk, as the product runs; on PostgreSQL a `test_canary_<random>` database dropped on close.
 */
export async function scratchDatabase(
  kind: DatabaseKind,
  dataDir: string,
): Promise<ScratchDatabase> {
  if (kind === "pglite") {
    // The migrated template unpacked into the data dir: a second a test instead of migrating.
    const template = await pgliteTemplate();
    const client = await PGlite.create({
      dataDir: pgliteDataPath(dataDir),
      loadDataDir: new Blob([new Uint8Array(template)]),
    });
    return { database: wrapPglite(client, `pglite:${dataDir}`), dump: async () => undefined };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is not set");
  const name = `test_canary_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`).finally(() => admin.end());
  const url = withDatabase(adminUrl, name);
  const database = droppedOnClose(await openPostgres(url, 4), adminUrl, name);
  await runMigrations(database).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  return {
    database,
    dump: async () => {
      const { stdout } = await promisify(execFile)("pg_dump", ["--no-owner", `--dbname=${url}`], {
        maxBuffer: 256 * 1024 * 1024,
      });
      return stdout;
    },
  };
}
