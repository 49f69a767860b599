import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Cron } from "croner";
import { asc } from "drizzle-orm";
import type { Logger } from "pino";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import type { JobDefinition } from "./job.ts";
import { scheduledJobs } from "./jobs.tables.ts";
import { errorMessage, type JobRunResult, type RunJobOptions, runJob } from "./run-job.ts";

export interface SchedulerOptions {
  jobs: readonly JobDefinition[];
  db: Db;
  clock: Clock;
  log: Logger;
  config: Config;
  /** Defaults to host, pid and a random suffix, so two processes on one host never share a lease. */
  owner?: string;
  leaseMs?: number;
}

export interface Scheduler {
  /** Stops scheduling, aborts the signal of running handlers and resolves once they have finished. */
  stop(): Promise<void>;
}

export type JobStatus = typeof scheduledJobs.$inferSelect;

export type JobRunReport = JobRunResult & { job: string };

export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/**
 * Schedules every job in this process. Croner's `protect` keeps a slow run from overlapping its
 * next tick here; the lease and the slot in `scheduled_jobs` keep other processes from running
 * the same tick.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  assertUniqueNames(options.jobs);
  const controller = new AbortController();
  const running = new Set<Promise<void>>();
  const runOptions = baseRunOptions(options, controller.signal);
  const crons: Cron[] = [];
  try {
    for (const job of options.jobs) {
      crons.push(scheduleJob(job, runOptions, running));
    }
  } catch (error) {
    for (const cron of crons) cron.stop();
    throw error;
  }
  return {
    stop: async () => {
      for (const cron of crons) cron.stop();
      controller.abort();
      await Promise.allSettled([...running]);
    },
  };
}

function scheduleJob(
  job: JobDefinition,
  runOptions: RunJobOptions,
  running: Set<Promise<void>>,
): Cron {
  const tick = (cron: Cron): Promise<void> => {
    const run = runJob(job, { ...runOptions, slot: slotOf(cron) }).then(
      () => {},
      // Reached only when the database itself fails (handler errors are recorded by runJob);
      // an unhandled rejection here would take the whole process down. The next tick tries
      // again, so an outage costs the ticks it lasts, nothing more.
      (error: unknown) => {
        runOptions.log.error(
          { job: job.name, error: errorMessage(error) },
          "job could not run; it runs again at its next tick",
        );
      },
    );
    running.add(run);
    return run.finally(() => running.delete(run));
  };
  try {
    // Schedules are read in the organisation's time zone: "0 3 * * *" is 03:00 in Brussels,
    // also on a server that runs in UTC.
    return new Cron(
      job.schedule,
      { protect: true, timezone: runOptions.config.JOBS_TIMEZONE },
      tick,
    );
  } catch (error) {
    throw new Error(
      `Job "${job.name}" has an invalid schedule "${job.schedule}": ${errorMessage(error)}`,
    );
  }
}

/** When a job is next due, read in the organisation's time zone (for `jobs list`). */
export function nextRunOf(job: JobDefinition, timezone: string, after: Date): Date | undefined {
  const cron = new Cron(job.schedule, { timezone, paused: true });
  return cron.nextRun(after) ?? undefined;
}

/**
 * The scheduled time of the tick being run: the latest match of the pattern at or before now.
 * Every process derives the same slot from it even when its timer fires a little late, which the
 * raw fire time (croner's `currentRun()`) would not give. Croner schedules on real time, so the
 * slot does too, whatever clock the job uses.
 */
function slotOf(cron: Cron): Date {
  const now = Date.now();
  const scheduled = cron.previousRuns(1, new Date(now + 1))[0];
  return scheduled ?? new Date(Math.floor(now / 1000) * 1000);
}

/**
 * Runs each job once, one after the other, ignoring schedules and slots (`jobs run-once`). A job
 * another process is running right now is skipped and reported with `ran: false`.
 */
export async function runAllOnce(
  options: SchedulerOptions & { signal?: AbortSignal },
): Promise<JobRunReport[]> {
  assertUniqueNames(options.jobs);
  const runOptions = baseRunOptions(options, options.signal ?? new AbortController().signal);
  const reports: JobRunReport[] = [];
  for (const job of options.jobs) {
    reports.push({ job: job.name, ...(await runJob(job, runOptions)) });
  }
  return reports;
}

/** Each job's row: last run, duration, outcome and lease, for `jobs list` and the back office. */
export async function listJobStatus(db: Db): Promise<JobStatus[]> {
  return db.select().from(scheduledJobs).orderBy(asc(scheduledJobs.name));
}

function baseRunOptions(options: SchedulerOptions, signal: AbortSignal): RunJobOptions {
  const runOptions: RunJobOptions = {
    db: options.db,
    clock: options.clock,
    log: options.log,
    config: options.config,
    owner: options.owner ?? processOwner(),
    signal,
  };
  if (options.leaseMs !== undefined) runOptions.leaseMs = options.leaseMs;
  return runOptions;
}

/** Two jobs with one name would share one row and one lease, silently starving each other. */
function assertUniqueNames(jobs: readonly JobDefinition[]): void {
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.name))
      throw new Error(`Two jobs are named "${job.name}": job names must be unique`);
    seen.add(job.name);
  }
}
