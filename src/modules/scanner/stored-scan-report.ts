import { desc, inArray } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import type { Policy } from "../../policy/index.ts";
import type { FindingType } from "../../policy/sensitive-data-types.ts";
import { type QuarantineStatus, recordQuarantines, type StoredScanHit } from "./scanner.tables.ts";
import { actionFor, type SensitiveDataAction } from "./sensitive-data.ts";
import { type StoredScan, storedScanHitLimit } from "./stored-scan.ts";

/** Records of one type in which one kind was found, each record once. */
export interface KindCount {
  recordType: string;
  kind: FindingType;
  records: number;
}

export interface ReportHit extends StoredScanHit {
  actions: { kind: FindingType; action: SensitiveDataAction }[];
  /** The policy quarantines one of its kinds: the officer may hold it from the report. */
  holdable: boolean;
  /** The record's latest quarantine, if it ever had one. */
  quarantine: { id: string; status: QuarantineStatus } | undefined;
}

export interface StoredScanReport {
  counts: KindCount[];
  hits: ReportHit[];
  truncated: boolean;
}

/** Back-office pages that show one record by its id; other record types are shown without a link. */
const recordPages: Readonly<Record<string, string>> = {
  "contact.request": "/admin/contact/",
  "orders.order": "/admin/orders/",
  "rights.request": "/admin/rights/",
  "newsletter.subscriber": "/admin/newsletter/subscribers/",
  "support.session": "/admin/support/sessions/",
};

export function recordPage(recordType: string, recordId: string): string | undefined {
  const prefix = recordPages[recordType];
  return prefix ? `${prefix}${recordId}` : undefined;
}

export async function storedScanReport(
  deps: { db: Db; policy: () => Policy },
  scan: StoredScan,
): Promise<StoredScanReport> {
  const policy = deps.policy();
  const quarantines = await latestQuarantines(
    deps.db,
    scan.hits.map((hit) => hit.recordId),
  );
  return {
    counts: countKinds(scan.hits),
    hits: scan.hits.map((hit) => {
      const actions = hit.types.map((kind) => ({ kind, action: actionFor(policy, kind) }));
      return {
        ...hit,
        actions,
        holdable: actions.some(({ action }) => action === "quarantine"),
        quarantine: quarantines.get(hit.recordId),
      };
    }),
    truncated: scan.hits.length >= storedScanHitLimit,
  };
}

function countKinds(hits: readonly StoredScanHit[]): KindCount[] {
  const records = new Map<string, { recordType: string; kind: FindingType; ids: Set<string> }>();
  for (const hit of hits) {
    for (const kind of hit.types) {
      const key = `${hit.recordType}\u0000${kind}`;
      const entry = records.get(key) ?? { recordType: hit.recordType, kind, ids: new Set() };
      entry.ids.add(hit.recordId);
      records.set(key, entry);
    }
  }
  return [...records.values()].map(({ recordType, kind, ids }) => ({
    recordType,
    kind,
    records: ids.size,
  }));
}

async function latestQuarantines(
  db: Db,
  recordIds: readonly string[],
): Promise<Map<string, { id: string; status: QuarantineStatus }>> {
  const latest = new Map<string, { id: string; status: QuarantineStatus }>();
  if (recordIds.length === 0) return latest;
  const rows = await db
    .select({
      id: recordQuarantines.id,
      recordId: recordQuarantines.recordId,
      status: recordQuarantines.status,
    })
    .from(recordQuarantines)
    .where(inArray(recordQuarantines.recordId, [...new Set(recordIds)]))
    .orderBy(desc(recordQuarantines.heldAt));
  for (const row of rows) {
    if (!latest.has(row.recordId)) latest.set(row.recordId, { id: row.id, status: row.status });
  }
  return latest;
}
