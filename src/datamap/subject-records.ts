import { sql } from "drizzle-orm";
import type { AuditActor } from "../audit/index.ts";
import { type Db, queryRows } from "../core/db/database.ts";
import type { Vault, VaultPurpose } from "../vault/index.ts";
import type { DataMap } from "./data-map.ts";
import { table, uuidArray } from "./record-sql.ts";
import type { RecordType } from "./record-type.ts";

/** Of the given subjects, those with no record left in any of the record types. */
export async function subjectsWithoutRecords(
  db: Db,
  types: readonly RecordType[],
  subjectIds: readonly string[],
): Promise<string[]> {
  if (subjectIds.length === 0) return [];
  const none = types.map(
    (type) => sql`not exists (select 1 from ${table(type)} r where r.subject_id = s.id)`,
  );
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select s.id::text as id from unnest(${uuidArray(subjectIds)}) as s(id)
        where ${sql.join(none, sql` and `)}`,
  );
  return rows.map((row) => row.id);
}

/**
 * A subject with no record left anywhere is no longer findable: its blind indexes go, so a
 * lookup of the old e-mail address finds nobody. The bare subject row stays for its keys' sake.
 * Not while an objection, a withdrawn consent or a legal hold is in force: the person must be
 * recognised when they come back, or their objection would stop working.
 * `candidates` are subjects known to have nothing left in `checkedTypes` already, so only the
 * other record types are looked at.
 */
export async function forgetEmptySubjects(
  db: Db,
  allTypes: readonly RecordType[],
  candidates: readonly string[],
  checkedTypes: readonly RecordType[] = [],
): Promise<number> {
  const others = allTypes.filter((type) => !checkedTypes.includes(type));
  const withoutRecords =
    others.length === 0 ? [...candidates] : await subjectsWithoutRecords(db, others, candidates);
  if (withoutRecords.length === 0) return 0;
  const remembered = await queryRows<{ id: string }>(
    db,
    sql`select subject_id::text as id from processing_restrictions
        where subject_id = any(${uuidArray(withoutRecords)}) and lifted_at is null
          and kind in ('objection', 'consent_withdrawn')
        union
        select subject_id::text from legal_holds
        where subject_id = any(${uuidArray(withoutRecords)}) and released_at is null`,
  );
  const keep = new Set(remembered.map((row) => row.id));
  const empty = withoutRecords.filter((id) => !keep.has(id));
  if (empty.length === 0) return 0;
  await db.execute(
    sql`delete from subject_identifiers where subject_id = any(${uuidArray(empty)})`,
  );
  return empty.length;
}

export interface ShredEmptiedInput {
  subjectIds: readonly string[];
  purpose: VaultPurpose;
  reason: string;
  actor: AuditActor;
}

/**
 * Shreds the purpose key of each of the subjects that has no record of the purpose left. The
 * key rows are locked first (a writer holds them FOR SHARE while it adds a record), and only then
 * are the records counted, so neither a record being written nor a second sweep's deletions can
 * be missed: a key is never destroyed under a record, nor left alive with none.
 */
export async function shredEmptiedKeys(
  db: Db,
  { dataMap, vault }: { dataMap: DataMap; vault: Vault },
  { subjectIds, purpose, reason, actor }: ShredEmptiedInput,
): Promise<{ shredded: number; emptied: string[] }> {
  if (subjectIds.length === 0) return { shredded: 0, emptied: [] };
  const locked = await queryRows<{ subject_id: string }>(
    db,
    sql`select subject_id::text as subject_id from data_keys
        where subject_id = any(${uuidArray(subjectIds)}) and purpose = ${purpose}
          and wrapped_key is not null
        order by subject_id for update`,
  );
  // Counted after the lock, for every subject given: those without a key are empty too.
  const emptied = await subjectsWithoutRecords(db, dataMap.ofPurpose(purpose), subjectIds);
  const keyed = new Set(locked.map((row) => row.subject_id));
  const toShred = emptied.filter((id) => keyed.has(id));
  const { shredded } = await vault.shredMany(db, { subjectIds: toShred, purpose, reason, actor });
  return { shredded, emptied };
}
