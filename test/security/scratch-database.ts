import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import {
  type Database,
  type DatabaseKind,
  pgliteDataPath,
  wrapPglite,
} from "../../src/core/db/database.ts";
import { pgliteTemplate } from "../helpers/database.ts";
import { createScratchPostgres } from "../helpers/scratch-postgres.ts";

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
  const { url, openDroppedOnClose } = await createScratchPostgres(adminUrl, {
    prefix: "test_canary",
    migrate: true,
  });
  const database = await openDroppedOnClose(4);
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
