import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isErased } from "../../vault/index.ts";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import { type OutboxAttachment, outbox } from "./outbox.tables.ts";
import { type MailContent, type MailKey, type MailSealer, sealMail } from "./sealed-mail.ts";

export type OutboxRow = typeof outbox.$inferSelect;

/** A mail as a feature module writes it: already rendered in the recipient's locale. */
export interface MailToSend {
  /** Why the mail is sent, e.g. "newsletter.confirm"; the back office groups by it. */
  purpose: string;
  /** The person whose key seals it (erasing their data erases the mail), or staff's "installation". */
  sealedUnder: MailKey;
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
  vault: MailSealer;
  mail: MailToSend;
}

const recipientSchema = z.email();

/**
 * PostgreSQL text cannot hold NUL, and a visitor's name, greeted in a confirmation, may carry
 * one: it is dropped rather than failing the whole request.
 */
const withoutNul = (text: string) => text.replaceAll("\u0000", "");

/**
 * Queues a mail for the delivery job, and returns its id; null when the person it is for was
 * erased meanwhile (their key is shredded), so nothing is queued. Pass the transaction of the
 * change that causes the mail, so the mail exists exactly when the change does: a rolled-back
 * sign-up sends nothing.
 */
export async function enqueueMail(
  db: Db,
  { clock, config, vault, mail }: EnqueueMailOptions,
): Promise<string | null> {
  const id = randomUUID();
  const now = clock.now();
  const sealed = await sealMail(vault, db, {
    id,
    key: mail.sealedUnder,
    content: mailContent(mail),
  });
  if (isErased(sealed)) return null;
  const [queued] = await db
    .insert(outbox)
    .values({
      id,
      createdAt: now,
      purpose: mail.purpose,
      locale: mail.locale,
      fromAddress: config.MAIL_FROM,
      ...sealed,
      status: "queued",
      nextAttemptAt: now,
    })
    .returning({ id: outbox.id });
  if (!queued) throw new Error(`Cannot queue mail "${mail.purpose}": the insert returned no row`);
  return queued.id;
}

/** The mail's sealed part, checked: a bad address fails here rather than at the SMTP server. */
export function mailContent(mail: MailToSend): MailContent {
  const to = mail.to.trim();
  // The message leaves the address out: errors reach logs, and logs carry no personal data.
  if (!recipientSchema.safeParse(to).success) {
    throw new Error(`Cannot queue mail "${mail.purpose}": the recipient is not a valid address`);
  }
  return {
    to,
    subject: withoutNul(mail.subject),
    text: withoutNul(mail.text),
    html: mail.html === undefined ? null : withoutNul(mail.html),
    headers: mail.headers ?? {},
    attachments: mail.attachments ?? [],
  };
}
