import type { JobDefinition } from "./core/jobs/index.ts";
import { deliverMailJob } from "./core/mail/index.ts";

/** Every recurring job of the product; modules add theirs here by hand, like routes in app.ts. */
export const allJobs: readonly JobDefinition[] = [deliverMailJob];
