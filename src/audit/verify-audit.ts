import { and, asc, gte, lte, sql } from "drizzle-orm";
import { type Db, queryRows } from "../core/db/database.ts";
import { AUDIT_HEAD_ID } from "./append-audit.ts";
import { auditLog } from "./audit.tables.ts";
import { GENESIS_HASH, hashAuditEntry } from "./hash-audit-entry.ts";

export const auditBreaks = [
  "hash mismatch",
  "sequence gap",
  "head mismatch",
  "previous hash mismatch",
] as const;
export type AuditBreak = (typeof auditBreaks)[number];

export interface AuditProgress {
  checked: number;
  /** The head's sequence number at this batch; it grows while entries are appended. */
  total: number;
}

export interface VerifyAuditOptions {
  onProgress?: (progress: AuditProgress) => void;
  batchSize?: number;
}

/** `entries` counts the entries found intact, in order, before the first broken one. */
export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBrokenSeq: number; reason: AuditBreak };

interface ChainEnd {
  headSeq: number;
  headHash: string;
  minSeq: number | null;
  maxSeq: number | null;
}

/**
 * Recomputes the whole chain from the genesis hash and names the first entry that does not fit.
 *
 * It reads in batches rather than in one long transaction, because on PGlite a transaction holds
 * the only connection and would stall a running server for the whole walk. Entries appended while
 * it runs are still checked: it walks up to the head, re-reads the head and goes on until the
 * head stops moving. Entry and head commit together, so a head read in one statement never points
 * at an entry that is not there, and an entry past the head was not written by `appendAudit`.
 */
export async function verifyAudit(
  db: Db,
  { onProgress, batchSize = 5_000 }: VerifyAuditOptions = {},
): Promise<AuditVerification> {
  let checked = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const broken = (firstBrokenSeq: number, reason: AuditBreak): AuditVerification => ({
    ok: false,
    entries: checked,
    firstBrokenSeq,
    reason,
  });

  let end = await readChainEnd(db);
  if (end.minSeq !== null && end.minSeq < 1) return broken(end.minSeq, "sequence gap");
  for (;;) {
    while (expectedSeq <= end.headSeq) {
      const batch = await db
        .select()
        .from(auditLog)
        .where(and(gte(auditLog.seq, expectedSeq), lte(auditLog.seq, end.headSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(batchSize);
      // The head points past the last entry: the chain's tail was cut off.
      if (batch.length === 0) return broken(expectedSeq, "head mismatch");
      for (const entry of batch) {
        if (entry.seq !== expectedSeq) return broken(expectedSeq, "sequence gap");
        if (entry.prevHash !== prevHash) return broken(entry.seq, "previous hash mismatch");
        if (hashAuditEntry(entry) !== entry.hash) return broken(entry.seq, "hash mismatch");
        prevHash = entry.hash;
        expectedSeq += 1;
        checked += 1;
      }
      onProgress?.({ checked, total: end.headSeq });
    }
    const walkedTo = end.headSeq;
    end = await readChainEnd(db);
    if (end.headSeq > walkedTo) continue;
    if (end.headSeq < walkedTo) return broken(end.headSeq + 1, "head mismatch");
    if (end.maxSeq !== null && end.maxSeq > end.headSeq) {
      return broken(end.headSeq + 1, "head mismatch");
    }
    if (end.headHash !== prevHash) return broken(Math.max(end.headSeq, 1), "head mismatch");
    return { ok: true, entries: checked };
  }
}

/** Head and extent of the log in one statement, so all four come from the same snapshot. */
async function readChainEnd(db: Db): Promise<ChainEnd> {
  const [row] = await queryRows<{
    head_seq: string | number | null;
    head_hash: string | null;
    min_seq: string | number | null;
    max_seq: string | number | null;
  }>(
    db,
    sql`select
      (select seq from audit_head where id = ${AUDIT_HEAD_ID}) as head_seq,
      (select hash from audit_head where id = ${AUDIT_HEAD_ID}) as head_hash,
      (select min(seq) from audit_log) as min_seq,
      (select max(seq) from audit_log) as max_seq`,
  );
  const number = (value: string | number | null | undefined) =>
    value === null || value === undefined ? null : Number(value);
  // No head row yet is an empty chain; entries without one are caught as entries past the head.
  return {
    headSeq: number(row?.head_seq) ?? 0,
    headHash: row?.head_hash ?? GENESIS_HASH,
    minSeq: number(row?.min_seq),
    maxSeq: number(row?.max_seq),
  };
}
