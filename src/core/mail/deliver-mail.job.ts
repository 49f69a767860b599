import { rm } from "node:fs/promises";
import { and, asc, eq, inArray, lt, lte, or } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import { defineJob } from "../jobs/job.ts";
import { outbox } from "./outbox.tables.ts";
import type { OutboxRow } from "./outbox.ts";
import { type MailTransport, transportFor } from "./transport.ts";

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
const purgeBatchSize = 500;

export interface DeliverMailOptions {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  batchSize?: number;
  signal?: AbortSignal;
}

export type DeliverySummary = {
  sent: number;
  held: number;
  retried: number;
  failed: number;
  purged: number;
};

type Outcome = "sent" | "held" | "retried" | "failed";

/**
 * Sends (or, without SMTP, keeps) every due mail, then purges sent mail past its retention.
 * Safe to run in several processes at once: a row is claimed by one statement with
 * SKIP LOCKED and a lease, so each mail goes to one process. Delivery is at least once: a
 * process killed between the SMTP reply and the status update sends that mail again after
 * the lease, with the same Message-ID.
 */
export async function deliverMail({
  db,
  clock,
  transport,
  batchSize = 20,
  signal,
}: DeliverMailOptions): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, held: 0, retried: 0, failed: 0, purged: 0 };
  while (!signal?.aborted) {
    const lease = new Date(clock.now().getTime() + claimLease);
    const claimed = await claimDueMail(db, { clock, transport, batchSize, lease });
    for (const outcome of await deliverClaimed(db, { clock, transport, claimed, lease, signal })) {
      summary[outcome] += 1;
    }
    if (claimed.length < batchSize) break;
  }
  if (!signal?.aborted) summary.purged = await purgeExpiredMail(db, { clock, signal });
  return summary;
}

export const deliverMailJob = defineJob({
  name: "mail.deliver",
  description:
    "Sends queued mail over SMTP (or keeps it as .eml files when SMTP_URL is not set), retries temporary failures with backoff, and deletes sent mail after 30 days.",
  schedule: "*/15 * * * * *",
  run: async ({ db, clock, config, signal }) => {
    const transport = transportFor(config);
    try {
      return await deliverMail({ db, clock, transport, signal });
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
        transport.kind === "smtp" ? eq(outbox.status, "held") : undefined,
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

interface DeliverClaimedOptions {
  clock: Clock;
  transport: MailTransport;
  claimed: OutboxRow[];
  lease: Date;
  signal: AbortSignal | undefined;
}

async function deliverClaimed(
  db: Db,
  { clock, transport, claimed, lease, signal }: DeliverClaimedOptions,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const [index, row] of claimed.entries()) {
    // Rows not started are handed back rather than left locked until the lease ends: on
    // shutdown, and when a send started now could outlive the lease and be taken over.
    if (signal?.aborted || clock.now().getTime() > lease.getTime() - sendBudget) {
      await releaseClaims(db, { rows: claimed.slice(index), lease, clock });
      break;
    }
    outcomes.push(await deliverOne(db, { clock, transport, row, lease }));
  }
  return outcomes;
}

interface DeliverOneOptions {
  clock: Clock;
  transport: MailTransport;
  row: OutboxRow;
  lease: Date;
}

async function deliverOne(
  db: Db,
  { clock, transport, row, lease }: DeliverOneOptions,
): Promise<Outcome> {
  const settle = (changes: Partial<typeof outbox.$inferInsert>) =>
    settleClaim(db, { row, lease, changes });
  try {
    const { messageId, emlPath } = await transport.send(row);
    if (transport.kind === "file") {
      await settle({ status: "held", messageId, emlPath });
      return "held";
    }
    const sentAt = clock.now();
    await settle({
      status: "sent",
      sentAt,
      messageId,
      retainUntil: new Date(sentAt.getTime() + sentRetention),
      retentionReason: sentRetentionReason,
    });
    return "sent";
  } catch (error) {
    const lastError = describeFailure(error, row.toAddress);
    const attempts = row.attempts + 1;
    if (isHardBounce(error) || attempts >= maxAttempts) {
      await settle({
        status: "failed",
        attempts,
        lastError,
        retainUntil: new Date(clock.now().getTime() + sentRetention),
        retentionReason: failedRetentionReason,
      });
      return "failed";
    }
    const nextAttemptAt = new Date(clock.now().getTime() + retryDelay(attempts));
    await settle({ status: "queued", attempts, nextAttemptAt, lastError });
    return "retried";
  }
}

interface SettleOptions {
  row: OutboxRow;
  lease: Date;
  changes: Partial<typeof outbox.$inferInsert>;
}

/** Records a row's outcome, unless another process took the row over after our lease ran out. */
async function settleClaim(db: Db, { row, lease, changes }: SettleOptions): Promise<void> {
  await db
    .update(outbox)
    .set({ ...changes, lockedUntil: null })
    .where(and(eq(outbox.id, row.id), eq(outbox.lockedUntil, lease)));
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
 * Deletes sent mail past its retention, with the .eml file it may have been kept as. Files go
 * first: a crash in between leaves a row to purge again, never a file nobody points to.
 */
async function purgeExpiredMail(db: Db, { clock, signal }: PurgeOptions): Promise<number> {
  let purged = 0;
  while (!signal?.aborted) {
    const expired = await db
      .select({ id: outbox.id, emlPath: outbox.emlPath })
      .from(outbox)
      .where(and(inArray(outbox.status, ["sent", "failed"]), lt(outbox.retainUntil, clock.now())))
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
