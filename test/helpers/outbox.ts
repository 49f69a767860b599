import { eq, type SQL } from "drizzle-orm";
import type { Db } from "../../src/core/db/database.ts";
import { type MailSealer, type OutboxRow, readOutbox } from "../../src/core/mail/index.ts";
import { outbox } from "../../src/core/mail/outbox.tables.ts";

/**
 * An outbox row as a reader of the mail sees it: the sealed content opened into the familiar
 * fields. `erased` is true (and the texts empty) once the person's key was shredded.
 */
export type OpenedMail = Omit<
  OutboxRow,
  "toAddress" | "subject" | "textBody" | "htmlBody" | "headers" | "attachments"
> & {
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  headers: Record<string, string>;
  attachments: NonNullable<OutboxRow["attachments"]>;
  erased: boolean;
};

/**
 * The outbox rows matching `where` (drizzle SQL on the outbox table, e.g.
 * `eq(outbox.purpose, "contact.confirmation")`), oldest first, opened with the app's vault.
 * Filter on the address or text in JavaScript: in the table they are sealed.
 */
export async function openedOutbox(
  app: { database: { db: Db }; vault: MailSealer } | { db: Db; vault: MailSealer },
  where?: SQL,
): Promise<OpenedMail[]> {
  const db = "database" in app ? app.database.db : app.db;
  const rows = await readOutbox(db, app.vault, where);
  return rows.map(({ content, ...row }) => ({
    ...row,
    toAddress: content?.to ?? "",
    subject: content?.subject ?? "",
    textBody: content?.text ?? "",
    htmlBody: content?.html ?? null,
    headers: content?.headers ?? {},
    attachments: content?.attachments ?? [],
    erased: content === null,
  }));
}

/** The mails of one purpose (e.g. "contact.confirmation"), optionally only those to `to`. */
export async function mailsOf(
  app: Parameters<typeof openedOutbox>[0],
  purpose: string,
  to?: string,
): Promise<OpenedMail[]> {
  const mails = await openedOutbox(app, eq(outbox.purpose, purpose));
  return to === undefined ? mails : mails.filter((mail) => mail.toAddress === to);
}
