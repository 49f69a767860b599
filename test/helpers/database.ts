import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  type Database,
  type DatabaseKind,
  openPostgres,
  wrapPglite,
} from "../../src/core/db/database.ts";
import { migrationsFolder, runMigrations } from "../../src/core/db/migrate.ts";

/**
 * Every database test runs on PGlite, and on PostgreSQL too when DATABASE_URL is set (CI sets
 * it). Each test file gets its own database, copied from one migrated template: a fresh PGlite
 * costs 1–2 s before migrations, a copy of a dumped data dir about 0.4 s.
 */
export const databaseKinds: readonly DatabaseKind[] = process.env.DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

const migrationsHash = (() => {
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith(".sql") || file.endsWith(".json")) {
      hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
    }
  }
  return hash.digest("hex").slice(0, 16);
})();

export async function createTestDatabase(kind: DatabaseKind): Promise<Database> {
  return kind === "pglite" ? createPgliteCopy() : createPostgresCopy();
}

async function createPgliteCopy(): Promise<Database> {
  const template = await pgliteTemplate();
  const client = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(template)]) });
  return wrapPglite(client, "pglite:memory");
}

/** The migrated template as a gzipped data dir, made once per migrations hash and cached. */
export async function pgliteTemplate(): Promise<Buffer> {
  const file = path.join(os.tmpdir(), "wits-privacy-test", `pglite-${migrationsHash}.tar.gz`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return cached;
  const client = await PGlite.create();
  await runMigrations(wrapPglite(client, "pglite:template"));
  const dump = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
  await client.close();
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a parallel test process never reads half a template.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(partial, dump);
  await rename(partial, file);
  return dump;
}

async function createPostgresCopy(): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is not set");
  const templateName = `wits_tpl_${migrationsHash}`;
  const name = `wits_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Serialises template creation and copying between the parallel test processes.
    await admin.query("select pg_advisory_lock(7204118002)");
    const exists = await admin.query("select 1 from pg_database where datname = $1", [
      templateName,
    ]);
    if (exists.rowCount === 0) await buildPostgresTemplate(admin, adminUrl, templateName);
    await admin.query(`create database "${name}" template "${templateName}"`);
  } finally {
    await admin.query("select pg_advisory_unlock(7204118002)").catch(() => {});
    await admin.end();
  }
  return droppedOnClose(await openPostgres(withDatabase(adminUrl, name), 4), adminUrl, name);
}

/** Closing the database also drops it, so test files and benchmarks leave none behind. */
export function droppedOnClose(database: Database, adminUrl: string, name: string): Database {
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

async function buildPostgresTemplate(admin: pg.Client, adminUrl: string, templateName: string) {
  const building = `${templateName}_building`;
  await admin.query(`drop database if exists "${building}" with (force)`);
  await admin.query(`create database "${building}"`);
  const database = await openPostgres(withDatabase(adminUrl, building), 1);
  await runMigrations(database);
  await database.close();
  await admin.query(`alter database "${building}" rename to "${templateName}"`);
}

export function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
