import { and, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AuditActor } from "../audit/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import type { Db } from "../core/db/database.ts";
import { legalHolds } from "./datamap.tables.ts";
import type { RecordType } from "./record-type.ts";

export type LegalHold = typeof legalHolds.$inferSelect;

export interface PlaceHoldInput {
  subjectId?: string | undefined;
  recordType?: string | undefined;
  reason: string;
  endsAt?: Date | undefined;
  /** Staff id of the privacy officer placing it. */
  placedBy: string;
}

export class LegalHoldError extends Error {
  override name = "LegalHoldError";
}

/** Places a hold and audits it, in one transaction. */
export async function placeLegalHold(
  db: Db,
  clock: Clock,
  input: PlaceHoldInput,
): Promise<LegalHold> {
  if (!input.subjectId && !input.recordType) {
    throw new LegalHoldError("a legal hold needs a subject, a record type, or both");
  }
  const reason = input.reason.trim();
  if (reason.length < 3) throw new LegalHoldError("give the reason for the hold (a case number)");
  const now = clock.now();
  if (input.endsAt && input.endsAt <= now) {
    throw new LegalHoldError("the end date of a hold must be in the future");
  }
  return db.transaction(async (tx) => {
    const [hold] = await tx
      .insert(legalHolds)
      .values({
        subjectId: input.subjectId ?? null,
        recordType: input.recordType ?? null,
        reason,
        placedBy: input.placedBy,
        placedAt: now,
        endsAt: input.endsAt ?? null,
      })
      .returning();
    if (!hold) throw new Error("insert returned no row");
    await appendAudit(tx, {
      clock,
      entry: {
        actor: { type: "staff", id: input.placedBy },
        action: "retention.hold_placed",
        ...(input.subjectId ? { subjectId: input.subjectId } : {}),
        details: { holdId: hold.id, recordType: input.recordType ?? null },
      },
    });
    return hold;
  });
}

export async function releaseLegalHold(
  db: Db,
  clock: Clock,
  { holdId, releasedBy }: { holdId: string; releasedBy: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [hold] = await tx
      .update(legalHolds)
      .set({ releasedAt: clock.now(), releasedBy })
      .where(and(eq(legalHolds.id, holdId), isNull(legalHolds.releasedAt)))
      .returning();
    if (!hold) throw new LegalHoldError("this hold does not exist or was already released");
    const actor: AuditActor = { type: "staff", id: releasedBy };
    await appendAudit(tx, {
      clock,
      entry: {
        actor,
        action: "retention.hold_released",
        ...(hold.subjectId ? { subjectId: hold.subjectId } : {}),
        details: { holdId: hold.id, recordType: hold.recordType },
      },
    });
  });
}

function activeAt(now: Date): SQL | undefined {
  return and(
    isNull(legalHolds.releasedAt),
    or(isNull(legalHolds.endsAt), sql`${legalHolds.endsAt} > ${now}`),
  );
}

/** Holds in force now; narrowed to those covering a subject and/or a record type when given. */
export async function activeLegalHolds(
  db: Db,
  now: Date,
  scope: { subjectId?: string; recordType?: string } = {},
): Promise<LegalHold[]> {
  return db
    .select()
    .from(legalHolds)
    .where(
      and(
        activeAt(now),
        scope.subjectId
          ? or(isNull(legalHolds.subjectId), eq(legalHolds.subjectId, scope.subjectId))
          : undefined,
        scope.recordType
          ? or(isNull(legalHolds.recordType), eq(legalHolds.recordType, scope.recordType))
          : undefined,
      ),
    )
    .orderBy(desc(legalHolds.placedAt));
}

/** Every hold ever placed, newest first, for the back office. */
export async function listLegalHolds(db: Db, limit = 200): Promise<LegalHold[]> {
  return db.select().from(legalHolds).orderBy(desc(legalHolds.placedAt)).limit(limit);
}

/**
 * SQL that is true for a row of the record type (aliased `r`) no hold covers now. The holds table
 * is small, so this stays an index scan of the record table.
 */
export function notHeld(type: RecordType, now: Date): SQL {
  const inForce = sql`h.released_at is null and (h.ends_at is null or h.ends_at > ${now})
      and (h.record_type is null or h.record_type = ${type.id})`;
  // The hold on the whole record type is evaluated once, and holds on people become one hashed
  // NOT IN lookup: a correlated subquery per row made a sweep's plan eight times slower.
  return sql`(not exists (select 1 from legal_holds h where ${inForce} and h.subject_id is null)
    and (r.subject_id is null or r.subject_id not in
      (select h.subject_id from legal_holds h where ${inForce} and h.subject_id is not null)))`;
}
