import { defineJob, type JobDefinition } from "../core/jobs/index.ts";
import type { Vault } from "../vault/index.ts";
import type { DataMap } from "./data-map.ts";
import { type SweepReport, sweepRetention } from "./retention-sweep.ts";

export interface RetentionSweepJobDeps {
  vault: Vault;
  dataMap: DataMap;
}

// A type, not an interface: a job's summary is a record of counts.
export type SweepTotals = {
  erased: number;
  deferred: number;
  keysShredded: number;
  held: number;
};

/**
 * Hourly, so a record goes within the hour its retention ends, which no rule of the policy
 * (a day at the finest) can notice; seven minutes past, away from the top of the hour where
 * cron jobs of the host and the backups tend to start. A sweep with nothing due costs a few index
 * lookups per record type and writes nothing, not even an audit entry.
 */
export const retentionSweepSchedule = "0 7 * * * *";

/**
 * Erases what the policy no longer lets us keep. Its dependencies are asked for when it runs, so
 * listing the jobs needs no master key. A shutdown stops it between batches; the next
 * tick (or another process, on PostgreSQL) goes on from there.
 */
export function retentionSweepJob(deps: () => RetentionSweepJobDeps): JobDefinition {
  return defineJob({
    name: "retention.sweep",
    description:
      "Erases every record past its retention date that no legal hold covers (delete, anonymise or crypto-shred, as its record type says), in audited batches.",
    schedule: retentionSweepSchedule,
    run: async ({ db, clock, signal }) => {
      const { vault, dataMap } = deps();
      const report = await sweepRetention({ db, dataMap, clock, vault }, { signal });
      return sweepTotals(report);
    },
  });
}

/** One sweep's counts over every record type. */
export function sweepTotals(report: SweepReport): SweepTotals {
  const totals: SweepTotals = { erased: 0, deferred: 0, keysShredded: 0, held: report.held };
  for (const result of Object.values(report.byType)) {
    totals.erased += result.erased;
    totals.deferred += result.deferred;
    totals.keysShredded += result.keysShredded;
  }
  return totals;
}
