import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import type { Db } from "../../src/core/db/database.ts";
import { scheduledJobs } from "../../src/core/jobs/jobs.tables.ts";

export interface JobTally {
  runs: number;
  lastSlot: Date;
}

/**
 * The job's bookkeeping at a moment no process runs it: a claim sets the slot before the run and
 * the outcome adds to `runs` after it, so only a released lease gives a slot and a count that
 * belong together (one row, one statement).
 */
export async function quietJobRow(db: Db, name: string, timeoutMs: number): Promise<JobTally> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, name));
    if (row?.lastSlot && row.leaseUntil === null) return { runs: row.runs, lastSlot: row.lastSlot };
    await sleep(200);
  }
  throw new Error(`${name} had no finished scheduled run within ${timeoutMs} ms`);
}
