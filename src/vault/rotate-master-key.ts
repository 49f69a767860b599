import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../core/db/database.ts";
import { dataKeyAad, unwrapKey, vaultKeyAad, wrapKey } from "./key-wrap.ts";
import type { MasterKeyring } from "./master-key.ts";

export interface RotationProgress {
  done: number;
  total: number;
}

export interface RotateMasterKeyOptions {
  batchSize?: number;
  onProgress?: (progress: RotationProgress) => void;
}

export interface RotationReport {
  rewrapped: number;
  /** Rows still under an older key: locked by another writer during this pass; run again. */
  remaining: number;
}

interface WrappedRow {
  subject_id: string;
  purpose: string;
  wrapped_key: string;
  master_key_id: string | null;
}

/**
 * Re-wraps every key not under the current master key. Only the 32-byte keys change, never a
 * field, so a million subjects take minutes, not a re-encryption of the database. Each batch is
 * its own short transaction that skips rows a running server has locked, so servers keep serving
 * (they read either wrapping, holding both master keys) and a killed run resumes where it was.
 */
export async function rotateMasterKey(
  db: Db,
  { keyring, batchSize = 500, onProgress }: RotateMasterKeyOptions & { keyring: MasterKeyring },
): Promise<RotationReport> {
  const current = keyring.currentId;
  const total = await countNotUnder(db, current);
  let done = 0;
  onProgress?.({ done, total });

  done += await db.transaction(async (tx) => {
    const rows = await queryRows<{ name: string; wrapped_key: string; master_key_id: string }>(
      tx,
      sql`select name, wrapped_key, master_key_id from vault_keys
          where master_key_id <> ${current} for update skip locked`,
    );
    for (const row of rows) {
      const key = await unwrapKey(
        keyring,
        { wrappedKey: row.wrapped_key, masterKeyId: row.master_key_id },
        vaultKeyAad(row.name),
        `${row.name} key`,
      );
      await tx.execute(
        sql`update vault_keys set wrapped_key = ${wrapKey(keyring, key, vaultKeyAad(row.name))},
            master_key_id = ${current} where name = ${row.name}`,
      );
    }
    return rows.length;
  });
  onProgress?.({ done, total });

  // Keyset order: a row skipped because it was locked is not picked up again in this pass.
  let after: { subjectId: string; purpose: string } | undefined;
  for (;;) {
    const rewrapped: number = await db.transaction(async (tx) => {
      const rows = await queryRows<WrappedRow>(
        tx,
        sql`select subject_id, purpose, wrapped_key, master_key_id from data_keys
            where wrapped_key is not null and master_key_id is distinct from ${current}
            ${after ? sql`and (subject_id, purpose) > (${after.subjectId}::uuid, ${after.purpose})` : sql``}
            order by subject_id, purpose
            limit ${batchSize}
            for update skip locked`,
      );
      const last = rows.at(-1);
      if (!last) return 0;
      after = { subjectId: last.subject_id, purpose: last.purpose };
      const rewrapped = [];
      for (const row of rows) {
        const aad = dataKeyAad(row.subject_id, row.purpose);
        const key = await unwrapKey(
          keyring,
          { wrappedKey: row.wrapped_key, masterKeyId: row.master_key_id },
          aad,
          `data key of subject ${row.subject_id} for ${row.purpose}`,
        );
        rewrapped.push({
          subject_id: row.subject_id,
          purpose: row.purpose,
          wrapped_key: wrapKey(keyring, key, aad),
        });
      }
      await tx.execute(
        sql`update data_keys d set wrapped_key = l.wrapped_key, master_key_id = ${current}
            from jsonb_to_recordset(${JSON.stringify(rewrapped)}::jsonb)
              as l(subject_id uuid, purpose text, wrapped_key text)
            where d.subject_id = l.subject_id and d.purpose = l.purpose`,
      );
      return rows.length;
    });
    if (rewrapped === 0) break;
    done += rewrapped;
    onProgress?.({ done, total });
  }
  return { rewrapped: done, remaining: await countNotUnder(db, current) };
}

async function countNotUnder(db: Db, masterKeyId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select (select count(*) from data_keys
                 where wrapped_key is not null and master_key_id is distinct from ${masterKeyId})::int
             + (select count(*) from vault_keys where master_key_id <> ${masterKeyId})::int as n`,
  );
  return row?.n ?? 0;
}

/** How many keys each master key wraps: an old key may leave the key file once it wraps none. */
export async function masterKeyUsage(db: Db): Promise<Map<string, number>> {
  const rows = await queryRows<{ master_key_id: string; n: number }>(
    db,
    sql`select master_key_id, count(*)::int as n from (
          select master_key_id from data_keys where wrapped_key is not null
          union all select master_key_id from vault_keys
        ) k group by master_key_id`,
  );
  return new Map(rows.map((row) => [row.master_key_id, row.n]));
}
