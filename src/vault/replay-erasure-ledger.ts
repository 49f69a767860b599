import { sql } from "drizzle-orm";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import { type Db, queryRows } from "../core/db/database.ts";
import { type ErasureLedgerEntry, readErasureLedger } from "./erasure-ledger.ts";

export interface ErasureReplayProgress {
  done: number;
  total: number;
}

export interface ReplayErasureLedgerOptions {
  batchSize?: number;
  onProgress?: (progress: ErasureReplayProgress) => void;
}

export interface ReplayReport {
  /** Distinct (subject, purpose) pairs the ledger names. */
  entries: number;
  /** Keys that existed again (a restored backup) and were destroyed again. */
  reshredded: number;
  /** Ledger lines that could not be read, such as a last line cut short by a crash. */
  unreadable: number;
}

interface ReplayDependencies extends ReplayErasureLedgerOptions {
  ledgerPath: string;
  clock: Clock;
  forget: (subjectId: string, purpose: string) => void;
}

/** What the ledger line gave as its reason, when it is a code; an edited line gets a placeholder. */
const reasonCode = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * After a restore, destroys again every key the ledger says was shredded. A key created after the
 * shred (the person came back and gave new data) is newer than the ledger line and is kept.
 * Idempotent: running it twice shreds nothing the second time.
 *
 * Each key destroyed again gets its own `vault.shred` audit entry, committed with it: the restored
 * audit log predates the erasure, and without the entry the person's erasure would have vanished
 * from the log while it still holds in the data.
 */
export async function replayErasureLedger(
  db: Db,
  { ledgerPath, forget, clock, batchSize = 500, onProgress }: ReplayDependencies,
): Promise<ReplayReport> {
  const { entries, unreadable } = await readErasureLedger(ledgerPath);
  const latest = new Map<string, ErasureLedgerEntry>();
  for (const entry of entries) {
    const id = `${entry.subjectId}\u0000${entry.purpose}`;
    const known = latest.get(id);
    if (!known || Date.parse(known.at) < Date.parse(entry.at)) latest.set(id, entry);
  }
  const pending = [...latest.values()];
  let reshredded = 0;
  for (let start = 0; start < pending.length; start += batchSize) {
    const batch = pending.slice(start, start + batchSize).map(({ subjectId, purpose, at }) => ({
      subject_id: subjectId,
      purpose,
      at,
    }));
    const destroyed = await db.transaction(async (tx) => {
      // One statement per batch: a ledger of years of erasures replays in seconds.
      const rows = await queryRows<{ subject_id: string; purpose: string }>(
        tx,
        sql`update data_keys d
            set wrapped_key = null, master_key_id = null, shredded_at = l.at
            from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
              as l(subject_id uuid, purpose text, at timestamptz)
            where d.subject_id = l.subject_id and d.purpose = l.purpose
              and d.wrapped_key is not null and d.created_at < l.at
            returning d.subject_id, d.purpose`,
      );
      for (const row of rows) {
        const entry = latest.get(`${row.subject_id}\u0000${row.purpose}`);
        await appendAudit(tx, {
          clock,
          entry: {
            actor: { type: "system", id: "erasure-ledger.replay" },
            action: "vault.shred",
            subjectId: row.subject_id,
            purpose: row.purpose,
            details: {
              reason: entry && reasonCode.test(entry.reason) ? entry.reason : "unknown",
              keyDestroyed: true,
              replayed: true,
              erasedAt: entry?.at ?? null,
            },
          },
        });
      }
      return rows;
    });
    for (const row of destroyed) forget(row.subject_id, row.purpose);
    reshredded += destroyed.length;
    onProgress?.({ done: Math.min(start + batchSize, pending.length), total: pending.length });
  }
  return { entries: pending.length, reshredded, unreadable };
}
