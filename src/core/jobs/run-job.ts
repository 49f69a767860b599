import { performance } from "node:perf_hooks";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import { databaseUnavailableReason } from "../db/database-unavailable-reason.ts";
import { scrubText } from "../log.ts";
import type { JobDefinition, JobSummary } from "./job.ts";
import { scheduledJobs } from "./jobs.tables.ts";

/** Long enough for any sweep we run; a crashed process blocks its job for at most this long. */
export const DEFAULT_LEASE_MS = 10 * 60 * 1000;

const MAX_ERROR_LENGTH = 500;

export interface RunJobOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  config: Config;
  /** Who holds the lease, e.g. "host:pid:random": a finished run only records itself if it still does. */
  owner: string;
  /** The schedule tick this run is for: each slot runs once across all processes. */
  slot?: Date;
  leaseMs?: number;
  signal: AbortSignal;
}

export interface JobRunResult {
  /** False when another process holds the lease, the slot already ran, or we are shutting down. */
  ran: boolean;
  outcome?: "ok" | "failed";
  summary?: JobSummary;
  durationMs?: number;
  error?: string;
}

type FinishedRun = JobRunResult & { ran: true; outcome: "ok" | "failed"; durationMs: number };

/**
 * Runs one job if this process wins its lease, and records the outcome on the job's row. A
 * failing handler is recorded and logged, never thrown: one broken job must not stop the others.
 */
export async function runJob(job: JobDefinition, options: RunJobOptions): Promise<JobRunResult> {
  if (options.signal.aborted) return { ran: false };
  await ensureJobRow(options.db, job.name);
  if (!(await claimLease(job.name, options))) return { ran: false };

  const started = performance.now();
  let result: FinishedRun;
  try {
    const summary = await job.run({
      db: options.db,
      clock: options.clock,
      log: options.log,
      config: options.config,
      signal: options.signal,
    });
    result = { ran: true, outcome: "ok", durationMs: elapsedSince(started) };
    if (summary) result.summary = summary;
  } catch (error) {
    const message = errorMessage(error);
    options.log.error({ job: job.name, error: message }, "job failed");
    result = { ran: true, outcome: "failed", durationMs: elapsedSince(started), error: message };
  }

  await recordOutcome(job.name, options, result);
  logFinished(job.name, options.log, result);
  return result;
}

async function ensureJobRow(db: Db, name: string): Promise<void> {
  await db.insert(scheduledJobs).values({ name }).onConflictDoNothing();
}

/**
 * One conditional UPDATE is the whole lock: on PostgreSQL a concurrent claimer waits for the row,
 * re-checks the condition against the committed lease and matches nothing. Timestamps come from
 * the clock, not the database, so a test can expire a lease.
 */
async function claimLease(name: string, options: RunJobOptions): Promise<boolean> {
  const now = options.clock.now();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
  const { slot } = options;
  const claimed = await options.db
    .update(scheduledJobs)
    .set({
      leaseOwner: options.owner,
      leaseUntil,
      lastStartedAt: now,
      ...(slot ? { lastSlot: slot } : {}),
    })
    .where(
      and(
        eq(scheduledJobs.name, name),
        or(
          isNull(scheduledJobs.leaseUntil),
          lt(scheduledJobs.leaseUntil, now),
          // Our own lease is left over from a run whose outcome could not be recorded (the
          // database went away mid-run): the owner runs a job only once at a time (croner's
          // `protect`), so it is not running now, and waiting out the lease would skip every
          // tick for ten minutes after the database came back.
          eq(scheduledJobs.leaseOwner, options.owner),
        ),
        slot ? or(isNull(scheduledJobs.lastSlot), lt(scheduledJobs.lastSlot, slot)) : undefined,
      ),
    )
    .returning({ name: scheduledJobs.name });
  return claimed.length > 0;
}

/**
 * Writes the outcome and releases the lease, but only while we still own it: if the lease ran out
 * and another process took the job over, its row describes its run, not ours.
 */
async function recordOutcome(
  name: string,
  options: RunJobOptions,
  result: FinishedRun,
): Promise<void> {
  const failed = result.outcome === "failed";
  const recorded = await options.db
    .update(scheduledJobs)
    .set({
      lastFinishedAt: options.clock.now(),
      lastDurationMs: result.durationMs,
      lastOutcome: result.outcome,
      lastError: result.error ?? null,
      runs: sql`${scheduledJobs.runs} + 1`,
      ...(failed ? { failures: sql`${scheduledJobs.failures} + 1` } : {}),
      leaseUntil: null,
    })
    .where(and(eq(scheduledJobs.name, name), eq(scheduledJobs.leaseOwner, options.owner)))
    .returning({ name: scheduledJobs.name });
  if (recorded.length === 0) {
    options.log.warn(
      { job: name, durationMs: result.durationMs },
      "job outlived its lease and another process took it over; its outcome is not recorded",
    );
  }
}

/** A run that did something is worth an info line; an idle tick every 15 s is not. */
function logFinished(name: string, log: Logger, result: FinishedRun): void {
  if (result.outcome !== "ok") return;
  const didWork = Object.values(result.summary ?? {}).some((count) => count !== 0);
  const line = { job: name, durationMs: result.durationMs, summary: result.summary };
  if (didWork) log.info(line, "job finished");
  else log.debug(line, "job finished");
}

function elapsedSince(started: number): number {
  return Math.round(performance.now() - started);
}

/**
 * Only the first line of the message, scrubbed of the values it quotes: stacks, multi-line
 * driver errors and personal data stay out of the row and the log.
 */
export function errorMessage(error: unknown): string {
  // drizzle's message is the failed SQL; during an outage the reason underneath is what helps.
  const outage = databaseUnavailableReason(error);
  if (outage) return `database unavailable (${outage})`;
  const message =
    error instanceof Error ? error.message : typeof error === "string" ? error : String(error);
  const firstLine = message.split("\n")[0]?.trim() || (error instanceof Error ? error.name : "");
  return scrubText(firstLine || "unknown error").slice(0, MAX_ERROR_LENGTH);
}
