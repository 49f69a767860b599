export { defineJob, type JobContext, type JobDefinition, type JobSummary } from "./job.ts";
export { DEFAULT_LEASE_MS, type JobRunResult, type RunJobOptions, runJob } from "./run-job.ts";
export {
  type JobRunReport,
  type JobStatus,
  listJobStatus,
  nextRunOf,
  processOwner,
  runAllOnce,
  type Scheduler,
  type SchedulerOptions,
  startScheduler,
} from "./scheduler.ts";
