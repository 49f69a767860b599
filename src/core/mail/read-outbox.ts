import { asc, type SQL } from "drizzle-orm";
import { isErased } from "../../vault/index.ts";
import type { Db } from "../db/database.ts";
import { outbox } from "./outbox.tables.ts";
import type { OutboxRow } from "./outbox.ts";
import { type MailContent, type MailSealer, openMail, preloadMailKeys } from "./sealed-mail.ts";

/** An outbox row with its content opened; null once the person it was about was erased. */
export type OpenedOutboxRow = OutboxRow & { content: MailContent | null };

/**
 * The outbox rows matching `where`, oldest first, opened: the content is sealed, so filtering
 * on an address or a word happens here, after opening, never in SQL.
 */
export async function readOutbox(
  db: Db,
  sealer: MailSealer,
  where?: SQL,
): Promise<OpenedOutboxRow[]> {
  const rows = await db.select().from(outbox).where(where).orderBy(asc(outbox.createdAt));
  await preloadMailKeys(sealer, db, rows);
  const opened: OpenedOutboxRow[] = [];
  for (const row of rows) {
    const content = await openMail(sealer, db, row);
    opened.push({ ...row, content: isErased(content) ? null : content });
  }
  return opened;
}
