import { systemClock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import {
  runStoredScan,
  type StoredScanReport,
  storedScanReport,
} from "../modules/scanner/index.ts";
import { loadMasterKeyring } from "../vault/index.ts";
import { progressPrinter } from "./progress-printer.ts";
import { openProductDeps } from "./retention.ts";
import { stopOnInterrupt } from "./stop-on-interrupt.ts";
import { withMigratedDatabase } from "./with-migrated-database.ts";

/**
 * `scan --stored`: the back office's "scan existing data" from a terminal. It continues a scan
 * the back office started, or starts one; Ctrl-C stops between batches and the job or the next
 * run goes on. Returns the exit code: 0 nothing found, 1 something was, 130 stopped.
 */
export async function scanStoredData(config: Config): Promise<number> {
  const { keyring, warning } = await loadMasterKeyring(config);
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  return withMigratedDatabase(config, async (database) => {
    const product = await openProductDeps(config, database, keyring);
    const deps = { ...product, db: database.db, clock: systemClock, config };
    const interrupt = stopOnInterrupt();
    const progress = progressPrinter(process.stderr, {
      bar: "scanning",
      line: "scanned {done} of {total} stored records ({recordType})",
    });
    try {
      const scan = await runStoredScan(deps, {
        signal: interrupt.signal,
        onProgress: progress.update,
      });
      progress.done();
      if (scan?.status !== "done") {
        process.stderr.write("stopped: run `wits-privacy scan --stored` again to go on.\n");
        return 130;
      }
      const report = await storedScanReport(deps, scan);
      process.stdout.write(formatStoredReport(report, scan.scanned));
      return report.hits.length > 0 ? 1 : 0;
    } finally {
      interrupt.release();
    }
  });
}

function formatStoredReport(report: StoredScanReport, scanned: number): string {
  if (report.hits.length === 0) return `Scanned ${scanned} records: no sensitive data found.\n`;
  const counts = report.counts.map(
    (count) => `${count.recordType.padEnd(24)} ${count.kind.padEnd(18)} ${count.records}`,
  );
  const hits = report.hits.map(
    (hit) =>
      `${hit.recordType.padEnd(24)} ${hit.recordId}  ${hit.column.padEnd(22)} ${hit.actions
        .map((entry) => `${entry.kind} (${entry.action})`)
        .join(", ")}`,
  );
  return [
    `Scanned ${scanned} records; sensitive data in ${report.hits.length} fields.`,
    "",
    `${"record type".padEnd(24)} ${"kind".padEnd(18)} records`,
    ...counts,
    "",
    ...hits,
    report.truncated ? "(the list stops at its limit; see /admin/quarantine)" : "",
    "Put what the policy quarantines on hold from /admin/quarantine#scan.",
  ].join("\n");
}
