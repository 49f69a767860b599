import { performance } from "node:perf_hooks";
import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import type { ScannerDeps } from "./scanner-deps.ts";
import { activeStoredScan, continueStoredScan } from "./stored-scan.ts";

/** What the job needs beyond its context; the product's job deps (vault, data map, policy) fit. */
export type StoredScanJobDeps = Pick<ScannerDeps, "dataMap" | "vault" | "policy">;

/** Every 15 s, so a scan asked for on the page starts while the officer is still looking. */
export const storedScanSchedule = "*/15 * * * * *";

/**
 * A run stops after this and the next tick goes on from the cursor: well inside the scheduler's
 * 10-minute lease, so no other process takes the job over while this one still works on it.
 */
const runBudgetMs = 4 * 60_000;

export function storedScanJob(
  deps: () => StoredScanJobDeps,
  options: { batchSize?: number } = {},
): JobDefinition {
  return defineJob({
    name: "scanner.stored_scan",
    description:
      "Works on a “scan existing data” asked for in the back office: reads every text field of every record type in batches, and reports where identifiers, special-category data or a minor's data were found (never the text).",
    schedule: storedScanSchedule,
    run: async ({ db, clock, signal }) => {
      const active = await activeStoredScan(db);
      if (!active) return { scanned: 0, hits: 0, finished: 0 };
      const started = performance.now();
      const before = active.status === "running" ? active.scanned : 0;
      const scan = await continueStoredScan({ ...deps(), db, clock }, active.id, {
        signal,
        batchSize: options.batchSize,
        outOfTime: () => performance.now() - started > runBudgetMs,
      });
      return {
        scanned: (scan?.scanned ?? before) - before,
        hits: scan?.hits.length ?? 0,
        finished: scan?.status === "done" ? 1 : 0,
      };
    },
  });
}
