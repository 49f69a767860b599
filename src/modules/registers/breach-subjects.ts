import { and, asc, eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import type { Vault } from "../../vault/index.ts";
import { breachRecordType } from "./breaches.service.ts";
import { findPeopleConcerned } from "./people-concerned.ts";
import { breaches, breachSubjects } from "./registers.tables.ts";

export interface AffectedPeopleDeps {
  db: Db;
  clock: Clock;
  vault: Vault;
}

export type AffectedPerson = typeof breachSubjects.$inferSelect;

export async function affectedPeople(db: Db, breachId: string): Promise<AffectedPerson[]> {
  return db
    .select()
    .from(breachSubjects)
    .where(eq(breachSubjects.breachId, breachId))
    .orderBy(asc(breachSubjects.subjectId));
}

/**
 * Links the people the identifiers point to as affected by the breach. Identifiers that match
 * nobody come back, so the officer can correct them; the others are linked all the same. The
 * audit entry counts, it never names.
 */
export async function linkAffectedPeople(
  deps: AffectedPeopleDeps,
  input: { staffId: string; breachId: string; identifiers: string[] },
): Promise<{ linked: number; unmatched: string[] }> {
  return deps.db.transaction(async (tx) => {
    const { subjectIds, unknown: unmatched } = await findPeopleConcerned(
      { db: tx, vault: deps.vault },
      input.identifiers,
    );
    let linked = 0;
    for (const subjectId of subjectIds) {
      const inserted = await tx
        .insert(breachSubjects)
        .values({ breachId: input.breachId, subjectId })
        .onConflictDoNothing()
        .returning({ subjectId: breachSubjects.subjectId });
      linked += inserted.length;
    }
    if (linked > 0) {
      await tx
        .update(breaches)
        .set({ updatedAt: deps.clock.now() })
        .where(eq(breaches.id, input.breachId));
      await appendAudit(tx, {
        clock: deps.clock,
        entry: {
          actor: { type: "staff", id: input.staffId },
          action: "breach.people_linked",
          recordType: breachRecordType,
          recordId: input.breachId,
          details: { linked, unmatched: unmatched.length },
        },
      });
    }
    return { linked, unmatched };
  });
}

/** Unlinks one person linked by mistake; a notice already queued to them stays queued. */
export async function unlinkAffectedPerson(
  deps: AffectedPeopleDeps,
  input: { staffId: string; breachId: string; subjectId: string },
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(breachSubjects)
      .where(
        and(
          eq(breachSubjects.breachId, input.breachId),
          eq(breachSubjects.subjectId, input.subjectId),
        ),
      )
      .returning({ subjectId: breachSubjects.subjectId });
    if (removed.length === 0) return false;
    await tx
      .update(breaches)
      .set({ updatedAt: deps.clock.now() })
      .where(eq(breaches.id, input.breachId));
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: input.staffId },
        action: "breach.person_unlinked",
        subjectId: input.subjectId,
        recordType: breachRecordType,
        recordId: input.breachId,
      },
    });
    return true;
  });
}
