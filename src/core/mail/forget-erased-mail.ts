import { rm } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.ts";

const batchSize = 500;

/**
 * Deletes every mail sealed under a key that was shredded after the mail was queued, with the
 * .eml file it may have been kept as. The sealed row is unreadable already; the file is the one
 * plain-text copy left, so erasure must reach it. A key re-created since (the person came back)
 * does not save the older mail, which its shred made unreadable. Files go first, as in the
 * retention purge: a crash leaves a row to delete again, never a file nobody points to.
 */
export async function forgetErasedMail(
  db: Db,
  { signal }: { signal?: AbortSignal | undefined },
): Promise<number> {
  let forgotten = 0;
  while (!signal?.aborted) {
    const erased = await queryRows<{ id: string; eml_path: string | null }>(
      db,
      sql`select o.id::text as id, o.eml_path from outbox o
          join data_keys k on k.subject_id = o.subject_id and k.purpose = o.vault_purpose
          where k.shredded_at is not null and k.shredded_at >= o.created_at
          limit ${batchSize}`,
    );
    if (erased.length === 0) break;
    for (const { eml_path } of erased) if (eml_path) await rm(eml_path, { force: true });
    const ids = `{${erased.map((row) => row.id).join(",")}}`;
    await db.execute(sql`delete from outbox where id = any(${ids}::uuid[])`);
    forgotten += erased.length;
    if (erased.length < batchSize) break;
  }
  return forgotten;
}
