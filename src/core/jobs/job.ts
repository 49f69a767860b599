import type { Logger } from "pino";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";

export interface JobContext {
  db: Db;
  clock: Clock;
  log: Logger;
  config: Config;
  /** Aborted on shutdown: a batched handler stops between batches, leaving nothing half done. */
  signal: AbortSignal;
}

/** What a run did, for the job's log line and the back office (e.g. `{ sent: 3, failed: 1 }`). */
export type JobSummary = Record<string, number>;

/**
 * A recurring job: a name, a croner schedule, and an idempotent handler that is safe to kill at
 * any point, because it may run again for the same work after a crash.
 */
export interface JobDefinition {
  name: string;
  description: string;
  /** Croner pattern; six fields means seconds first, e.g. every 15 s: "*\/15 * * * * *". */
  schedule: string;
  run(context: JobContext): Promise<JobSummary | undefined>;
}

export function defineJob(definition: JobDefinition): JobDefinition {
  return definition;
}
