import type { Command } from "commander";
import { systemClock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import type { Database } from "../core/db/database.ts";
import {
  type JobDefinition,
  type JobRunReport,
  listJobStatus,
  nextRunOf,
  runAllOnce,
} from "../core/jobs/index.ts";
import { createLogger } from "../core/log.ts";
import { productJobs } from "../jobs.ts";
import { loadMasterKeyring } from "../vault/index.ts";
import { commandAction } from "./command-action.ts";
import { openProductDeps } from "./retention.ts";
import { withMigratedDatabase } from "./with-migrated-database.ts";

export function registerJobsCommands(program: Command): void {
  const jobs = program
    .command("jobs")
    .description(
      "Scheduled jobs: run them once by hand, or see when each last ran and how it went.",
    );

  jobs
    .command("run-once")
    .description(
      "Run every scheduled job once now (or only --job NAME), e.g. from cron when `serve` runs with JOBS_ENABLED=false. On PostgreSQL it is safe next to running servers (a job another process is running is skipped); the embedded database allows one process, so stop `serve` first.",
    )
    .option("--job <name>", "run only this job (names as in `jobs list`)")
    .action(
      commandAction(async (config, options: { job?: string }) => {
        await withProductJobs(config, async (database, jobs) => {
          const selected = jobs.filter((job) => !options.job || job.name === options.job);
          if (selected.length === 0) {
            process.stderr.write(
              `error: no job named "${options.job}"; known jobs: ${jobs.map((job) => job.name).join(", ")}\n`,
            );
            process.exitCode = 1;
            return;
          }
          const log = createLogger({
            level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL,
          });
          for (const job of selected) {
            // One at a time, so a long run shows which job it is on.
            process.stdout.write(`running ${job.name}…\n`);
            const [report] = await runAllOnce({
              jobs: [job],
              db: database.db,
              clock: systemClock,
              log,
              config,
            });
            if (!report) continue;
            process.stdout.write(`${formatReport(report)}\n`);
            if (report.outcome === "failed") process.exitCode = 1;
          }
        });
      }),
    );

  jobs
    .command("list")
    .description("Show each job's schedule, last run, duration and outcome.")
    .action(
      commandAction(async (config) => {
        await withMigratedDatabase(config, async (database) => {
          // Listing runs no job, so it needs neither the master key nor the vault.
          const jobs = productJobs(() => {
            throw new Error("jobs list does not run jobs");
          });
          const status = new Map((await listJobStatus(database.db)).map((row) => [row.name, row]));
          for (const job of jobs) {
            const row = status.get(job.name);
            const last = row?.lastFinishedAt
              ? `last ${row.lastFinishedAt.toISOString()} ${row.lastOutcome} in ${row.lastDurationMs} ms${row.lastError ? `: ${row.lastError}` : ""}`
              : "never ran";
            const next = nextRunOf(job, config.JOBS_TIMEZONE, systemClock.now())?.toISOString();
            process.stdout.write(
              `${job.name}  [${job.schedule} ${config.JOBS_TIMEZONE}]  ${last}; next ${next ?? "never"}\n  ${job.description}\n`,
            );
          }
        });
      }),
    );
}

/**
 * The jobs as a server schedules them, with the vault and the data map they need; the master key
 * is loaded before the database, so a missing one is reported before anything is migrated.
 */
async function withProductJobs(
  config: Config,
  work: (database: Database, jobs: readonly JobDefinition[]) => Promise<void>,
): Promise<void> {
  const { keyring, warning } = await loadMasterKeyring(config);
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  await withMigratedDatabase(config, async (database) => {
    const deps = await openProductDeps(config, database, keyring);
    const jobs = productJobs(() => deps);
    await work(database, jobs);
  });
}

function formatReport(result: JobRunReport): string {
  const name = result.job;
  if (!result.ran) return `${name}: skipped (another process is running it)`;
  const summary = Object.entries(result.summary ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  const detail = result.outcome === "failed" ? `failed: ${result.error}` : `ok ${summary}`.trim();
  return `${name}: ${detail} (${result.durationMs ?? 0} ms)`;
}
