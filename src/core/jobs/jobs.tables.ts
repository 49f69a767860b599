import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per recurring job: the lease that keeps two processes from running it at once, the
 * schedule slot it last ran for (so a slot runs once across processes), and its last outcome.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  leaseOwner: text("lease_owner"),
  leaseUntil: at("lease_until"),
  lastSlot: at("last_slot"),
  lastStartedAt: at("last_started_at"),
  lastFinishedAt: at("last_finished_at"),
  lastDurationMs: integer("last_duration_ms"),
  lastOutcome: text("last_outcome", { enum: ["ok", "failed"] }),
  lastError: text("last_error"),
  runs: integer("runs").notNull().default(0),
  failures: integer("failures").notNull().default(0),
});
