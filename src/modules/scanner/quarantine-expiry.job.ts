import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import { expireQuarantines } from "./quarantine.ts";
import type { ScannerDeps } from "./scanner-deps.ts";

/** What the job needs beyond its context; the product's job deps (vault, data map, policy) fit. */
export type QuarantineExpiryJobDeps = Pick<ScannerDeps, "dataMap" | "vault" | "policy">;

/**
 * Every 5 minutes: the statement promises deletion after the policy's hours, and a record kept
 * an hour too long is a broken promise. A run with nothing due costs one indexed query.
 */
export const quarantineExpirySchedule = "0 */5 * * * *";

export function quarantineExpiryJob(deps: () => QuarantineExpiryJobDeps): JobDefinition {
  return defineJob({
    name: "scanner.quarantine_expiry",
    description:
      "Deletes every record whose quarantine ran out without a privacy officer releasing it as a false positive, shredding the person's key once nothing else needs it.",
    schedule: quarantineExpirySchedule,
    run: async ({ db, clock, config }) => ({
      deleted: await expireQuarantines({ ...deps(), db, clock, config }),
    }),
  });
}
