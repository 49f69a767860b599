import { and, eq, isNull, or } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import type { Db } from "../core/db/database.ts";
import type { VaultPurpose } from "../vault/index.ts";
import { processingRestrictions, type RestrictionKind } from "./datamap.tables.ts";

export type ProcessingRestriction = typeof processingRestrictions.$inferSelect;

export interface RestrictInput {
  subjectId: string;
  kind: RestrictionKind;
  /** Required for an objection or a withdrawn consent; a restriction without one covers all. */
  purpose?: VaultPurpose | undefined;
  /** The one use still allowed: the legal obligation that keeps invoices after an erasure request. */
  except?: "legal_obligation" | undefined;
  actor: AuditActor;
}

/**
 * Records that the person stopped some processing. The row is the proof and the flag modules
 * check; it is never deleted, only lifted, so "we stopped on 3 March" stays provable.
 */
export async function recordRestriction(
  db: Db,
  clock: Clock,
  input: RestrictInput,
): Promise<ProcessingRestriction> {
  if (input.kind !== "restriction" && !input.purpose) {
    throw new Error(`a ${input.kind} names the purpose it is about`);
  }
  const write = async (tx: Db) => {
    // The same restriction in force already says it all: an erasure that keeps invoices and
    // orders of one purpose records "restricted to the legal use" once, not once per table.
    const [same] = await tx
      .select()
      .from(processingRestrictions)
      .where(
        and(
          eq(processingRestrictions.subjectId, input.subjectId),
          eq(processingRestrictions.kind, input.kind),
          input.purpose
            ? eq(processingRestrictions.purpose, input.purpose)
            : isNull(processingRestrictions.purpose),
          input.except
            ? eq(processingRestrictions.except, input.except)
            : isNull(processingRestrictions.except),
          isNull(processingRestrictions.liftedAt),
        ),
      )
      .limit(1);
    if (same) return same;
    const [row] = await tx
      .insert(processingRestrictions)
      .values({
        subjectId: input.subjectId,
        kind: input.kind,
        purpose: input.purpose ?? null,
        except: input.except ?? null,
        createdAt: clock.now(),
        createdBy: input.actor.id ?? input.actor.type,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await appendAudit(tx, {
      clock,
      entry: {
        actor: input.actor,
        action: `rights.${input.kind}`,
        subjectId: input.subjectId,
        ...(input.purpose ? { purpose: input.purpose } : {}),
        details: { restrictionId: row.id, except: input.except ?? null },
      },
    });
    return row;
  };
  return db.transaction(write);
}

export async function liftRestriction(
  db: Db,
  clock: Clock,
  { restrictionId, actor }: { restrictionId: string; actor: AuditActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(processingRestrictions)
      .set({ liftedAt: clock.now() })
      .where(
        and(eq(processingRestrictions.id, restrictionId), isNull(processingRestrictions.liftedAt)),
      )
      .returning();
    if (!row) throw new Error("this restriction does not exist or was already lifted");
    await appendAudit(tx, {
      clock,
      entry: {
        actor,
        action: "rights.restriction_lifted",
        subjectId: row.subjectId,
        details: { restrictionId },
      },
    });
  });
}

export async function activeRestrictions(
  db: Db,
  subjectId: string,
): Promise<ProcessingRestriction[]> {
  return db
    .select()
    .from(processingRestrictions)
    .where(
      and(eq(processingRestrictions.subjectId, subjectId), isNull(processingRestrictions.liftedAt)),
    );
}

export type ProcessingUse = "any" | "legal_obligation";

export type ProcessingDecision =
  | { allowed: true }
  | { allowed: false; because: RestrictionKind; restrictionId: string };

/**
 * What every module asks before it uses a person's data for a purpose: no newsletter to someone
 * who withdrew consent, no TeamViewer ID stored after an objection, nothing but the legal use of
 * invoices after an erasure request.
 */
export async function mayProcess(
  db: Db,
  {
    subjectId,
    purpose,
    use = "any",
  }: { subjectId: string; purpose: VaultPurpose; use?: ProcessingUse },
): Promise<ProcessingDecision> {
  const rows = await db
    .select()
    .from(processingRestrictions)
    .where(
      and(
        eq(processingRestrictions.subjectId, subjectId),
        isNull(processingRestrictions.liftedAt),
        or(isNull(processingRestrictions.purpose), eq(processingRestrictions.purpose, purpose)),
      ),
    );
  const blocking = rows.find((row) => !(use === "legal_obligation" && row.except === use));
  return blocking
    ? { allowed: false, because: blocking.kind, restrictionId: blocking.id }
    : { allowed: true };
}
