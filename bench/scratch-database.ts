import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  type Database,
  type DatabaseKind,
  openPglite,
  openPostgres,
} from "../src/core/db/database.ts";
import { runMigrations } from "../src/core/db/migrate.ts";
import { droppedOnClose, withDatabase } from "../test/helpers/database.ts";

/** A fresh database per run: a million bench subjects must not land in a real one. */
export async function openScratchDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "pglite") {
    const database = await openPglite(await mkdtemp(path.join(os.tmpdir(), "wits-bench-db-")));
    await runMigrations(database);
    return database;
  }
  const adminUrl = process.env.DATABASE_URL ?? "";
  const name = `wits_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  const database = await openPostgres(withDatabase(adminUrl, name));
  await runMigrations(database);
  return droppedOnClose(database, adminUrl, name);
}
