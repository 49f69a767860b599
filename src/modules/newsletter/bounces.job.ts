import { defineJob } from "../../core/jobs/index.ts";
import { applyHardBounces } from "./bounces.ts";

export const newsletterBouncesJob = defineJob({
  name: "newsletter.bounces",
  description:
    "Marks newsletter readers undeliverable when their mail bounced for good (a permanent SMTP refusal), so nothing more is sent to them.",
  schedule: "30 */5 * * * *",
  run: async ({ db, clock }) => ({ undeliverable: await applyHardBounces({ db, clock }) }),
});
