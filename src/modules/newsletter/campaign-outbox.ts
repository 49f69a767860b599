import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { MailToSend } from "../../core/mail/index.ts";
// Straight from the table file: the mail module's door offers one mail at a time, a campaign
// writes a thousand rows per statement.
import { outbox } from "../../core/mail/outbox.tables.ts";

/** A mail with the id its delivery row already names. */
export interface BatchedMail extends MailToSend {
  id: string;
}

const recipientSchema = z.email();

/** The same test `enqueueMail` makes; a campaign skips such a reader instead of failing. */
export function isMailAddress(value: string): boolean {
  return recipientSchema.safeParse(value.trim()).success;
}

/**
 * `enqueueMail` for many mails at once, in the caller's transaction, so a campaign's batch of
 * deliveries and its mails commit together. The ids are the caller's, since the delivery rows
 * that name them are written first (they decide who is still due). The rows travel as one JSON
 * parameter: a thousand rows of twelve bound values each cost twice as long to build and send.
 */
export async function enqueueMailBatch(
  db: Db,
  {
    clock,
    config,
    mails,
  }: { clock: Clock; config: Pick<Config, "MAIL_FROM">; mails: BatchedMail[] },
): Promise<void> {
  if (mails.length === 0) return;
  const now = clock.now().toISOString();
  const rows = mails.map((mail) => {
    const to = mail.to.trim();
    // The message leaves the address out: errors reach logs, and logs carry no personal data.
    if (!isMailAddress(to)) {
      throw new Error(`Cannot queue mail "${mail.purpose}": the recipient is not a valid address`);
    }
    return {
      id: mail.id,
      purpose: mail.purpose,
      locale: mail.locale,
      to_address: to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: mail.headers ?? {},
    };
  });
  await db.execute(sql`
    insert into ${outbox} (id, created_at, purpose, locale, from_address, to_address, subject,
                           text_body, html_body, headers, status, next_attempt_at)
    select r.id, ${now}::timestamptz, r.purpose, r.locale, ${config.MAIL_FROM}, r.to_address,
           r.subject, r.text_body, r.html_body, coalesce(r.headers, '{}'::jsonb), 'queued',
           ${now}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r (
      id uuid, purpose text, locale text, to_address text, subject text, text_body text,
      html_body text, headers jsonb)`);
}
