import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { schema } from "../schema.ts";
import { acquireDataDirLock } from "./data-dir-lock.ts";
import { RecoveringPool } from "./recovering-pool.ts";

export type Schema = typeof schema;
/** A database or an open transaction: services accept either, so a change commits with its audit entry. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Where the data lives, without credentials: safe to print. */
  location: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseError extends Error {
  override name = "DatabaseError";
}

export interface OpenDatabaseOptions {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.DATABASE_URL) return openPostgres(options.DATABASE_URL);
  return openPglite(path.resolve(options.DATA_DIR));
}

export function describePostgres(databaseUrl: string): string {
  const parsed = new URL(databaseUrl);
  return `postgres://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<Database> {
  const location = describePostgres(databaseUrl);
  // Without a connect timeout a black-holed host hangs start-up and every request for minutes.
  const pool = new RecoveringPool({
    connectionString: databaseUrl,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that loses its server must not crash the process; the pool drops it and the
  // next query opens a new connection.
  pool.on("error", () => {});
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseError(postgresProblem(error, location));
  }
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    location,
    ping: () => withDeadline(pool.query("select 1"), 2_000),
    close: () => pool.end(),
  };
}

/** PGlite's own files live in this folder of DATA_DIR; the key file, ledger and outbox beside it. */
export function pgliteDataPath(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

export async function openPglite(dataDir: string): Promise<Database> {
  await assertWritable(dataDir);
  const release = await acquireDataDirLock(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: pgliteDataPath(dataDir) });
  } catch (error) {
    await release();
    throw new DatabaseError(
      `Cannot open the embedded database in ${dataDir} (${reasonOf(error)}): restore it from a backup or start with an empty DATA_DIR`,
    );
  }
  return wrapPglite(client, `pglite:${dataDir}`, release);
}

/** Wraps an already opened PGlite (tests start one from a migrated template). */
export function wrapPglite(
  client: PGlite,
  location: string,
  release: () => Promise<void> = async () => {},
): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    location,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await client.close();
      await release();
    },
  };
}

/** What an operator should do about a failed connection, by the error PostgreSQL or the OS gave. */
function postgresProblem(error: unknown, location: string): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "3D000":
      return `PostgreSQL at ${location} has no such database: create it (createdb) or fix the database name in DATABASE_URL`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${location} refused the login: fix the user name or password in DATABASE_URL, or the server's pg_hba.conf`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot find the PostgreSQL host of ${location}: fix the host name in DATABASE_URL`;
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${location} (connection refused): start PostgreSQL or fix the host and port in DATABASE_URL`;
    default:
      if (/timeout/i.test(String((error as { message?: unknown }).message))) {
        return `Cannot reach PostgreSQL at ${location} (no answer within 5 s): check the host, port and firewall in DATABASE_URL`;
      }
      return `Cannot reach PostgreSQL at ${location} (${reasonOf(error)}): start PostgreSQL or fix DATABASE_URL`;
  }
}

async function withDeadline(work: Promise<unknown>, milliseconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database did not answer in time")), milliseconds);
  });
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function assertWritable(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, "");
    await rm(probe);
  } catch (error) {
    throw new DatabaseError(
      `Data directory ${dataDir} is not writable (${reasonOf(error)}): fix its permissions or set DATA_DIR to a writable folder, e.g. DATA_DIR=/var/lib/wits-privacy`,
    );
  }
}

export function reasonOf(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === "string" && code.length > 0) return code;
    if (typeof message === "string" && message.length > 0) return message.split("\n")[0] ?? message;
  }
  return String(error);
}

/** Rows of a raw query: both drivers return `{ rows }`, which drizzle's shared type hides. */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as { rows: Row[] };
  return result.rows;
}
