import type { Readable } from "node:stream";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { Database, Db } from "../core/db/database.ts";
import { BackupError } from "./backup-error.ts";
import type { DatabaseDump } from "./database-dump.ts";
import { databaseFacts } from "./database-facts.ts";
import { exitOf, firstLines, libpqConnection, requirePgTool, spawnPgTool } from "./pg-tools.ts";

/**
 * `pg_dump --format=custom` streamed straight into the encryption, so no plaintext dump touches
 * the disk. The row counts are read in a REPEATABLE READ transaction whose snapshot pg_dump
 * imports (--snapshot): manifest and dump describe the very same moment, while servers go on.
 */
export async function dumpPostgres<T>(
  database: Database,
  databaseUrl: string,
  write: (dump: DatabaseDump) => Promise<T>,
): Promise<T> {
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    const [server] = (
      await client.query<{ v: string }>("select current_setting('server_version_num') as v")
    ).rows;
    const serverMajor = Math.floor(Number(server?.v ?? 0) / 10_000);
    const dumpMajor = await requirePgTool("pg_dump", serverMajor, "the PostgreSQL server");
    await client.query("begin isolation level repeatable read read only");
    const [snapshot] = (await client.query<{ id: string }>("select pg_export_snapshot() as id"))
      .rows;
    const facts = await databaseFacts(drizzle({ client }) as unknown as Db);
    const connection = libpqConnection(databaseUrl);
    const child = spawnPgTool(
      "pg_dump",
      ["--format=custom", `--snapshot=${snapshot?.id ?? ""}`, ...connection.args],
      connection.env,
    );
    child.stdin?.end();
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    const exit = exitOf(child, "pg_dump", serverMajor);
    // A rejection before `write` reads the exit is still handled, never an unhandled rejection.
    exit.catch(() => {});
    try {
      const result = await write({
        facts,
        format: "pg_dump-custom",
        toolMajor: dumpMajor,
        totalBytes: undefined,
        chunks: child.stdout as Readable,
      });
      const code = await exit;
      if (code !== 0) {
        throw new BackupError(
          `pg_dump failed (exit ${code}: ${firstLines(stderr)}): no backup was written; fix the cause and run this again`,
        );
      }
      return result;
    } finally {
      if (child.exitCode === null) child.kill("SIGTERM");
    }
  } finally {
    await client.query("rollback").catch(() => {});
    client.release();
  }
}
