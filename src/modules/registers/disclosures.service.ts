import { asc, count, desc, eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { newShortReference } from "../../core/short-reference.ts";
import type { NewDisclosure } from "./disclosure-form.ts";
import { disclosureSubjects, disclosures } from "./registers.tables.ts";

export type DisclosureRow = typeof disclosures.$inferSelect;

/** One line of the register's list: the row and how many people it concerned. */
export interface DisclosureLine extends DisclosureRow {
  people: number;
}

export interface DisclosureWithPeople {
  disclosure: DisclosureRow;
  subjectIds: string[];
}

/**
 * Stores a disclosure, the people it concerned and its audit entry in one transaction: a
 * disclosure in the register without its trail, or the reverse, cannot happen. The audit entry
 * holds ids and counts; the texts stay in the register, where they describe, never copy, data.
 */
export async function recordDisclosure(
  deps: { db: Db; clock: Clock },
  input: { disclosure: NewDisclosure; staffId: string },
): Promise<DisclosureRow> {
  const { subjectIds, ...fields } = input.disclosure;
  if (subjectIds.length === 0) throw new Error("a disclosure concerns at least one person");
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(disclosures)
      .values({
        ...fields,
        // V for "verstrekking"; unique by the table's index.
        reference: newShortReference("V"),
        recordedAt: deps.clock.now(),
        recordedBy: input.staffId,
      })
      .returning();
    if (!row) throw new Error("inserting a disclosure returned no row");
    await tx
      .insert(disclosureSubjects)
      .values(subjectIds.map((subjectId) => ({ disclosureId: row.id, subjectId })));
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: input.staffId },
        action: "disclosure.recorded",
        recordId: row.id,
        details: { people: subjectIds.length, subjectMayBeTold: row.subjectMayBeTold },
      },
    });
    return row;
  });
}

/** The register, newest disclosure first (then newest registered), with the number of people. */
export async function listDisclosures(db: Db, limit = 500): Promise<DisclosureLine[]> {
  const rows = await db
    .select({ disclosure: disclosures, people: count(disclosureSubjects.subjectId) })
    .from(disclosures)
    .leftJoin(disclosureSubjects, eq(disclosureSubjects.disclosureId, disclosures.id))
    .groupBy(disclosures.id)
    .orderBy(desc(disclosures.disclosedOn), desc(disclosures.recordedAt))
    .limit(limit);
  return rows.map((row) => ({ ...row.disclosure, people: row.people }));
}

export async function findDisclosure(
  db: Db,
  disclosureId: string,
): Promise<DisclosureWithPeople | undefined> {
  const [disclosure] = await db.select().from(disclosures).where(eq(disclosures.id, disclosureId));
  if (!disclosure) return undefined;
  const people = await db
    .select({ subjectId: disclosureSubjects.subjectId })
    .from(disclosureSubjects)
    .where(eq(disclosureSubjects.disclosureId, disclosureId))
    .orderBy(asc(disclosureSubjects.subjectId));
  return { disclosure, subjectIds: people.map((person) => person.subjectId) };
}
