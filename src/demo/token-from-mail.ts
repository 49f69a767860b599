import { eq } from "drizzle-orm";
import type { Db } from "../core/db/database.ts";
import { type MailSealer, readOutbox } from "../core/mail/index.ts";
import { outbox } from "../core/mail/outbox.tables.ts";

/**
 * The token in the last mail of a kind sent to an address: the demo's people click their links
 * as real ones would, so a confirmed sign-up has the same proof as one made through the form.
 */
export async function tokenFromMail(
  db: Db,
  vault: MailSealer,
  input: { to: string; purpose: string; link: RegExp },
): Promise<string> {
  const mails = await readOutbox(db, vault, eq(outbox.purpose, input.purpose));
  const mail = mails.findLast((row) => row.content?.to === input.to);
  const token = mail?.content ? input.link.exec(mail.content.text)?.[1] : undefined;
  if (!token) throw new Error(`demo: no ${input.purpose} mail with a link was queued`);
  return token;
}
