import { and, desc, eq, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import { type Db, queryRows } from "../../core/db/database.ts";
import {
  eraseRows,
  forgetEmptySubjects,
  type RecordType,
  shredEmptiedKeys,
  uuidArray,
} from "../../datamap/index.ts";
import type { FindingType } from "../../policy/sensitive-data-types.ts";
import { mailQuarantineHeld } from "./quarantine-mail.ts";
import { recordQuarantines } from "./scanner.tables.ts";
import type { ScannerDeps } from "./scanner-deps.ts";

export type Quarantine = typeof recordQuarantines.$inferSelect;

/**
 * A minor's other intake goes with the record that revealed them: a newsletter sign-up of
 * someone who told us they are 14 is not a consent we may rely on.
 */
const minorRecordTypes = ["contact.request", "newsletter.signup", "newsletter.subscriber"];

export interface HoldInput {
  recordType: RecordType;
  recordId: string;
  subjectId: string | null;
  types: readonly FindingType[];
  reasons: readonly string[];
}

export interface HoldOutcome {
  quarantineId: string;
  /** True when the policy's quarantineHours is 0: the record is already gone. */
  deleted: boolean;
  hours: number;
}

/** SQL true for a row (by its id column) that is not waiting in quarantine: normal views use it. */
export function notQuarantined(id: AnyPgColumn | SQL): SQL {
  return sql`not exists (select 1 from record_quarantines q
    where q.record_id = ${id} and q.status = 'held')`;
}

/**
 * Puts a just-stored record in quarantine, in the caller's transaction: hidden from normal views,
 * the privacy officers mailed (references only), deleted after the policy's hours unless released.
 * With 0 hours it is deleted at once, and the outcome says so for the person's confirmation.
 */
export async function holdRecord(
  tx: Db,
  deps: ScannerDeps,
  input: HoldInput,
): Promise<HoldOutcome> {
  const hours = deps.policy().sensitiveData.quarantineHours;
  const held = await insertHold(tx, deps, input, hours);
  const others =
    input.types.includes("minor") && input.subjectId
      ? await holdMinorsOtherRecords(tx, deps, input.subjectId, input)
      : [];
  if (hours === 0) {
    for (const hold of [held, ...others]) {
      await deleteQuarantined(tx, deps, hold, { type: "system", id: "scanner.intake" });
    }
    return { quarantineId: held.id, deleted: true, hours };
  }
  await mailQuarantineHeld(tx, deps, held);
  return { quarantineId: held.id, deleted: false, hours };
}

async function insertHold(
  tx: Db,
  deps: ScannerDeps,
  input: HoldInput,
  hours: number,
): Promise<Quarantine> {
  const now = deps.clock.now();
  const [held] = await tx
    .insert(recordQuarantines)
    .values({
      recordType: input.recordType.id,
      recordId: input.recordId,
      types: [...input.types],
      reasons: [...new Set(input.reasons)],
      status: "held",
      heldAt: now,
      deleteAfter: new Date(now.getTime() + hours * 3_600_000),
    })
    .returning();
  if (!held) throw new Error("quarantine insert returned nothing");
  await appendAudit(tx, {
    clock: deps.clock,
    entry: {
      actor: { type: "system", id: "scanner" },
      action: "scanner.quarantine.held",
      ...(input.subjectId ? { subjectId: input.subjectId } : {}),
      recordType: input.recordType.id,
      recordId: input.recordId,
      details: { quarantineId: held.id, types: input.types.join(","), hours },
    },
  });
  return held;
}

async function holdMinorsOtherRecords(
  tx: Db,
  deps: ScannerDeps,
  subjectId: string,
  origin: HoldInput,
): Promise<Quarantine[]> {
  const holds: Quarantine[] = [];
  for (const typeId of minorRecordTypes) {
    const type = deps.dataMap.get(typeId);
    if (!type) continue;
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`select r.id::text as id from ${sql.identifier(type.tableName)} r
          where r.subject_id = ${subjectId} and ${notQuarantined(sql`r.id`)}`,
    );
    for (const row of rows) {
      if (row.id === origin.recordId) continue;
      const hours = deps.policy().sensitiveData.quarantineHours;
      holds.push(
        await insertHold(tx, deps, { ...origin, recordType: type, recordId: row.id }, hours),
      );
    }
  }
  return holds;
}

/** Which of these records wait in quarantine now: pages that list a person's records hide them. */
export async function heldRecordIds(db: Db, recordIds: readonly string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await queryRows<{ record_id: string }>(
    db,
    sql`select record_id::text as record_id from record_quarantines
        where status = 'held' and record_id = any(${uuidArray(recordIds)})`,
  );
  return new Set(rows.map((row) => row.record_id));
}

/** True while any record of the subject is held as a suspected minor's. */
export async function heldAsMinor(
  tx: Db,
  deps: Pick<ScannerDeps, "dataMap">,
  subjectId: string,
): Promise<boolean> {
  for (const typeId of minorRecordTypes) {
    const type = deps.dataMap.get(typeId);
    if (!type) continue;
    const [row] = await queryRows<{ held: boolean }>(
      tx,
      sql`select exists (select 1 from ${sql.identifier(type.tableName)} r
            join record_quarantines q on q.record_id = r.id
            where r.subject_id = ${subjectId} and q.status = 'held'
              and q.types @> '["minor"]'::jsonb) as held`,
    );
    if (row?.held) return true;
  }
  return false;
}

/** The officer's "false positive": the record returns to normal views. Audited. */
export async function releaseQuarantine(
  tx: Db,
  deps: Pick<ScannerDeps, "clock">,
  held: Quarantine,
  actor: AuditActor,
): Promise<void> {
  await decide(tx, deps, held, "released", actor);
}

/** Deletes the record (by its type's erasure method, shredding keys left unused). Audited. */
export async function deleteQuarantined(
  tx: Db,
  deps: ScannerDeps,
  held: Quarantine,
  actor: AuditActor,
): Promise<void> {
  const type = deps.dataMap.get(held.recordType);
  if (type) {
    const [row] = await queryRows<{ subject_id: string | null }>(
      tx,
      sql`select subject_id::text as subject_id from ${sql.identifier(type.tableName)}
          where id = ${held.recordId}`,
    );
    await eraseRows(tx, type, [held.recordId], deps.clock.now());
    if (row?.subject_id) await forgetWhatIsLeft(tx, deps, type, row.subject_id);
  }
  await decide(tx, deps, held, "deleted", actor);
}

async function forgetWhatIsLeft(tx: Db, deps: ScannerDeps, type: RecordType, subjectId: string) {
  const reason = "scanner.quarantine";
  const actor = { type: "system" as const, id: "scanner" };
  await shredEmptiedKeys(tx, deps, {
    subjectIds: [subjectId],
    purpose: type.purpose,
    reason,
    actor,
  });
  await forgetEmptySubjects(tx, deps.dataMap.recordTypes, [subjectId]);
}

async function decide(
  tx: Db,
  deps: Pick<ScannerDeps, "clock">,
  held: Quarantine,
  status: "released" | "deleted",
  actor: AuditActor,
): Promise<void> {
  const decidedBy = actor.type === "staff" && actor.id ? actor.id : null;
  await tx
    .update(recordQuarantines)
    .set({ status, decidedAt: deps.clock.now(), decidedBy })
    .where(eq(recordQuarantines.id, held.id));
  await appendAudit(tx, {
    clock: deps.clock,
    entry: {
      actor,
      action: status === "released" ? "scanner.quarantine.released" : "scanner.quarantine.deleted",
      recordType: held.recordType,
      recordId: held.recordId,
      details: { quarantineId: held.id, types: held.types.join(",") },
    },
  });
}

/** Deletes every record whose quarantine ran out; the daily and hourly job's work. */
export async function expireQuarantines(deps: ScannerDeps): Promise<number> {
  const due = await deps.db
    .select()
    .from(recordQuarantines)
    .where(
      and(
        eq(recordQuarantines.status, "held"),
        lte(recordQuarantines.deleteAfter, deps.clock.now()),
      ),
    );
  let deleted = 0;
  for (const { id } of due) {
    await deps.db.transaction(async (tx) => {
      // Re-read under a lock: an officer may have released it since the list was read.
      const held = await lockHeld(tx, id);
      if (!held) return;
      await deleteQuarantined(tx, deps, held, { type: "system", id: "scanner.quarantine_expiry" });
      deleted += 1;
    });
  }
  return deleted;
}

/** The quarantine if it is still held, locked until the transaction ends; else undefined. */
export async function lockHeld(tx: Db, id: string): Promise<Quarantine | undefined> {
  const [held] = await tx
    .select()
    .from(recordQuarantines)
    .where(and(eq(recordQuarantines.id, id), eq(recordQuarantines.status, "held")))
    .for("update");
  return held;
}

export async function findQuarantine(db: Db, id: string): Promise<Quarantine | undefined> {
  const [held] = await db.select().from(recordQuarantines).where(eq(recordQuarantines.id, id));
  return held;
}

export async function listQuarantines(db: Db, limit = 200): Promise<Quarantine[]> {
  return db
    .select()
    .from(recordQuarantines)
    .orderBy(sql`${recordQuarantines.status} = 'held' desc`, desc(recordQuarantines.heldAt))
    .limit(limit);
}
