import { and, eq, inArray } from "drizzle-orm";
import { type AuditDetails, appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { newShortReference } from "../../core/short-reference.ts";
import { breachClock } from "./breach-deadline.ts";
import { type BreachFields, breachFieldNames } from "./breach-fields.ts";
import { type BreachStatus, breaches } from "./registers.tables.ts";

export type Breach = typeof breaches.$inferSelect;

export interface BreachServiceDeps {
  db: Db;
  clock: Clock;
}

/** The id audit entries and the reminders name a breach by: the register's own record type. */
export const breachRecordType = "registers.breach";

/** "Nog 41 uur", "5 uur verstreken": open breaches whose clock runs out first come first. */
const listOrder: Record<BreachStatus, number> = { triage: 0, open: 1, closed: 2, dismissed: 2 };

/** The register for the list page: triage reports, open breaches by deadline, then the rest. */
export async function listBreaches(db: Db, now: Date): Promise<Breach[]> {
  const rows = await db.select().from(breaches);
  const deadlineOf = (breach: Breach) => {
    const clock = breachClock(breach, now);
    return clock.state === "running" || clock.state === "overdue"
      ? clock.deadline.getTime()
      : Number.POSITIVE_INFINITY;
  };
  return rows.sort(
    (a, b) =>
      listOrder[a.status] - listOrder[b.status] ||
      (a.status === "open" ? deadlineOf(a) - deadlineOf(b) : 0) ||
      b.updatedAt.getTime() - a.updatedAt.getTime(),
  );
}

export async function getBreach(db: Db, id: string): Promise<Breach | undefined> {
  const [row] = await db.select().from(breaches).where(eq(breaches.id, id));
  return row;
}

async function auditBreach(
  tx: Db,
  deps: BreachServiceDeps,
  input: { staffId: string; action: string; breachId: string; details?: AuditDetails },
) {
  await appendAudit(tx, {
    clock: deps.clock,
    entry: {
      actor: { type: "staff", id: input.staffId },
      action: input.action,
      recordType: breachRecordType,
      recordId: input.breachId,
      ...(input.details ? { details: input.details } : {}),
    },
  });
}

/** A breach staff found themselves: open at once, its clock running from the discovery time. */
export async function createBreach(
  deps: BreachServiceDeps,
  input: { staffId: string; fields: BreachFields },
): Promise<Breach> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .insert(breaches)
      .values({
        ...input.fields,
        reference: newShortReference("B"),
        status: "open",
        source: "staff",
        createdAt: now,
        createdBy: input.staffId,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("inserting a breach returned no row");
    await auditBreach(tx, deps, {
      staffId: input.staffId,
      action: "breach.created",
      breachId: row.id,
      details: { fields: filledFields(input.fields).join(",") },
    });
    return row;
  });
}

/** The breach, locked until the transaction ends: two officers' saves queue up, not interleave. */
async function lockBreach(tx: Db, id: string): Promise<Breach | undefined> {
  const [row] = await tx.select().from(breaches).where(eq(breaches.id, id)).for("update");
  return row;
}

/** Saves the form; the audit entry names the fields that changed, never their values. */
export async function updateBreach(
  deps: BreachServiceDeps,
  input: { staffId: string; breachId: string; fields: BreachFields },
): Promise<"saved" | "unchanged" | "not_found"> {
  return deps.db.transaction(async (tx) => {
    const row = await lockBreach(tx, input.breachId);
    if (!row) return "not_found";
    const changed = breachFieldNames.filter(
      (name) => !sameValue(row[name], input.fields[name] as Breach[typeof name]),
    );
    if (changed.length === 0) return "unchanged";
    await tx
      .update(breaches)
      .set({ ...input.fields, updatedAt: deps.clock.now() })
      .where(eq(breaches.id, input.breachId));
    await auditBreach(tx, deps, {
      staffId: input.staffId,
      action: "breach.updated",
      breachId: input.breachId,
      details: { fields: changed.join(",") },
    });
    return "saved";
  });
}

export type StatusChange = "dismiss" | "treat" | "close" | "reopen";

const transitions: Record<StatusChange, { from: BreachStatus[]; to: BreachStatus }> = {
  dismiss: { from: ["triage"], to: "dismissed" },
  treat: { from: ["triage"], to: "open" },
  close: { from: ["open"], to: "closed" },
  reopen: { from: ["closed", "dismissed"], to: "open" },
};

/**
 * Triage and closing. "Treat as breach" starts the 72-hour clock now, unless the officer already
 * wrote down when the breach became known: awareness is when the report was found credible.
 */
export async function changeBreachStatus(
  deps: BreachServiceDeps,
  input: { staffId: string; breachId: string; change: StatusChange },
): Promise<"changed" | "not_allowed" | "not_found"> {
  const { from, to } = transitions[input.change];
  return deps.db.transaction(async (tx) => {
    const row = await lockBreach(tx, input.breachId);
    if (!row) return "not_found";
    if (!from.includes(row.status)) return "not_allowed";
    const now = deps.clock.now();
    await tx
      .update(breaches)
      .set({
        status: to,
        updatedAt: now,
        closedAt: to === "closed" || to === "dismissed" ? now : null,
        ...(input.change === "treat" && !row.discoveredAt ? { discoveredAt: now } : {}),
      })
      .where(and(eq(breaches.id, input.breachId), inArray(breaches.status, from)));
    await auditBreach(tx, deps, {
      staffId: input.staffId,
      action: `breach.${input.change}`,
      breachId: input.breachId,
      details: { from: row.status, to },
    });
    return "changed";
  });
}

function filledFields(fields: BreachFields): string[] {
  return breachFieldNames.filter((name) => {
    const value = fields[name];
    if (Array.isArray(value)) return value.length > 0;
    return value !== null && value !== "" && value !== false;
  });
}

function sameValue(stored: unknown, next: unknown): boolean {
  if (stored instanceof Date || next instanceof Date) {
    return stored instanceof Date && next instanceof Date && stored.getTime() === next.getTime();
  }
  if (Array.isArray(stored) && Array.isArray(next)) {
    return stored.length === next.length && stored.every((item, index) => item === next[index]);
  }
  return stored === next;
}
