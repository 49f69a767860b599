import { once } from "node:events";
import type { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { type Database, openPostgres, queryRows } from "../core/db/database.ts";
import { BackupError } from "./backup-error.ts";
import type { BackupManifest } from "./backup-manifest.ts";
import {
  assertRowCounts,
  finishRestore,
  type RestoreOptions,
  type RestoreReport,
} from "./finish-restore.ts";
import {
  exitOf,
  firstLines,
  libpqConnection,
  pgToolMajor,
  requirePgTool,
  spawnPgTool,
} from "./pg-tools.ts";
import { backupPayload, type OpenedBackup, verifyBackup } from "./read-backup.ts";

/**
 * Restores into DATABASE_URL. The whole file is verified first; then pg_restore turns the archive
 * into SQL that psql runs in ONE transaction, after dropping the schemas the backup holds: a
 * failure anywhere leaves the database as it was, and tables of migrations newer than the backup
 * go too, so the migrations that follow apply cleanly. (pg_restore --clean would keep those
 * tables, and the re-run migration would then fail on them.)
 */
export async function restorePostgres(
  backup: OpenedBackup,
  options: RestoreOptions,
): Promise<RestoreReport> {
  const databaseUrl = options.config.DATABASE_URL ?? "";
  const database = await openPostgres(databaseUrl, 2);
  try {
    const tables = await userTables(database);
    if (tables > 0 && !options.force) {
      throw new BackupError(
        `PostgreSQL database ${database.location} already holds ${tables} tables: nothing was changed; add --force to replace them (they are replaced, not kept: take a backup first with \`wits-privacy backup <file>\`)`,
      );
    }
    const toolMajor = backup.manifest.database.dumpToolMajor ?? 0;
    await requirePgTool("pg_restore", toolMajor, "the pg_dump that made this backup");
    await pgToolMajor("psql", toolMajor);
    await verifyBackup(backup, (done, total) =>
      options.onProgress?.({ step: "verifying", done, total }),
    );
    await loadDump(backup, databaseUrl, options);
    await assertRowCounts(database.db, backup.manifest);
    return { ...(await finishRestore(database, options, backup.manifest)), movedAside: undefined };
  } finally {
    await database.close();
  }
}

async function userTables(database: Database): Promise<number> {
  const [row] = await queryRows<{ tables: number }>(
    database.db,
    sql`select count(*)::int as tables from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema')`,
  );
  return row?.tables ?? 0;
}

/** Drops what the backup will bring back, inside the restore's transaction. */
function resetSchemas(manifest: BackupManifest): string {
  const schemas = new Set([...manifest.database.schemas, "public", "drizzle"]);
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return [
    "SET client_min_messages = warning;",
    ...[...schemas].map((schema) => `DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE;`),
    "CREATE SCHEMA public;",
    "",
  ].join("\n");
}

async function loadDump(
  backup: OpenedBackup,
  databaseUrl: string,
  options: RestoreOptions,
): Promise<void> {
  const connection = libpqConnection(databaseUrl);
  const toolMajor = backup.manifest.database.dumpToolMajor;
  const restore = spawnPgTool("pg_restore", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    "--file=-",
  ]);
  const psql = spawnPgTool(
    "psql",
    ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--file=-", ...connection.args],
    connection.env,
  );
  let restoreErrors = "";
  let psqlErrors = "";
  restore.stderr?.on("data", (chunk) => {
    restoreErrors += chunk;
  });
  psql.stderr?.on("data", (chunk) => {
    psqlErrors += chunk;
  });
  psql.stdin?.on("error", () => {});
  // psql echoes the dump's set_config/setval results; unread, they would fill the pipe and stall it.
  psql.stdout?.resume();
  const restoreExit = exitOf(restore, "pg_restore", toolMajor);
  const psqlExit = exitOf(psql, "psql", toolMajor);
  psqlExit.catch(() => {});
  // psql gone early (a refused login, an SQL error) would leave pg_restore blocked on its output.
  psql.once("close", () => {
    if (restore.exitCode === null) restore.kill("SIGKILL");
  });
  const psqlFailure = () =>
    new BackupError(
      `psql could not load the backup (${firstLines(psqlErrors) || `exit ${psql.exitCode}`}): nothing was changed (the restore runs in one transaction); fix the cause and run this again`,
    );
  psql.stdin?.write(resetSchemas(backup.manifest));
  const sqlEnded = new Promise<void>((resolve) => restore.stdout?.once("end", resolve));
  // Not ended by the pipe: psql commits at the end of its input, so it may only see the end
  // when pg_restore finished cleanly; on any failure it is killed and its transaction aborts.
  restore.stdout?.pipe(psql.stdin as NodeJS.WritableStream, { end: false });
  try {
    await feed(
      backupPayload(backup, (done, total) =>
        options.onProgress?.({ step: "restoring", done, total }),
      ),
      restore.stdin as Writable,
    );
    const code = await restoreExit;
    await sqlEnded;
    if (code !== 0) {
      throw new BackupError(
        `pg_restore failed (exit ${code}: ${firstLines(restoreErrors)}): nothing was changed`,
      );
    }
  } catch (error) {
    psql.kill("SIGKILL");
    restore.kill("SIGKILL");
    throw psqlErrors.trim() ? psqlFailure() : error;
  }
  psql.stdin?.end();
  if ((await psqlExit) !== 0) throw psqlFailure();
}

/**
 * Writes the archive into pg_restore. pg_restore may exit as soon as it has read the archive's
 * last entry, before our end of input, so a closed pipe is not an error here (its exit code
 * says whether it worked); the remaining chunks are still decrypted, so every one is
 * authenticated before psql is allowed to commit.
 */
async function feed(chunks: AsyncIterable<Buffer>, stdin: Writable): Promise<void> {
  let closed = false;
  stdin.on("error", () => {
    closed = true;
  });
  stdin.once("close", () => {
    closed = true;
  });
  for await (const chunk of chunks) {
    if (closed) continue;
    if (!stdin.write(chunk)) await Promise.race([once(stdin, "drain"), once(stdin, "close")]);
  }
  if (!closed) stdin.end();
}
