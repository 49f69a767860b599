import { type AuditEntry, listAudit } from "../../audit/index.ts";
import {
  openRectifiedValue,
  type RecordType,
  RectificationError,
  readSubjectRecords,
  rectifyRecord,
} from "../../datamap/index.ts";
import { isErased } from "../../vault/index.ts";
import { openStep, recordOutcomes } from "./execute-right.ts";
import { ExecutionError, subjectsOf } from "./execute-steps.ts";
import type { RightsRequestRow } from "./request-store.ts";
import type { StepOutcome, StepResult } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** One declared editable field of one record of the person, with its current value. */
export interface RectifiableField {
  /** The form field's name: record type, record id and column, which the POST checks. */
  name: string;
  recordType: RecordType;
  recordId: string;
  column: string;
  value: string;
}

const prefix = "rectify|";
/** The engine's own limit; checked here too so the form gets a 400, not a half-done step. */
const maxLength = 10_000;

export function rectifyFieldName(recordType: string, recordId: string, column: string): string {
  return `${prefix}${recordType}|${recordId}|${column}`;
}

/** The fields staff may correct for this request, across its subjects; erased values are left out. */
export async function rectifiableFields(
  deps: Pick<RightsDeps, "db" | "dataMap" | "vault">,
  request: Pick<RightsRequestRow, "subjectId" | "linkedSubjectIds">,
): Promise<RectifiableField[]> {
  const fields: RectifiableField[] = [];
  for (const subjectId of subjectsOf(request)) {
    const held = await readSubjectRecords(deps, subjectId);
    for (const { recordType, records } of held.byType) {
      const editable = recordType.fields.filter((field) => field.editable);
      for (const record of records) {
        for (const field of editable) {
          const value = record.values[field.column];
          if (isErased(value)) continue;
          fields.push({
            name: rectifyFieldName(recordType.id, record.id, field.column),
            recordType,
            recordId: record.id,
            column: field.column,
            value: value === null || value === undefined ? "" : String(value),
          });
        }
      }
    }
  }
  return fields;
}

/**
 * Art. 16: applies the values staff typed where they differ from what is stored, each through
 * the engine (which seals before and after in the audit log), and records which fields changed.
 * Submitting without a change is a decision too: nothing needed correcting.
 */
export async function rectifyRequest(
  deps: RightsDeps,
  input: { requestId: string; staffId: string; values: Readonly<Record<string, string>> },
): Promise<StepOutcome[]> {
  return deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    const context = await openStep(tx, deps, {
      requestId: input.requestId,
      staffId: input.staffId,
      step: { kind: "rectification" },
    });
    const current = new Map(
      (await rectifiableFields(txDeps, context.request)).map((field) => [field.name, field]),
    );
    const rectified: NonNullable<StepOutcome["rectified"]> = [];
    for (const [name, value] of Object.entries(input.values)) {
      if (!name.startsWith(prefix)) continue;
      const field = current.get(name);
      if (!field || value.length > maxLength) throw new ExecutionError("bad_field");
      if (value.trim() === field.value.trim()) continue;
      try {
        await rectifyRecord(txDeps, {
          recordType: field.recordType.id,
          recordId: field.recordId,
          field: field.column,
          value,
          actor: { type: "staff", id: input.staffId },
        });
      } catch (error) {
        if (error instanceof RectificationError) throw new ExecutionError("bad_field");
        throw error;
      }
      rectified.push({
        recordType: field.recordType.id,
        recordId: field.recordId,
        column: field.column,
      });
    }
    const results: StepResult[] = [];
    for (const change of rectified) {
      const known = results.find((result) => result.recordType === change.recordType);
      if (known) known.count += 1;
      else results.push({ recordType: change.recordType, action: "rectified", count: 1 });
    }
    const outcomes: StepOutcome[] = [
      {
        right: "rectification",
        executedAt: context.executedAt.toISOString(),
        staffId: input.staffId,
        results,
        rectified,
      },
    ];
    await recordOutcomes(txDeps, context, outcomes);
    return outcomes;
  });
}

/** A change as the letter shows it: undefined where the value is gone (erased since). */
export interface RectifiedValue {
  recordType: string;
  recordId: string;
  column: string;
  before: string | undefined;
  after: string | undefined;
}

/**
 * The before and after of each rectified field, read back from the rectification's audit entry,
 * where the engine sealed them under the person's key. The outcome keeps no values, and no
 * second copy is made: the letter shows them while they exist, and once the person's data of
 * that purpose is erased, nobody (not even the letter preview) can read them again.
 */
export async function openRectifications(
  deps: Pick<RightsDeps, "db" | "dataMap" | "vault">,
  outcome: readonly StepOutcome[],
): Promise<RectifiedValue[]> {
  const values: RectifiedValue[] = [];
  for (const done of outcome) {
    if (!done.rectified || done.rectified.length === 0) continue;
    const entries = await rectificationEntries(deps, new Date(done.executedAt), done.rectified);
    for (const change of done.rectified) {
      const entry = entries.find(
        (candidate) =>
          candidate.recordType === change.recordType &&
          candidate.recordId === change.recordId &&
          candidate.details.field === change.column,
      );
      const open = async (column: "rectified_from" | "rectified_to", sealed: unknown) =>
        entry?.subjectId && typeof sealed === "string"
          ? openRectifiedValue(deps.vault, deps, {
              subjectId: entry.subjectId,
              recordType: change.recordType,
              recordId: change.recordId,
              column,
              ciphertext: sealed,
            })
          : undefined;
      values.push({
        ...change,
        before: await open("rectified_from", entry?.details.before),
        after: await open("rectified_to", entry?.details.after),
      });
    }
  }
  return values;
}

/**
 * The rectification entries from the step's time on, oldest first, paging back until every
 * changed field has its entry: the first entry after the step is the step's own.
 */
async function rectificationEntries(
  deps: Pick<RightsDeps, "db">,
  from: Date,
  wanted: readonly { recordType: string; recordId: string; column: string }[],
): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await listAudit(deps.db, {
      action: "rights.rectification",
      from,
      limit: 500,
      ...(beforeSeq === undefined ? {} : { beforeSeq }),
    });
    entries.push(...page.entries);
    if (page.nextBeforeSeq === null) break;
    beforeSeq = page.nextBeforeSeq;
  }
  const ids = new Set(wanted.map((change) => change.recordId));
  return entries.filter((entry) => entry.recordId && ids.has(entry.recordId)).reverse();
}
