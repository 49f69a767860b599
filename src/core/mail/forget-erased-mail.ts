import { rm } from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import { type Db, queryRows } from "../db/database.ts";
import type { MailTransport } from "./transport.ts";

const batchSize = 500;
const day = 24 * 60 * 60_000;
/**
 * Mail lives 30 days (sent, held or failed) and is retried for hours at most, so only a key
 * shredded in the last 31 days can still have mail: the query starts from those few keys.
 */
const lookBack = 31 * day;

interface ErasedMail {
  id: string;
  eml_path: string | null;
}

/**
 * Deletes every mail whose key is gone, with the .eml file it may have been kept as. A key is
 * gone when it was shredded (no wrapped key), or shredded and created again after the mail was
 * queued (the person came back): no live key opens such a mail, and the file is the one
 * plain-text copy left, so erasure must reach it.
 *
 * Files go first, by the row's path and by the name the file transport would give it (a file
 * being written when its row was read is not named in the row yet); a row whose file cannot be
 * removed stays, to be tried again next run. A file written after this run deleted its row is
 * removed by the process that wrote it, once its settle finds the row gone.
 */
export async function forgetErasedMail(
  db: Db,
  {
    clock,
    transport,
    signal,
  }: { clock: Clock; transport: MailTransport; signal?: AbortSignal | undefined },
): Promise<number> {
  let forgotten = 0;
  const since = new Date(clock.now().getTime() - lookBack).toISOString();
  while (!signal?.aborted) {
    const erased = await queryRows<ErasedMail>(
      db,
      sql`select o.id::text as id, o.eml_path from data_keys k
          join outbox o on o.subject_id = k.subject_id and o.vault_purpose = k.purpose
          where k.shredded_at > ${since}::timestamptz
            and (k.wrapped_key is null or k.created_at > o.created_at)
          limit ${batchSize}`,
    );
    if (erased.length === 0) break;
    const removed: string[] = [];
    for (const mail of erased) {
      if (await discardFiles(transport, mail)) removed.push(mail.id);
    }
    forgotten += await deleteRows(db, transport, removed);
    if (erased.length < batchSize || removed.length === 0) break;
  }
  return forgotten;
}

async function discardFiles(transport: MailTransport, mail: ErasedMail): Promise<boolean> {
  try {
    if (mail.eml_path) await rm(mail.eml_path, { force: true });
    await transport.discard(mail.id);
    return true;
  } catch {
    // A file we may not remove (permissions): its row stays, naming it, for the next run.
    return false;
  }
}

async function deleteRows(db: Db, transport: MailTransport, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await queryRows<ErasedMail>(
    db,
    sql`delete from outbox where id = any(${`{${ids.join(",")}}`}::uuid[])
        returning id::text as id, eml_path`,
  );
  // A row kept as .eml between the read and the delete names a file written since.
  for (const mail of deleted) await discardFiles(transport, mail);
  return deleted.length;
}
