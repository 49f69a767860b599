import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import {
  type MailSealer,
  type MailToSend,
  mailContent,
  preloadSealingKeys,
  sealMail,
} from "../../core/mail/index.ts";
// Straight from the table file: the mail module's door offers one mail at a time, a campaign
// writes a thousand rows per statement.
import { outbox } from "../../core/mail/outbox.tables.ts";
import { isErased } from "../../vault/index.ts";

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
 * that name them are written first (they decide who is still due). Each mail is sealed under its
 * reader's key, which the batch has cached. The rows travel as one JSON parameter: a thousand
 * rows of bound values each cost twice as long to build and send.
 */
export async function enqueueMailBatch(
  db: Db,
  {
    clock,
    config,
    vault,
    mails,
  }: {
    clock: Clock;
    config: Pick<Config, "MAIL_FROM">;
    vault: MailSealer;
    mails: BatchedMail[];
  },
): Promise<void> {
  if (mails.length === 0) return;
  const now = clock.now().toISOString();
  // The campaign read its readers' keys a page earlier; the cache may have let them go since.
  await preloadSealingKeys(
    vault,
    db,
    mails.map((mail) => mail.sealedUnder),
  );
  const rows = (
    await Promise.all(
      mails.map(async (mail) => {
        const sealed = await sealMail(vault, db, {
          id: mail.id,
          key: mail.sealedUnder,
          content: mailContent(mail),
        });
        // A reader erased since the batch was read gets no mail; the delivery row stays.
        if (isErased(sealed)) return undefined;
        return {
          id: mail.id,
          purpose: mail.purpose,
          locale: mail.locale,
          subject_id: sealed.subjectId,
          vault_purpose: sealed.vaultPurpose,
          sealed_content: sealed.sealedContent,
        };
      }),
    )
  ).filter((row) => row !== undefined);
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into ${outbox} (id, created_at, purpose, locale, from_address, subject_id,
                           vault_purpose, sealed_content, status, next_attempt_at)
    select r.id, ${now}::timestamptz, r.purpose, r.locale, ${config.MAIL_FROM}, r.subject_id,
           r.vault_purpose, r.sealed_content, 'queued', ${now}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r (
      id uuid, purpose text, locale text, subject_id uuid, vault_purpose text,
      sealed_content text)`);
}
