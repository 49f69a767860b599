import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import type { Database, Db } from "../core/db/database.ts";
import { runMigrations } from "../core/db/migrate.ts";
import { type MasterKeyring, openVault, type ReplayReport } from "../vault/index.ts";
import { BackupError } from "./backup-error.ts";
import type { BackupManifest } from "./backup-manifest.ts";
import { tableRowCounts } from "./database-facts.ts";

export interface RestoreOptions {
  config: Config;
  keyring: MasterKeyring;
  clock: Clock;
  /** Replace a database that already holds data. */
  force: boolean;
  onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoreProgress {
  step: "verifying" | "restoring" | "replaying";
  done: number;
  total: number;
}

export interface RestoreReport {
  manifest: BackupManifest;
  location: string;
  tables: number;
  rows: number;
  ledgerPath: string;
  replay: ReplayReport;
  /** Where the replaced embedded database was moved (PGlite only). */
  movedAside: string | undefined;
}

/** Right after loading: the restored tables hold exactly the rows the manifest counted. */
export async function assertRowCounts(db: Db, manifest: BackupManifest): Promise<void> {
  const counts = await tableRowCounts(db);
  for (const [table, rows] of Object.entries(manifest.tables)) {
    if (counts[table] !== rows) {
      throw new BackupError(
        `the restored table ${table} has ${counts[table] ?? "no"} rows where the backup counted ${rows}: restore another backup`,
      );
    }
  }
}

/**
 * After the dump is loaded: the schema brought up to date (the backup may predate migrations),
 * then every key the erasure ledger says was shredded destroyed again (each with its audit entry),
 * so nobody erased after the backup was taken comes back; then the restore itself is audited.
 */
export async function finishRestore(
  database: Database,
  { config, keyring, clock, onProgress }: RestoreOptions,
  manifest: BackupManifest,
): Promise<Omit<RestoreReport, "movedAside">> {
  await runMigrations(database);
  const vault = await openVault({ db: database.db, config, clock, keyring });
  const replay = await vault.replayErasureLedger(database.db, {
    onProgress: ({ done, total }) => onProgress?.({ step: "replaying", done, total }),
  });
  await appendAudit(database.db, {
    clock,
    entry: {
      actor: { type: "system", id: "cli" },
      action: "backup.restore",
      details: {
        backupCreatedAt: manifest.createdAt,
        databaseKind: manifest.database.kind,
        lastMigration: manifest.lastMigration,
        masterKeyId: manifest.masterKeyId,
        appVersion: manifest.appVersion,
        payloadBytes: manifest.payload.bytes,
        keysDestroyedAgain: replay.reshredded,
      },
    },
  });
  const counts = await tableRowCounts(database.db);
  return {
    manifest,
    location: database.location,
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((sum, rows) => sum + rows, 0),
    ledgerPath: vault.erasureLedgerPath,
    replay,
  };
}
