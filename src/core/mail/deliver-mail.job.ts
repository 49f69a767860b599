import { rm } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { isErased, VaultIntegrityError } from "../../vault/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import { defineJob } from "../jobs/job.ts";
import { forgetErasedMail } from "./forget-erased-mail.ts";
import { outbox } from "./outbox.tables.ts";
import type { OutboxRow } from "./outbox.ts";
import { type MailSealer, openMail, preloadMailKeys } from "./sealed-mail.ts";
import { type MailTransport, type SentMail, transportFor } from "./transport.ts";

const minute = 60_000;
const day = 24 * 60 * minute;

/** How long a claimed row belongs to one process before another may take it over. */
const claimLease = 5 * minute;
/** The longest one send can take with the SMTP transport's timeouts, with a margin. */
const sendBudget = 2 * minute;
const maxAttempts = 8;
const maxRetryDelay = 6 * 60 * minute;
/** Sent mail is kept a month, to answer "did you send me that?"; then it is personal data we no longer need. */
const sentRetention = 30 * day;
const sentRetentionReason = "mail.sent_30d";
/** A failed mail is kept as long, so staff can see and resend it; then its address goes too. */
const failedRetentionReason = "mail.failed_30d";
/** Mail kept as .eml without SMTP is as good as sent: the operator has had it for a month. */
const heldRetentionReason = "mail.held_30d";
const purgeBatchSize = 500;
/**
 * Sent mail is recorded this many rows per UPDATE, or sooner when the oldest unrecorded one
 * waited this long: a crash resends at most that much mail, and a slow rate still records
 * promptly.
 */
const sentSettleChunk = 50;
const sentSettleDelayMs = 1000;

export interface DeliverMailOptions {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  /** Opens the sealed mail; a mail whose person was erased is dropped, not sent. */
  vault: MailSealer;
  /** Rows claimed per statement. */
  batchSize?: number;
  /** Mails sent at once; match the SMTP transport's pool size (MAIL_CONCURRENCY). */
  concurrency?: number;
  /** Most sends started per second by this call; 0 or unset is unlimited (MAIL_RATE_PER_SECOND). */
  ratePerSecond?: number;
  signal?: AbortSignal;
}

export type DeliverySummary = {
  sent: number;
  held: number;
  retried: number;
  failed: number;
  /** Mail of people erased since it was queued: deleted with its .eml file, never sent. */
  erased: number;
  purged: number;
};

type Outcome = "sent" | "held" | "retried" | "failed" | "erased";

/**
 * Sends (or, without SMTP, keeps) every due mail, then purges mail past its retention.
 * Safe to run in several processes at once: a row is claimed by one statement with
 * SKIP LOCKED and a lease, so each mail goes to one process. Delivery is at least once: a
 * process killed between the SMTP reply and the status update sends that mail again after
 * the lease, with the same Message-ID.
 */
export async function deliverMail({
  db,
  clock,
  transport,
  vault,
  batchSize = 200,
  concurrency = 4,
  ratePerSecond = 0,
  signal,
}: DeliverMailOptions): Promise<DeliverySummary> {
  const summary: DeliverySummary = {
    sent: 0,
    held: 0,
    retried: 0,
    failed: 0,
    erased: 0,
    purged: 0,
  };
  summary.erased = await forgetErasedMail(db, { clock, transport, signal });
  const pacer = pacerFor(ratePerSecond);
  // At most a minute's worth at the rate: a batch that outlasts its lease is only handed back.
  const claimSize = ratePerSecond > 0 ? Math.min(batchSize, ratePerSecond * 60) : batchSize;
  while (!signal?.aborted) {
    const lease = new Date(clock.now().getTime() + claimLease);
    const claimed = await claimDueMail(db, { clock, transport, batchSize: claimSize, lease });
    const outcomes = await deliverClaimed(db, {
      clock,
      transport,
      vault,
      claimed,
      lease,
      concurrency,
      pacer,
      signal,
    });
    for (const outcome of outcomes) summary[outcome] += 1;
    if (claimed.length < claimSize) break;
  }
  if (!signal?.aborted) summary.purged = await purgeExpiredMail(db, { clock, signal });
  return summary;
}

/** The job; the vault is asked for only when it runs, so `jobs list` opens none. */
export const deliverMailJob = (deps: () => { vault: MailSealer }) =>
  defineJob({
    name: "mail.deliver",
    description:
      "Sends queued mail over SMTP (or keeps it as .eml files when SMTP_URL is not set), MAIL_CONCURRENCY at a time and at most MAIL_RATE_PER_SECOND, retries temporary failures with backoff, flags hard bounces, deletes the mail of people erased since (with its .eml file), and deletes sent, held, failed and cancelled mail after 30 days.",
    schedule: "*/15 * * * * *",
    run: async ({ db, clock, config, signal }) => {
      const transport = transportFor(config);
      try {
        return await deliverMail({
          db,
          clock,
          transport,
          vault: deps().vault,
          concurrency: config.MAIL_CONCURRENCY,
          ratePerSecond: config.MAIL_RATE_PER_SECOND,
          signal,
        });
      } finally {
        await transport.close();
      }
    },
  });

interface ClaimOptions {
  clock: Clock;
  transport: MailTransport;
  batchSize: number;
  lease: Date;
}

/** Never claims "sent", "failed" or "cancelled" rows: only queued, abandoned and held mail. */
async function claimDueMail(
  db: Db,
  { clock, transport, batchSize, lease }: ClaimOptions,
): Promise<OutboxRow[]> {
  const now = clock.now();
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, "queued"), lte(outbox.nextAttemptAt, now)),
        // A process died mid-send: its lease ran out, so the row is due again.
        and(eq(outbox.status, "sending"), lt(outbox.lockedUntil, now)),
        // Held mail waited for an SMTP server; the file transport would only keep it again.
        // Not once past its 30 days: the purge below deletes it, unsent.
        transport.kind === "smtp"
          ? and(
              eq(outbox.status, "held"),
              or(isNull(outbox.retainUntil), gt(outbox.retainUntil, now)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ status: "sending", lockedUntil: lease })
    .where(inArray(outbox.id, due))
    .returning();
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

interface Pacer {
  /** Resolves when the next send may start, or at once when `signal` aborts. */
  wait(signal: AbortSignal | undefined): Promise<void>;
}

/**
 * Spaces send starts 1/rate apart. It runs on real timers, not the injected clock: a fake clock
 * cannot be awaited, and a rate is about the SMTP server's wall time anyway. Each process (and
 * each run of the job) paces itself; the database does not share a budget between them.
 */
function pacerFor(ratePerSecond: number): Pacer {
  if (ratePerSecond <= 0) return { wait: async () => {} };
  const interval = 1000 / ratePerSecond;
  let nextStart = performance.now();
  return {
    wait: async (signal) => {
      const now = performance.now();
      const start = Math.max(nextStart, now);
      nextStart = start + interval;
      if (start > now) await delay(start - now, undefined, { signal }).catch(() => {});
    },
  };
}

interface DeliverClaimedOptions {
  clock: Clock;
  transport: MailTransport;
  vault: MailSealer;
  claimed: OutboxRow[];
  lease: Date;
  concurrency: number;
  pacer: Pacer;
  signal: AbortSignal | undefined;
}

/**
 * Sends the claimed rows `concurrency` at a time, in claim order. Rows not started are handed
 * back rather than left locked until the lease ends: on shutdown, after a database error, and
 * when a send started now could outlive the lease and be taken over.
 */
async function deliverClaimed(
  db: Db,
  { clock, transport, vault, claimed, lease, concurrency, pacer, signal }: DeliverClaimedOptions,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  // Read afresh: a key another process shredded since this one cached it must not open a mail.
  await preloadMailKeys(vault, db, claimed, { fresh: true });
  const sentLog = sentMailLog(db, lease);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const mayStart = () =>
    next < claimed.length &&
    !failure &&
    !signal?.aborted &&
    clock.now().getTime() <= lease.getTime() - sendBudget;
  const worker = async () => {
    while (mayStart()) {
      await pacer.wait(signal);
      if (!mayStart()) break;
      const row = claimed[next++] as OutboxRow;
      try {
        outcomes.push(await deliverOne(db, { clock, transport, vault, row, lease, sentLog }));
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  try {
    await sentLog.flush();
  } catch (error) {
    failure ??= { error };
  }
  const unstarted = claimed.slice(next);
  if (failure) {
    // Hand back what was not started if the database still answers; else the lease frees it.
    await releaseClaims(db, { rows: unstarted, lease, clock }).catch(() => {});
    throw failure.error;
  }
  await releaseClaims(db, { rows: unstarted, lease, clock });
  return outcomes;
}

interface DeliverOneOptions {
  clock: Clock;
  transport: MailTransport;
  vault: MailSealer;
  row: OutboxRow;
  lease: Date;
  sentLog: SentMailLog;
}

/** Sends one row and records the outcome; throws only when the database does. */
async function deliverOne(
  db: Db,
  { clock, transport, vault, row, lease, sentLog }: DeliverOneOptions,
): Promise<Outcome> {
  const settle = (changes: Partial<typeof outbox.$inferInsert>) =>
    settleClaim(db, { row, lease, changes });
  const retainUntil = new Date(clock.now().getTime() + sentRetention);
  let content: Awaited<ReturnType<typeof openMail>>;
  try {
    content = await openMail(vault, db, row);
  } catch (error) {
    if (!(error instanceof VaultIntegrityError)) throw error;
    const lastError = "the sealed mail does not open: it was altered, or sealed under another key";
    await settle({
      status: "failed",
      lastError,
      retainUntil,
      retentionReason: failedRetentionReason,
    });
    return "failed";
  }
  if (isErased(content)) {
    // The person was erased after the mail was queued: it goes now, unsent, with any .eml.
    await forgetClaimedMail(db, { transport, row, lease });
    return "erased";
  }
  const mail = {
    id: row.id,
    fromAddress: row.fromAddress,
    toAddress: content.to,
    subject: content.subject,
    textBody: content.text,
    htmlBody: content.html,
    headers: content.headers,
    attachments: content.attachments,
  };
  let sent: SentMail;
  try {
    sent = await transport.send(mail);
  } catch (error) {
    const lastError = describeFailure(error, content.to);
    const attempts = row.attempts + 1;
    const hardBounce = isHardBounce(error);
    if (hardBounce || attempts >= maxAttempts) {
      await settle({
        status: "failed",
        attempts,
        lastError,
        // The newsletter stops mailing an address the receiving server refused for good.
        hardBounce,
        retainUntil,
        retentionReason: failedRetentionReason,
      });
      return "failed";
    }
    const nextAttemptAt = new Date(clock.now().getTime() + retryDelay(attempts));
    await settle({ status: "queued", attempts, nextAttemptAt, lastError });
    return "retried";
  }
  if (transport.kind === "file") {
    const settled = await settle({
      status: "held",
      messageId: sent.messageId,
      emlPath: sent.emlPath,
      retainUntil,
      retentionReason: heldRetentionReason,
    });
    // The row went while the file was written (its person was erased): so does the file.
    if (settled === 0 && !(await outboxRowExists(db, row.id))) await transport.discard(row.id);
    return "held";
  }
  await sentLog.record({ id: row.id, messageId: sent.messageId, sentAt: clock.now() });
  return "sent";
}

interface SettleOptions {
  row: OutboxRow;
  lease: Date;
  changes: Partial<typeof outbox.$inferInsert>;
}

/**
 * Records a row's outcome, unless another process took the row over after our lease ran out;
 * says how many rows it changed (0 or 1).
 */
async function settleClaim(db: Db, { row, lease, changes }: SettleOptions): Promise<number> {
  const settled = await db
    .update(outbox)
    .set({ ...changes, lockedUntil: null })
    .where(and(eq(outbox.id, row.id), eq(outbox.lockedUntil, lease)))
    .returning({ id: outbox.id });
  return settled.length;
}

async function outboxRowExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.id, id));
  return row !== undefined;
}

/** Deletes a claimed mail that no longer opens because its person was erased, and its files. */
async function forgetClaimedMail(
  db: Db,
  { transport, row, lease }: { transport: MailTransport; row: OutboxRow; lease: Date },
): Promise<void> {
  const [gone] = await db
    .delete(outbox)
    .where(and(eq(outbox.id, row.id), eq(outbox.lockedUntil, lease)))
    .returning({ emlPath: outbox.emlPath });
  if (!gone) return;
  if (gone.emlPath) await rm(gone.emlPath, { force: true });
  await transport.discard(row.id);
}

interface SentRecord {
  id: string;
  messageId: string;
  sentAt: Date;
}

interface SentMailLog {
  /** Notes a sent mail; writes the pending ones when there are enough or they waited long. */
  record(sent: SentRecord): Promise<void>;
  /** Writes whatever is pending. */
  flush(): Promise<void>;
}

/**
 * Records sent mail in chunks, one UPDATE per chunk instead of one per mail: at hundreds of
 * mails a second the per-row round trips cost more than the sends. Still only rows our lease
 * holds; mail recorded late is at worst sent again, with the same Message-ID.
 */
function sentMailLog(db: Db, lease: Date): SentMailLog {
  let pending: SentRecord[] = [];
  let oldestPendingAt = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending;
    pending = [];
    await settleSent(db, { chunk, lease });
  };
  return {
    record: async (sent) => {
      if (pending.length === 0) oldestPendingAt = performance.now();
      pending.push(sent);
      const waited = performance.now() - oldestPendingAt;
      if (pending.length >= sentSettleChunk || waited >= sentSettleDelayMs) await flush();
    },
    flush,
  };
}

interface SettleSentOptions {
  chunk: SentRecord[];
  lease: Date;
}

async function settleSent(db: Db, { chunk, lease }: SettleSentOptions): Promise<void> {
  const rows = chunk.map(
    ({ id, messageId, sentAt }) =>
      sql`(${id}::uuid, ${messageId}, ${sentAt.toISOString()}::timestamptz, ${new Date(sentAt.getTime() + sentRetention).toISOString()}::timestamptz)`,
  );
  await db.execute(sql`
    update ${outbox}
    set status = 'sent', locked_until = null, sent_at = sent.sent_at,
      message_id = sent.message_id, retain_until = sent.retain_until,
      retention_reason = ${sentRetentionReason}
    from (values ${sql.join(rows, sql`, `)}) as sent (id, message_id, sent_at, retain_until)
    where ${outbox.id} = sent.id and ${outbox.lockedUntil} = ${lease.toISOString()}::timestamptz`);
}

interface ReleaseOptions {
  rows: OutboxRow[];
  lease: Date;
  clock: Clock;
}

async function releaseClaims(db: Db, { rows, lease, clock }: ReleaseOptions): Promise<void> {
  if (rows.length === 0) return;
  await db
    .update(outbox)
    .set({ status: "queued", lockedUntil: null, nextAttemptAt: clock.now() })
    .where(
      and(
        inArray(
          outbox.id,
          rows.map((row) => row.id),
        ),
        eq(outbox.lockedUntil, lease),
      ),
    );
}

/** 1 min after the first failure, doubling, at most 6 h: 8 attempts span about 2 hours. */
function retryDelay(failedAttempts: number): number {
  return Math.min(minute * 2 ** (failedAttempts - 1), maxRetryDelay);
}

/**
 * A permanent reply to the recipient or the message (RCPT TO, DATA) is a hard bounce. A 5xx to
 * AUTH or MAIL FROM is about our own settings (a wrong password, a refused sender), so it is
 * retried: failing every queued mail for it would lose them all over one typo.
 */
function isHardBounce(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { responseCode, command } = error as { responseCode?: unknown; command?: unknown };
  return (
    typeof responseCode === "number" &&
    responseCode >= 500 &&
    responseCode < 600 &&
    // 503 is "bad sequence of commands": the session, not the message, was at fault.
    responseCode !== 503 &&
    (command === "RCPT TO" || command === "DATA")
  );
}

const addressPattern = /[^\s<>"'()[\],;:]+@[^\s<>"'()[\],;:]+/g;

/** The error for the back office, without the recipient address servers like to echo. */
function describeFailure(error: unknown, recipient: string): string {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const text = typeof code === "string" ? `${code}: ${message}` : message;
  return text
    .replaceAll(new RegExp(escapeRegExp(recipient), "gi"), "[recipient]")
    .replace(addressPattern, "[address]")
    .slice(0, 1000);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface PurgeOptions {
  clock: Clock;
  signal: AbortSignal | undefined;
}

/**
 * Deletes sent, held, failed and cancelled mail past its retention, with the .eml file it may
 * have been kept as. Files go first: a crash in between leaves a row to purge again, never a file
 * nobody points to.
 */
async function purgeExpiredMail(db: Db, { clock, signal }: PurgeOptions): Promise<number> {
  let purged = 0;
  while (!signal?.aborted) {
    const expired = await db
      .select({ id: outbox.id, emlPath: outbox.emlPath })
      .from(outbox)
      .where(
        and(
          inArray(outbox.status, ["sent", "held", "failed", "cancelled"]),
          lt(outbox.retainUntil, clock.now()),
        ),
      )
      .limit(purgeBatchSize);
    if (expired.length === 0) break;
    for (const { emlPath } of expired) if (emlPath) await rm(emlPath, { force: true });
    await db.delete(outbox).where(
      inArray(
        outbox.id,
        expired.map((row) => row.id),
      ),
    );
    purged += expired.length;
    if (expired.length < purgeBatchSize) break;
  }
  return purged;
}
