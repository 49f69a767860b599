import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "../core/db/data-dir-lock.ts";
import { pgliteDataPath, wrapPglite } from "../core/db/database.ts";
import { BackupError } from "./backup-error.ts";
import {
  assertRowCounts,
  finishRestore,
  type RestoreOptions,
  type RestoreReport,
} from "./finish-restore.ts";
import { backupPayload, type OpenedBackup } from "./read-backup.ts";

/**
 * Restores the embedded database: only DATA_DIR/pglite is replaced; the master key file, the
 * erasure ledger and the mail outbox beside it stay. The backup is loaded, migrated and replayed
 * in a folder of its own first, and swapped in only when all of that worked; the database it
 * replaces is moved aside in DATA_DIR (a rename, so no copy and no second disk), never deleted.
 * The data-dir lock is held throughout, so no server starts on a half-restored database.
 */
export async function restorePglite(
  backup: OpenedBackup,
  options: RestoreOptions,
): Promise<RestoreReport> {
  const dataDir = path.resolve(options.config.DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const release = await acquireDataDirLock(dataDir);
  try {
    const target = pgliteDataPath(dataDir);
    const stamp = options.clock.now().toISOString().replace(/[:.]/g, "-");
    const aside = path.join(dataDir, `pglite.before-restore-${stamp}`);
    const replacing = await exists(target);
    if (replacing && !options.force) {
      throw new BackupError(
        `${dataDir} already holds an embedded database: nothing was changed; add --force to replace it (it is moved aside to ${dataDir}/pglite.before-restore-<time>, not deleted)`,
      );
    }
    const parts: Buffer[] = [];
    for await (const chunk of backupPayload(backup, (done, total) =>
      options.onProgress?.({ step: "restoring", done, total }),
    )) {
      parts.push(chunk);
    }
    const staging = path.join(dataDir, `pglite.restoring-${stamp}`);
    let report: Omit<RestoreReport, "movedAside">;
    try {
      const client = await PGlite.create({
        dataDir: staging,
        loadDataDir: new Blob([Buffer.concat(parts)]),
      });
      const database = wrapPglite(client, `pglite:${dataDir}`);
      try {
        await assertRowCounts(database.db, backup.manifest);
        report = await finishRestore(database, options, backup.manifest);
      } finally {
        await database.close();
      }
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    if (replacing) await rename(target, aside);
    await rename(staging, target);
    return { ...report, movedAside: replacing ? aside : undefined };
  } finally {
    await release();
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
