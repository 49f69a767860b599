import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../core/db/database.ts";
import { outbox } from "../core/mail/outbox.tables.ts";

/**
 * The token in the last mail of a kind sent to an address: the demo's people click their links
 * as real ones would, so a confirmed sign-up has the same proof as one made through the form.
 */
export async function tokenFromMail(
  db: Db,
  input: { to: string; purpose: string; link: RegExp },
): Promise<string> {
  const [mail] = await db
    .select({ text: outbox.textBody })
    .from(outbox)
    .where(and(eq(outbox.toAddress, input.to), eq(outbox.purpose, input.purpose)))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  const token = mail ? input.link.exec(mail.text)?.[1] : undefined;
  if (!token) throw new Error(`demo: no ${input.purpose} mail with a link was queued`);
  return token;
}
