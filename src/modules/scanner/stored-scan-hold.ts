import { sql } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import { queryRows } from "../../core/db/database.ts";
import type { Policy } from "../../policy/index.ts";
import type { FindingType } from "../../policy/sensitive-data-types.ts";
import { heldRecordIds, holdRecord } from "./quarantine.ts";
import type { StoredScanHit } from "./scanner.tables.ts";
import type { ScannerDeps } from "./scanner-deps.ts";
import { actionFor } from "./sensitive-data.ts";
import { latestStoredScan } from "./stored-scan.ts";

export type HoldFromScanResult =
  | { status: "held"; quarantineId: string; deleted: boolean }
  | { status: "not_in_report" | "record_gone" | "already_held" | "kept_by_law" };

/** The kinds the policy quarantines among a record's hits, each once. */
export function quarantineKinds(policy: Policy, hits: readonly StoredScanHit[]): FindingType[] {
  const kinds = hits.flatMap((hit) => hit.types);
  return [...new Set(kinds)].filter((kind) => actionFor(policy, kind) === "quarantine");
}

/**
 * The officer's "put in quarantine" for a record the last scan of stored data reported: from then
 * on it is treated as if intake had held it (hidden, mailed about, deleted after the policy's
 * hours). Only a record in the report with a kind the policy quarantines, and not already held.
 */
export async function holdFromScan(
  deps: ScannerDeps,
  input: { recordType: string; recordId: string; staffId: string },
): Promise<HoldFromScanResult> {
  const type = deps.dataMap.get(input.recordType);
  const scan = await latestStoredScan(deps.db);
  const hits = (scan?.hits ?? []).filter(
    (hit) => hit.recordType === input.recordType && hit.recordId === input.recordId,
  );
  const types = quarantineKinds(deps.policy(), hits);
  if (!type || !scan || types.length === 0) return { status: "not_in_report" };
  // An invoice or an order is kept by law: deleting it after a day would break that duty (and
  // its foreign keys). The officer restricts it through the subject's page instead.
  const keptByLaw =
    type.blockers?.some((blocker) => blocker.kind === "legal_obligation") ||
    deps.dataMap.purposeOf(type)?.legalBasis === "legal_obligation";
  if (keptByLaw) {
    return { status: "kept_by_law" };
  }
  return deps.db.transaction(async (tx) => {
    // Locks the record, so two clicks cannot both find it not held and hold it twice.
    const [record] = await queryRows<{ subject_id: string | null }>(
      tx,
      sql`select subject_id::text as subject_id from ${sql.identifier(type.tableName)}
          where id = ${input.recordId} for update`,
    );
    if (!record) return { status: "record_gone" };
    if ((await heldRecordIds(tx, [input.recordId])).size > 0) return { status: "already_held" };
    const subjectId = record.subject_id ?? undefined;
    const outcome = await holdRecord(tx, deps, {
      recordType: type,
      recordId: input.recordId,
      subjectId: subjectId ?? null,
      types,
      reasons: [],
    });
    // holdRecord audits the hold as the scanner's; this says which officer asked for it.
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: input.staffId },
        action: "scanner.scan.hold",
        ...(subjectId ? { subjectId } : {}),
        recordType: type.id,
        recordId: input.recordId,
        details: { scanId: scan.id, quarantineId: outcome.quarantineId },
      },
    });
    return { status: "held", quarantineId: outcome.quarantineId, deleted: outcome.deleted };
  });
}
