import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import type { Disclosure } from "../../datamap/export/index.ts";
import { disclosureSubjects, disclosures } from "./registers.tables.ts";

/**
 * The disclosures the person may be told about, for their access report (Art. 15(1)(c)), oldest
 * first. One the authority forbids telling them about is filtered here, in the query, so it
 * leaves no trace in the report: no line, no count, no "some are hidden".
 */
export async function disclosuresOfSubject(db: Db, subjectId: string): Promise<Disclosure[]> {
  const rows = await db
    .select({
      disclosedOn: disclosures.disclosedOn,
      authority: disclosures.authority,
      legalBasis: disclosures.legalBasis,
      authorityReference: disclosures.authorityReference,
      dataGiven: disclosures.dataGiven,
    })
    .from(disclosureSubjects)
    .innerJoin(disclosures, eq(disclosures.id, disclosureSubjects.disclosureId))
    .where(and(eq(disclosureSubjects.subjectId, subjectId), eq(disclosures.subjectMayBeTold, true)))
    .orderBy(asc(disclosures.disclosedOn), asc(disclosures.recordedAt));
  return rows.map((row) => ({
    disclosedAt: new Date(`${row.disclosedOn}T00:00:00.000Z`),
    recipient: row.authority,
    legalBasis: row.legalBasis,
    reference: row.authorityReference,
    // The report's sentence ends with its own full stop.
    dataGiven: row.dataGiven.replace(/[.\s]+$/, ""),
  }));
}
