import { stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import {
  BackupError,
  type BackupManifest,
  checkBackup,
  loadBackupKeyring,
  type RestoreProgress,
  restoreBackup,
  writeBackup,
} from "../backup/index.ts";
import { systemClock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import { DatabaseError, openDatabase, pgliteDataPath } from "../core/db/database.ts";
import { commandAction } from "./command-action.ts";
import { progressPrinter } from "./progress-printer.ts";

const mebibyte = 1024 * 1024;
const inMiB = (bytes: number) => Math.round((bytes / mebibyte) * 10) / 10;

export function registerBackupCommands(program: Command): void {
  program
    .command("backup <file>")
    .description(
      "Write an encrypted backup of the database (PGlite: its data dir, with `serve` stopped; PostgreSQL: pg_dump, servers may run) to <file>, with a readable manifest. Encrypted with a key derived from the current master key, which is NOT in the backup: keep the key file or WITS_MASTER_KEY apart from backups.",
    )
    .exitOverride(usageExit)
    .action(
      commandAction(async (config, file: string) => {
        const { keyring, warning } = await loadBackupKeyring(config);
        if (warning) process.stderr.write(`warning: ${warning}\n`);
        await assertSomethingToBackUp(config);
        const started = performance.now();
        const database = await openDatabase(config).catch(explainLockForBackup);
        try {
          const printer = dumpProgress();
          const manifest = await writeBackup({
            database,
            config,
            keyring,
            clock: systemClock,
            file,
            onProgress: printer.update,
          });
          printer.done();
          const { size } = await stat(file);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          process.stdout.write(
            `Backed up ${database.location} to ${path.resolve(file)}: ${inMiB(size)} MiB encrypted, ${describeTables(manifest)}, master key ${manifest.masterKeyId}, in ${seconds} s\n`,
          );
          const keyPlace = keyring.source === "file" ? keyring.file : "WITS_MASTER_KEY";
          process.stdout.write(
            `Restoring it needs master key ${manifest.masterKeyId} (${keyPlace}): keep a copy of that key, but never beside the backup\n`,
          );
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command("restore <file>")
    .description(
      "Restore a backup made by `wits-privacy backup`, then migrate and replay the erasure ledger, so nobody erased after the backup was taken comes back. Refuses (changing nothing) a backup of another installation's master key, a damaged file, or replacing data without --force. PGlite: stop `serve` first; the replaced database is moved aside in DATA_DIR.",
    )
    .option(
      "--force",
      "replace a database that already holds data (PGlite: moved aside, not deleted; PostgreSQL: replaced)",
    )
    .option(
      "--dry-run",
      "check the file (master key, database kind, version, every chunk) and print its manifest; change nothing",
    )
    .exitOverride(usageExit)
    .action(
      commandAction(
        async (config, file: string, options: { force?: boolean; dryRun?: boolean }) => {
          const { keyring, warning } = await loadBackupKeyring(config);
          if (warning) process.stderr.write(`warning: ${warning}\n`);
          const progress = restoreProgress();
          if (options.dryRun) {
            const manifest = await checkBackup({
              file,
              keyring,
              config,
              onProgress: progress.update,
            });
            progress.done();
            printManifest(manifest);
            process.stdout.write(
              "The backup is intact and can be restored here; nothing was changed\n",
            );
            return;
          }
          const report = await restoreBackup({
            file,
            keyring,
            config,
            clock: systemClock,
            force: options.force === true,
            onProgress: progress.update,
          }).catch(explainLockForBackup);
          progress.done();
          const { manifest } = report;
          process.stdout.write(
            `Restored ${path.resolve(file)} (made ${manifest.createdAt} by wits-privacy ${manifest.appVersion}, migration ${manifest.lastMigration ?? "none"}) into ${report.location}: now ${report.tables} tables, ${report.rows} rows\n`,
          );
          process.stdout.write(
            `Erasure ledger ${report.ledgerPath}: ${report.replay.entries} erasures, ${report.replay.reshredded} keys destroyed again${report.replay.unreadable > 0 ? `, ${report.replay.unreadable} unreadable lines skipped` : ""}\n`,
          );
          if (report.movedAside) {
            process.stdout.write(
              `The database it replaced was moved to ${report.movedAside}: delete it (rm -r) once the restore is confirmed\n`,
            );
          }
        },
      ),
    );
}

/** A missing file argument or an unknown option is a usage error: exit code 2, as documented. */
function usageExit(error: { exitCode: number }): never {
  process.exit(error.exitCode === 0 ? 0 : 2);
}

/** PGlite refuses a second process: nothing is backed up behind a running server's back. */
async function assertSomethingToBackUp(config: Config): Promise<void> {
  if (config.DATABASE_URL) return;
  const dataDir = path.resolve(config.DATA_DIR);
  const present = await stat(pgliteDataPath(dataDir)).then(
    () => true,
    () => false,
  );
  if (!present) {
    throw new BackupError(
      `There is no embedded database in ${dataDir}: nothing to back up; set DATA_DIR to the installation's data dir (or DATABASE_URL for PostgreSQL)`,
    );
  }
}

function explainLockForBackup(error: unknown): never {
  const holder = error instanceof DatabaseError && /in use by process (\d+)/.exec(error.message);
  if (holder) {
    throw new BackupError(
      `The embedded database is in use by process ${holder[1]} (a running server): stop it first, since PGlite serves one process at a time, run this again, then start the server again`,
    );
  }
  throw error;
}

function describeTables(manifest: BackupManifest): string {
  const counts = Object.values(manifest.tables);
  return `${counts.length} tables, ${counts.reduce((sum, rows) => sum + rows, 0)} rows`;
}

function printManifest(manifest: BackupManifest): void {
  const lines = [
    `Backup made ${manifest.createdAt} by wits-privacy ${manifest.appVersion}`,
    `  database: ${manifest.database.kind} (${manifest.database.serverVersion.split(" on ")[0]})`,
    `  last migration: ${manifest.lastMigration ?? "none"}`,
    `  master key: ${manifest.masterKeyId}`,
    `  dump: ${manifest.database.dump}, ${inMiB(manifest.payload.bytes)} MiB, sha256 ${manifest.payload.sha256}`,
    `  ${describeTables(manifest)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** Known size (PGlite): a bar or tenths; pg_dump's size is unknown: a line per 16 MiB. */
function dumpProgress() {
  const printer = progressPrinter(process.stderr, {
    bar: "encrypting",
    line: "encrypted {done}/{total} MiB",
  });
  let lastLine = 0;
  return {
    update: ({ done, total }: { done: number; total: number | undefined }) => {
      if (total !== undefined) {
        printer.update({ recordType: "MiB", done: inMiB(done), total: inMiB(total) });
        return;
      }
      if (done - lastLine < 16 * mebibyte) return;
      lastLine = done;
      process.stderr.write(`encrypted ${inMiB(done)} MiB of pg_dump output\n`);
    },
    done: () => printer.done(),
  };
}

/** One printer per step, so each step's bar starts at zero. */
function restoreProgress() {
  let step: RestoreProgress["step"] | undefined;
  let printer: ReturnType<typeof progressPrinter> | undefined;
  return {
    update: (progress: RestoreProgress) => {
      if (progress.step !== step) {
        printer?.done();
        step = progress.step;
        const unit = step === "replaying" ? "erasures" : "MiB";
        printer = progressPrinter(process.stderr, {
          bar: step,
          line: `${step} {done}/{total} ${unit}`,
        });
      }
      const bytes = progress.step !== "replaying";
      printer?.update({
        recordType: "",
        done: bytes ? inMiB(progress.done) : progress.done,
        total: bytes ? inMiB(progress.total) : progress.total,
      });
    },
    done: () => printer?.done(),
  };
}
