import { sql } from "drizzle-orm";
import { appendAudit, recordStaffRead } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import { type Db, queryRows } from "../../core/db/database.ts";
import type { Locale, Translate } from "../../core/i18n/index.ts";
import {
  activeLegalHolds,
  explainRetention,
  type LegalHold,
  type RetentionExplanation,
  type RightsDeps,
  readSubjectRecords,
} from "../../datamap/index.ts";
import { heldRecordIds } from "../scanner/index.ts";
import { fieldText } from "./field-text.ts";

export interface FieldLine {
  label: string;
  value: string;
}

export interface RecordLine {
  id: string;
  fields: FieldLine[];
  explanation: RetentionExplanation;
}

export interface TypeLines {
  recordType: string;
  purpose: string;
  label: string;
  records: RecordLine[];
}

export interface SubjectOverview {
  subjectId: string;
  /** Record types the person has records of, in data-map order. */
  types: TypeLines[];
  /** Labels of the record types with nothing about the person. */
  emptyTypes: string[];
  /** The first and last day something goes, over every record with a date. */
  earliest: Date | null;
  latest: Date | null;
  /** Records a condition keeps, so without a date yet. */
  withoutDate: number;
  /** Holds in force that cover any of the person's records, or the person. */
  holds: LegalHold[];
}

export async function subjectExists(db: Db, subjectId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from subjects where id = ${subjectId}`,
  );
  return rows.length > 0;
}

/**
 * Everything held about one person, each record with its "why do we still hold this?", in the
 * staff member's language. Reads and decrypts; the caller audits the read.
 */
export async function readSubjectOverview(
  deps: RightsDeps,
  subjectId: string,
  { locale, t, now }: { locale: Locale; t: Translate; now: Date },
): Promise<SubjectOverview> {
  const { byType } = await readSubjectRecords(deps, subjectId);
  const held = await heldRecordIds(
    deps.db,
    byType.flatMap((entry) => entry.records.map((record) => record.id)),
  );
  const types: TypeLines[] = [];
  const holds = new Map<string, LegalHold>();
  for (const hold of await activeLegalHolds(deps.db, now, { subjectId })) {
    if (hold.subjectId === subjectId) holds.set(hold.id, hold);
  }
  for (const { recordType, records } of byType) {
    if (records.length === 0) continue;
    const covering = await activeLegalHolds(deps.db, now, {
      subjectId,
      recordType: recordType.id,
    });
    for (const hold of covering) holds.set(hold.id, hold);
    types.push({
      recordType: recordType.id,
      purpose: recordType.purpose,
      label: recordType.label[locale],
      records: records.map((record) => ({
        id: record.id,
        // A record in quarantine is the privacy officer's alone, on the quarantine page.
        fields: held.has(record.id)
          ? [{ label: t("records.quarantined.label"), value: t("records.quarantined") }]
          : recordType.fields.map((field) => ({
              label: field.label[locale],
              value: fieldText(t, field, record.values[field.column] ?? null),
            })),
        explanation: explainRetention(deps.dataMap, t, {
          recordType,
          retainUntil: record.retainUntil,
          retentionReason: record.retentionReason,
          holds: covering,
        }),
      })),
    });
  }
  const dates = types.flatMap((type) =>
    type.records.flatMap((record) =>
      record.explanation.goesOn ? [record.explanation.goesOn] : [],
    ),
  );
  const times = dates.map((date) => date.getTime());
  return {
    subjectId,
    types,
    emptyTypes: byType
      .filter((entry) => entry.records.length === 0)
      .map((entry) => entry.recordType.label[locale]),
    earliest: times.length > 0 ? new Date(Math.min(...times)) : null,
    latest: times.length > 0 ? new Date(Math.max(...times)) : null,
    withoutDate: types.reduce(
      (sum, type) => sum + type.records.filter((record) => !record.explanation.goesOn).length,
      0,
    ),
    holds: [...holds.values()],
  };
}

/**
 * One `subject.read` entry per record shown, in one transaction: the log then says exactly which
 * records a colleague saw. A person with nothing left still leaves a trace that someone looked.
 */
export async function auditSubjectView(
  db: Db,
  clock: Clock,
  { staffId, overview }: { staffId: string; overview: SubjectOverview },
): Promise<void> {
  await db.transaction(async (tx) => {
    let shown = 0;
    for (const type of overview.types) {
      for (const record of type.records) {
        await recordStaffRead(tx, clock, {
          staffId,
          subjectId: overview.subjectId,
          recordType: type.recordType,
          recordId: record.id,
          purpose: type.purpose,
        });
        shown += 1;
      }
    }
    if (shown > 0) return;
    await appendAudit(tx, {
      clock,
      entry: {
        actor: { type: "staff", id: staffId },
        action: "subject.read",
        subjectId: overview.subjectId,
        details: { records: 0 },
      },
    });
  });
}
