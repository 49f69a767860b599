import { eq, is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Clock } from "../core/clock.ts";
import type { Db } from "../core/db/database.ts";
import { isUuid } from "../core/is-uuid.ts";
import { assertNoPersonalData, containsEmailAddress } from "./assert-no-personal-data.ts";
import { actorTypes, auditHead, auditLog } from "./audit.tables.ts";
import type { AuditEntry, AuditEntryInput } from "./audit-entry.ts";
import { GENESIS_HASH, hashAuditEntry } from "./hash-audit-entry.ts";

export interface AppendAuditOptions {
  clock: Clock;
  entry: AuditEntryInput;
}

/** The single row of `audit_head`. */
export const AUDIT_HEAD_ID = 1;

const dottedAction = /^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)+$/;
/** In u mode this matches only unpaired surrogates, which the driver stores as U+FFFD. */
const loneSurrogate = /[\uD800-\uDFFF]/u;

type EntryFields = Omit<AuditEntry, "seq" | "at" | "prevHash" | "hash">;

/**
 * Appends one entry to the chain. Pass the transaction that makes the change being audited, so
 * the two commit or roll back together; given a plain database it opens its own transaction.
 *
 * Locking the head row serialises every writer, across processes on PostgreSQL, so the chain never
 * forks; the lock is held until the caller commits, so append as the last step of a transaction.
 * A caller's transaction must be READ COMMITTED (the default): under REPEATABLE READ a concurrent
 * append makes the lock fail with a serialization error.
 */
export async function appendAudit(
  db: Db,
  { clock, entry }: AppendAuditOptions,
): Promise<AuditEntry> {
  // Checked before touching the database: a refused entry must not take the lock.
  const fields = entryFields(entry);
  if (is(db, PgTransaction)) return appendLocked(db, clock, fields);
  return db.transaction((tx) => appendLocked(tx, clock, fields));
}

/**
 * Takes the head's lock now, for a transaction that must lock another shared row (an invoice
 * counter) and append later: every writer then takes the head first, so two such transactions
 * wait for each other instead of deadlocking. Held until the transaction ends.
 */
export async function lockAuditHead(tx: Db): Promise<void> {
  if (!is(tx, PgTransaction)) throw new Error("lockAuditHead needs a transaction to hold the lock");
  await lockHead(tx);
}

async function appendLocked(tx: Db, clock: Clock, fields: EntryFields): Promise<AuditEntry> {
  const head = await lockHead(tx);
  const seq = head.seq + 1;
  // Read under the lock, so times never go backwards along the chain within one clock.
  const unhashed = { seq, at: clock.now(), ...fields, prevHash: head.hash };
  const stored = { ...unhashed, hash: hashAuditEntry(unhashed) };
  await tx.insert(auditLog).values(stored);
  await tx.update(auditHead).set({ seq, hash: stored.hash }).where(eq(auditHead.id, AUDIT_HEAD_ID));
  return stored;
}

async function lockHead(tx: Db): Promise<{ seq: number; hash: string }> {
  const select = () =>
    tx
      .select({ seq: auditHead.seq, hash: auditHead.hash })
      .from(auditHead)
      .where(eq(auditHead.id, AUDIT_HEAD_ID))
      .for("update");
  const [head] = await select();
  if (head) return head;
  // First entry ever: racing first writers wait on the inserted key, then all lock the one row.
  await tx
    .insert(auditHead)
    .values({ id: AUDIT_HEAD_ID, seq: 0, hash: GENESIS_HASH })
    .onConflictDoNothing();
  const [created] = await select();
  if (!created) throw new Error("audit head row is missing right after creating it");
  return created;
}

/** Validates and normalises an entry into exactly what will be stored, and so hashed. */
function entryFields(entry: AuditEntryInput): EntryFields {
  const { actor, action } = entry;
  if (!actorTypes.includes(actor.type)) throw new Error(`unknown audit actor type "${actor.type}"`);
  if ((actor.type === "staff" || actor.type === "subject") && !actor.id) {
    throw new Error(`an audit entry by a ${actor.type} needs the actor's id`);
  }
  if (!dottedAction.test(action)) {
    throw new Error(`audit action "${action}" must be dotted lower case, e.g. "subject.read"`);
  }
  if (entry.subjectId !== undefined && !isUuid(entry.subjectId)) {
    throw new Error("audit subjectId must be a subject's uuid");
  }
  const details = entry.details ?? {};
  assertNoPersonalData(details);
  const texts = {
    actorId: actor.id,
    recordType: entry.recordType,
    recordId: entry.recordId,
    purpose: entry.purpose,
  };
  // Ids may be any digits, so only the e-mail check applies: an e-mail address is never an id.
  for (const [field, value] of Object.entries(texts)) {
    if (value !== undefined && containsEmailAddress(value)) {
      throw new Error(`audit ${field} may not hold personal data: it looks like an e-mail address`);
    }
  }
  // PostgreSQL rejects NUL and mangles a lone surrogate: what is stored would differ from what
  // was hashed, and the chain would look tampered with.
  for (const [key, value] of Object.entries({ ...texts, ...details })) {
    if (typeof value === "string" && (value.includes("\u0000") || loneSurrogate.test(value))) {
      throw new Error(
        `audit "${key}" holds a NUL or a lone surrogate, which cannot be stored as is`,
      );
    }
  }
  return {
    actorType: actor.type,
    actorId: actor.id ?? null,
    action,
    // PostgreSQL prints uuids in lower case; the hash must match what verify reads back.
    subjectId: entry.subjectId?.toLowerCase() ?? null,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    purpose: entry.purpose ?? null,
    details,
  };
}
