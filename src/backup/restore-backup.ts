import { BackupError } from "./backup-error.ts";
import type { BackupManifest } from "./backup-manifest.ts";
import { migrationJournal } from "./database-facts.ts";
import type { RestoreOptions, RestoreReport } from "./finish-restore.ts";
import { openBackup, verifyBackup } from "./read-backup.ts";
import { restorePglite } from "./restore-pglite.ts";
import { restorePostgres } from "./restore-postgres.ts";

export interface RestoreBackupOptions extends RestoreOptions {
  file: string;
}

/**
 * Restores a backup into the configured database, refusing (and changing nothing) when it is
 * another installation's, of the other database kind, made by a newer version, damaged, or when
 * it would replace data without --force. Then migrates and replays the erasure ledger.
 */
export async function restoreBackup({
  file,
  ...options
}: RestoreBackupOptions): Promise<RestoreReport> {
  const backup = await openBackup(file, options.keyring);
  try {
    assertSameKind(backup.manifest, file, options.config.DATABASE_URL !== undefined);
    await assertKnownMigration(backup.manifest, file);
    return backup.manifest.database.kind === "pglite"
      ? await restorePglite(backup, options)
      : await restorePostgres(backup, options);
  } finally {
    await backup.close();
  }
}

/** Only within a kind: a PGlite data dir is not a PostgreSQL archive, and the reverse. */
export function assertSameKind(manifest: BackupManifest, file: string, postgres: boolean): void {
  if (manifest.database.kind === "pglite" && postgres) {
    throw new BackupError(
      `${file} is a backup of the embedded database (PGlite) and DATABASE_URL is set: nothing was changed; unset DATABASE_URL to restore it into DATA_DIR`,
    );
  }
  if (manifest.database.kind === "postgres" && !postgres) {
    throw new BackupError(
      `${file} is a backup of a PostgreSQL database and DATABASE_URL is not set: nothing was changed; set DATABASE_URL to the (empty, or with --force) database to restore it into`,
    );
  }
}

/** A backup from a newer version holds a schema this version's migrations do not know. */
export async function assertKnownMigration(manifest: BackupManifest, file: string): Promise<void> {
  if (manifest.lastMigration === null) return;
  const known = (await migrationJournal()).some((entry) => entry.tag === manifest.lastMigration);
  if (!known) {
    throw new BackupError(
      `${file} was made by wits-privacy ${manifest.appVersion}, whose schema (migration ${manifest.lastMigration}) this version does not know: nothing was changed; upgrade wits-privacy to ${manifest.appVersion} or later first`,
    );
  }
}

/** `restore --dry-run`: every check a restore makes, and every chunk decrypted; nothing changed. */
export async function checkBackup({
  file,
  keyring,
  config,
  onProgress,
}: Pick<
  RestoreBackupOptions,
  "file" | "keyring" | "config" | "onProgress"
>): Promise<BackupManifest> {
  const backup = await openBackup(file, keyring);
  try {
    assertSameKind(backup.manifest, file, config.DATABASE_URL !== undefined);
    await assertKnownMigration(backup.manifest, file);
    await verifyBackup(backup, (done, total) => onProgress?.({ step: "verifying", done, total }));
    return backup.manifest;
  } finally {
    await backup.close();
  }
}
