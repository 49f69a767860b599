import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/database.ts";
import { type DataMap, planSweep } from "../../datamap/index.ts";

export interface RecordCounts {
  /** Rows about a person now. */
  records: number;
  /** Rows kept without the person (anonymised): no longer personal data. */
  anonymised: number;
  /** Due for erasure by the horizon and not under a legal hold then. */
  dueSoon: number;
  /** Due by the horizon but under a legal hold: they stay. */
  heldSoon: number;
}

/**
 * Per record type, how many records there are and how many go by `horizon`. The due counts come
 * from the sweep's own dry run, so the data map page and the retention preview cannot disagree.
 */
export async function countRecords(
  { db, dataMap }: { db: Db; dataMap: DataMap },
  horizon: Date,
): Promise<Map<string, RecordCounts>> {
  const counts = new Map<string, RecordCounts>();
  for (const type of dataMap.recordTypes) {
    const [row] = await queryRows<{ records: number; anonymised: number }>(
      db,
      sql`select count(*) filter (where subject_id is not null)::int as records,
                 count(*) filter (where subject_id is null)::int as anonymised
          from ${sql.identifier(type.tableName)}`,
    );
    counts.set(type.id, {
      records: row?.records ?? 0,
      anonymised: row?.anonymised ?? 0,
      dueSoon: 0,
      heldSoon: 0,
    });
  }
  for (const row of await planSweep({ db, dataMap }, horizon)) {
    const entry = counts.get(row.recordType);
    if (!entry) continue;
    entry.dueSoon += row.due;
    entry.heldSoon += row.held;
  }
  return counts;
}
