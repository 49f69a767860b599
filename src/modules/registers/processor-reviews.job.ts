import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import type { RegistersDeps } from "./registers-deps.ts";

export type ProcessorReviewsJobDeps = Pick<RegistersDeps, "policy">;

export function processorReviewsJob(_deps: () => ProcessorReviewsJobDeps): JobDefinition {
  return defineJob({
    name: "registers.processor_reviews",
    description: "Reminds the privacy officers of processor contracts due for review.",
    schedule: "0 0 7 * * *",
    run: async () => ({}),
  });
}
