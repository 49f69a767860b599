import type { Command } from "commander";
import { systemClock } from "../core/clock.ts";
import { ConfigError } from "../core/config.ts";
import {
  addMasterKeyToFile,
  dropMasterKeysFromFile,
  loadMasterKeyring,
  masterKeyFilePath,
  masterKeyUsage,
  openVault,
} from "../vault/index.ts";
import { commandAction } from "./command-action.ts";
import { withMigratedDatabase } from "./with-migrated-database.ts";

export function registerKeysCommands(program: Command): void {
  const keys = program
    .command("keys")
    .description("Master key rotation and the erasure ledger of the personal-data vault.");

  keys
    .command("rotate")
    .description(
      "Re-wrap every data key under a new master key; fields are not re-encrypted. With the embedded database: adds a new key to DATA_DIR/master-keys.json, re-wraps, then drops the old key (stop `serve` first). With WITS_MASTER_KEY: give every server WITS_MASTER_KEY=<new> and WITS_MASTER_KEY_PREVIOUS=<old> and restart them, run this (servers keep running), then remove WITS_MASTER_KEY_PREVIOUS.",
    )
    .option("--batch-size <n>", "keys re-wrapped per transaction", "500")
    .action(
      commandAction(async (config, options: { batchSize: string }) => {
        const batchSize = Number.parseInt(options.batchSize, 10);
        if (!Number.isInteger(batchSize) || batchSize < 1) {
          throw new ConfigError(
            "--batch-size must be a positive whole number, e.g. --batch-size 500",
          );
        }
        if (config.WITS_MASTER_KEY && !config.WITS_MASTER_KEY_PREVIOUS) {
          throw new ConfigError(
            "keys rotate needs both keys: set WITS_MASTER_KEY to the new key ($(openssl rand -base64 32)) and WITS_MASTER_KEY_PREVIOUS to the current one",
          );
        }
        // Before the database: a missing key is reported before anything is migrated.
        const { keyring, warning } = await loadMasterKeyring(config);
        if (warning) process.stderr.write(`warning: ${warning}\n`);
        await withMigratedDatabase(config, async (database) => {
          const file = keyring.source === "file" ? masterKeyFilePath(config) : undefined;
          if (file) {
            // The data-dir lock is held (openDatabase), so no server edits the key file meanwhile.
            const id = await addMasterKeyToFile(file);
            await keyring.reload();
            process.stdout.write(`Added master key ${id} to ${file} as the current key\n`);
          }
          const vault = await openVault({ db: database.db, config, clock: systemClock, keyring });
          const bar = progressBar("re-wrapping");
          const report = await vault.rotateMasterKey(database.db, {
            batchSize,
            onProgress: bar.update,
          });
          bar.finish();
          process.stdout.write(
            `Re-wrapped ${report.rewrapped} keys under master key ${keyring.currentId}\n`,
          );
          if (report.remaining > 0) {
            process.stderr.write(
              `warning: ${report.remaining} keys were being written by a running server and are still under the old key: run \`wits-privacy keys rotate\` again\n`,
            );
            process.exitCode = 1;
            return;
          }
          if (file) {
            const inUse = new Set((await masterKeyUsage(database.db)).keys());
            const dropped = await dropMasterKeysFromFile(file, inUse);
            if (dropped.length > 0) {
              process.stdout.write(`Removed old master key ${dropped.join(", ")} from ${file}\n`);
            }
            process.stdout.write(
              `Back up ${file} now, apart from database backups; keep the backup of the old key file as long as you keep database backups made before this rotation\n`,
            );
          } else {
            process.stdout.write(
              "Done: remove WITS_MASTER_KEY_PREVIOUS from every server's environment, and keep the old key somewhere safe as long as you keep database backups made before this rotation\n",
            );
          }
        });
      }),
    );

  keys
    .command("replay-ledger")
    .description(
      "After restoring a database backup: destroy again every data key the erasure ledger (ERASURE_LEDGER_PATH, default DATA_DIR/erasure-ledger.jsonl) says was shredded since. Safe to run any time; it changes nothing twice.",
    )
    .action(
      commandAction(async (config) => {
        const { keyring, warning } = await loadMasterKeyring(config);
        if (warning) process.stderr.write(`warning: ${warning}\n`);
        await withMigratedDatabase(config, async (database) => {
          const vault = await openVault({ db: database.db, config, clock: systemClock, keyring });
          const bar = progressBar("replaying");
          const report = await vault.replayErasureLedger(database.db, { onProgress: bar.update });
          bar.finish();
          process.stdout.write(
            `Erasure ledger ${vault.erasureLedgerPath}: ${report.entries} erasures, ${report.reshredded} keys destroyed again${report.unreadable > 0 ? `, ${report.unreadable} unreadable lines skipped` : ""}\n`,
          );
        });
      }),
    );
}

/** `\r[#####.....] 1234/5000` on stderr, redrawn only when it changes, so a log file stays short. */
function progressBar(label: string) {
  const width = 30;
  let last = "";
  return {
    update: ({ done, total }: { done: number; total: number }) => {
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const line = `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
      if (line === last) return;
      last = line;
      process.stderr.write(line);
    },
    finish: () => {
      if (last) process.stderr.write("\n");
    },
  };
}
