import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import { type OutboxAttachment, outbox } from "./outbox.tables.ts";

export type OutboxRow = typeof outbox.$inferSelect;

/** A mail as a feature module writes it: already rendered in the recipient's locale. */
export interface MailToSend {
  /** Why the mail is sent, e.g. "newsletter.confirm"; the back office groups by it. */
  purpose: string;
  locale: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** Files sent with the mail, e.g. an invoice PDF; kept base64 in the row until it is purged. */
  attachments?: OutboxAttachment[] | undefined;
}

export interface EnqueueMailOptions {
  clock: Clock;
  config: Pick<Config, "MAIL_FROM">;
  mail: MailToSend;
}

const recipientSchema = z.email();

/**
 * PostgreSQL text cannot hold NUL, and a visitor's name, greeted in a confirmation, may carry
 * one: it is dropped rather than failing the whole request.
 */
const withoutNul = (text: string) => text.replaceAll("\u0000", "");

/**
 * Queues a mail for the delivery job. Pass the transaction of the change that causes the mail,
 * so the mail exists exactly when the change does: a rolled-back sign-up sends nothing.
 */
export async function enqueueMail(
  db: Db,
  { clock, config, mail }: EnqueueMailOptions,
): Promise<string> {
  const to = mail.to.trim();
  // The message leaves the address out: errors reach logs, and logs carry no personal data.
  if (!recipientSchema.safeParse(to).success) {
    throw new Error(`Cannot queue mail "${mail.purpose}": the recipient is not a valid address`);
  }
  const now = clock.now();
  const [queued] = await db
    .insert(outbox)
    .values({
      createdAt: now,
      purpose: mail.purpose,
      locale: mail.locale,
      fromAddress: config.MAIL_FROM,
      toAddress: to,
      subject: withoutNul(mail.subject),
      textBody: withoutNul(mail.text),
      htmlBody: mail.html === undefined ? null : withoutNul(mail.html),
      headers: mail.headers ?? {},
      attachments: mail.attachments ?? [],
      status: "queued",
      nextAttemptAt: now,
    })
    .returning({ id: outbox.id });
  if (!queued) throw new Error(`Cannot queue mail "${mail.purpose}": the insert returned no row`);
  return queued.id;
}
