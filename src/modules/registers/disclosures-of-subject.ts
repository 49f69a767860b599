import type { Db } from "../../core/db/database.ts";
import type { Disclosure } from "../../datamap/export/index.ts";

/** The disclosures the person may be told about, for their access report (Art. 15(1)(c)). */
export async function disclosuresOfSubject(_db: Db, _subjectId: string): Promise<Disclosure[]> {
  return [];
}
