import { scheduledJobs } from "./jobs/jobs.tables.ts";
import { outbox } from "./mail/outbox.tables.ts";

/** Every table, for drizzle's relational queries; modules add theirs here as they land. */
export const schema = { outbox, scheduledJobs };
