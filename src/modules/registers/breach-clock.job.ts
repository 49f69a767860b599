import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import type { RegistersDeps } from "./registers-deps.ts";

export type BreachClockJobDeps = Pick<RegistersDeps, "policy">;

export function breachClockJob(_deps: () => BreachClockJobDeps): JobDefinition {
  return defineJob({
    name: "registers.breach_clock",
    description: "Reminds the privacy officers of breaches whose 72-hour notification clock runs.",
    schedule: "0 */15 * * * *",
    run: async () => ({}),
  });
}
