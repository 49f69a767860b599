import { asc, desc, eq, ne } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Db } from "../../core/db/database.ts";
import {
  type FieldValue,
  type RecordField,
  type RecordType,
  readRecord,
} from "../../datamap/index.ts";
import { isErased } from "../../vault/index.ts";
import { listStaff } from "../staff/index.ts";
import type { Finding } from "./detect/finding.ts";
import { scanText } from "./detect/scan-text.ts";
import {
  deleteQuarantined,
  findQuarantine,
  lockHeld,
  type Quarantine,
  releaseQuarantine,
} from "./quarantine.ts";
import { recordQuarantines } from "./scanner.tables.ts";
import type { ScannerDeps } from "./scanner-deps.ts";

/** The officer's list: what waits (the soonest deleted first), then what was decided lately. */
export async function listForOfficer(
  db: Db,
  limits = { held: 500, decided: 50 },
): Promise<{ held: Quarantine[]; decided: Quarantine[] }> {
  const held = await db
    .select()
    .from(recordQuarantines)
    .where(eq(recordQuarantines.status, "held"))
    .orderBy(asc(recordQuarantines.deleteAfter))
    .limit(limits.held);
  const decided = await db
    .select()
    .from(recordQuarantines)
    .where(ne(recordQuarantines.status, "held"))
    .orderBy(desc(recordQuarantines.decidedAt))
    .limit(limits.decided);
  return { held, decided };
}

/** Staff ids to e-mail addresses, for "decided by": the page is for staff, about staff. */
export async function staffEmails(db: Db): Promise<Map<string, string>> {
  return new Map((await listStaff(db)).map((account) => [account.id, account.email]));
}

/** One field as the officer sees it: text with what the scanner finds in it now. */
export type ShownField =
  | { field: RecordField; shown: "text"; text: string; findings: Finding[] }
  | { field: RecordField; shown: "value"; text: string }
  | { field: RecordField; shown: "bytes"; size: number }
  | { field: RecordField; shown: "empty" | "erased" };

export interface QuarantineView {
  quarantine: Quarantine;
  recordType: RecordType | undefined;
  /** Undefined once deleted, or when the record is gone. */
  fields: ShownField[] | undefined;
}

/**
 * The held record, decrypted and scanned again with today's detectors, so the officer sees why.
 * Reading a person's data is audited before the page is sent; a deleted record shows nothing.
 */
export async function viewQuarantine(
  deps: ScannerDeps,
  input: { quarantineId: string; staffId: string },
): Promise<QuarantineView | undefined> {
  const quarantine = await findQuarantine(deps.db, input.quarantineId);
  if (!quarantine) return undefined;
  const recordType = deps.dataMap.get(quarantine.recordType);
  if (!recordType || quarantine.status === "deleted") {
    return { quarantine, recordType, fields: undefined };
  }
  const record = await readRecord(deps, recordType, quarantine.recordId);
  if (!record) return { quarantine, recordType, fields: undefined };
  await appendAudit(deps.db, {
    clock: deps.clock,
    entry: {
      actor: { type: "staff", id: input.staffId },
      action: "scanner.quarantine.viewed",
      ...(record.subjectId ? { subjectId: record.subjectId } : {}),
      recordType: recordType.id,
      recordId: record.id,
      purpose: recordType.purpose,
      details: { quarantineId: quarantine.id, status: quarantine.status },
    },
  });
  const minimumConfidence = deps.policy().sensitiveData.minimumConfidence;
  const fields = recordType.fields.map((field) =>
    showField(field, record.values[field.column] ?? null, minimumConfidence),
  );
  return { quarantine, recordType, fields };
}

function showField(field: RecordField, value: FieldValue, minimumConfidence: number): ShownField {
  if (value === null) return { field, shown: "empty" };
  if (isErased(value)) return { field, shown: "erased" };
  if (Buffer.isBuffer(value)) return { field, shown: "bytes", size: value.length };
  if (typeof value === "string" && (field.kind === "text" || field.kind === "encrypted")) {
    return { field, shown: "text", text: value, findings: scanText(value, { minimumConfidence }) };
  }
  return {
    field,
    shown: "value",
    text: typeof value === "object" ? JSON.stringify(value) : String(value),
  };
}

export type Decision = "release" | "delete";
export type DecisionResult =
  | { status: "decided" }
  | { status: "not_found" }
  | { status: "not_held"; quarantine: Quarantine };

/**
 * Release or delete, under the row's lock: two officers deciding at once, or an officer and the
 * expiry job, make exactly one decision; the other is told it was already made.
 */
export async function decideQuarantine(
  deps: ScannerDeps,
  input: { quarantineId: string; staffId: string; decision: Decision },
): Promise<DecisionResult> {
  const decided = await deps.db.transaction(async (tx) => {
    const held = await lockHeld(tx, input.quarantineId);
    if (!held) return false;
    const actor = { type: "staff" as const, id: input.staffId };
    if (input.decision === "release") await releaseQuarantine(tx, deps, held, actor);
    else await deleteQuarantined(tx, deps, held, actor);
    return true;
  });
  if (decided) return { status: "decided" };
  const quarantine = await findQuarantine(deps.db, input.quarantineId);
  return quarantine ? { status: "not_held", quarantine } : { status: "not_found" };
}
