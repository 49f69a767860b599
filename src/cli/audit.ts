import type { Command } from "commander";
import { type AuditProgress, verifyAudit } from "../audit/index.ts";
import { commandAction } from "./command-action.ts";
import { withMigratedDatabase } from "./with-migrated-database.ts";

export function registerAuditCommands(program: Command): void {
  const audit = program
    .command("audit")
    .description(
      "The hash-chained audit log of every create, staff read, export, rectification, erasure, disclosure and policy change.",
    );

  audit
    .command("verify")
    .description(
      "Recompute the whole chain and name the first broken entry (changed, removed or inserted). Exits 1 when the chain is broken, so it can run from cron or monitoring.",
    )
    .action(
      commandAction(async (config) => {
        await withMigratedDatabase(config, async (database) => {
          const progress = progressPrinter(process.stderr);
          const result = await verifyAudit(database.db, { onProgress: progress.update });
          progress.done();
          if (result.ok) {
            process.stdout.write(`audit log intact: ${result.entries} entries\n`);
          } else {
            process.stderr.write(
              `audit log broken at entry #${result.firstBrokenSeq}: ${result.reason} (${result.entries} entries before it are intact)\n`,
            );
            process.exitCode = 1;
          }
        });
      }),
    );
}

/** A chain that fits in one batch needs no progress; on a terminal one line is redrawn, elsewhere
 *  (a log file, cron mail) a line per tenth keeps the output short. */
function progressPrinter(stream: NodeJS.WriteStream) {
  let lastTenth = 0;
  let drawn = false;
  return {
    update: ({ checked, total }: AuditProgress) => {
      if (total <= 5_000) return;
      const percent = Math.floor((checked / total) * 100);
      const line = `verifying audit log: ${checked.toLocaleString("en")} / ${total.toLocaleString("en")} entries (${percent} %)`;
      if (stream.isTTY) {
        stream.write(`\r${line}`);
        drawn = true;
      } else if (Math.floor(percent / 10) > lastTenth) {
        lastTenth = Math.floor(percent / 10);
        stream.write(`${line}\n`);
      }
    },
    done: () => {
      if (drawn) stream.write("\n");
    },
  };
}
