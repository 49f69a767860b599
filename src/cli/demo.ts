import type { Command } from "commander";
import { systemClock } from "../core/clock.ts";
import { DemoRefusedError, demoClock, demoSummaryText, seedDemo } from "../demo/index.ts";
import { defaultPolicyFile, loadActivePolicy } from "../policy/index.ts";
import { loadMasterKeyring, openVault } from "../vault/index.ts";
import { commandAction } from "./command-action.ts";
import { progressPrinter } from "./progress-printer.ts";
import { withMigratedDatabase } from "./with-migrated-database.ts";

export function registerDemoCommands(program: Command): void {
  const demo = program.command("demo").description("A demo to click through.");

  demo
    .command("seed")
    .description(
      "Fill an empty database with a year of made-up Belgian customers, orders, contact requests, newsletter readers, rights requests and register entries, and print a one-time link for a demo admin. Refuses a database that holds data: use an empty DATA_DIR, e.g. DATA_DIR=./demo-data.",
    )
    .action(
      commandAction(async (config) => {
        const active = await loadActivePolicy(config.POLICY_FILE);
        // Before the database: a missing key is reported before anything is migrated.
        const { keyring, warning } = await loadMasterKeyring(config);
        if (warning) process.stderr.write(`warning: ${warning}\n`);
        await withMigratedDatabase(config, async (database) => {
          const clock = demoClock(systemClock.now());
          const vault = await openVault({ db: database.db, config, clock, keyring });
          const where =
            database.kind === "pglite"
              ? `the embedded database in ${config.DATA_DIR}`
              : database.location;
          process.stdout.write(`Seeding the demo into ${where}\n`);
          const progress = progressPrinter(process.stdout, {
            bar: "seeding",
            line: "  {done}/{total} events, up to {recordType}",
          });
          try {
            const summary = await seedDemo(
              { db: database.db, config, vault, clock },
              {
                policy: active,
                onProgress: ({ done, total, day }) =>
                  progress.update({ done, total, recordType: day }),
              },
            );
            progress.done();
            const policyNote =
              active.file === defaultPolicyFile
                ? "the default policy, policy/wits.policy.yaml, is the demo policy (the WITS statement)"
                : `${active.file} (POLICY_FILE)`;
            process.stdout.write(
              demoSummaryText(summary, { publicUrl: config.PUBLIC_URL, policyNote }),
            );
          } catch (error) {
            progress.done();
            if (!(error instanceof DemoRefusedError)) throw error;
            process.stderr.write(`error: ${error.message}\n`);
            process.exitCode = 1;
          }
        });
      }),
    );
}
