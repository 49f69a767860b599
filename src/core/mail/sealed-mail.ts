import { z } from "zod";
import {
  ERASED,
  type Erased,
  isErased,
  isVaultPurpose,
  type Vault,
  VaultIntegrityError,
  type VaultPurpose,
} from "../../vault/index.ts";
import type { Db } from "../db/database.ts";
import type { OutboxAttachment } from "./outbox.tables.ts";

/** The vault's part the outbox uses: a person's key for their mail, the installation key for staff's. */
export type MailSealer = Pick<
  Vault,
  "sealInTransit" | "decryptField" | "preloadKeys" | "sealSecret" | "openSecret"
>;

/**
 * Whose key seals a mail. A mail to or about a person is sealed under their key for the purpose
 * that caused it, so erasing that data makes the queued or kept mail unreadable too; mail to
 * staff (an officer's reminder) is sealed with the installation key.
 */
export type MailKey = { subjectId: string; purpose: VaultPurpose } | "installation";

/** What is sealed: everything that says who the mail is for or what it says. */
export interface MailContent {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  attachments: OutboxAttachment[];
}

const contentSchema = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  attachments: z.array(
    z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }),
  ),
});

/** The outbox columns that hold a sealed mail. */
export interface SealedColumns {
  subjectId: string | null;
  vaultPurpose: VaultPurpose | null;
  sealedContent: string;
}

const column = "sealed_content";
const installationAad = (id: string) => `outbox\u0000${id}`;

/** ERASED when the person's key was shredded: there is nobody left to write to. */
export async function sealMail(
  sealer: MailSealer,
  db: Db,
  { id, key, content }: { id: string; key: MailKey; content: MailContent },
): Promise<SealedColumns | Erased> {
  const value = JSON.stringify(content);
  if (key === "installation") {
    return {
      subjectId: null,
      vaultPurpose: null,
      sealedContent: sealer.sealSecret(value, installationAad(id)),
    };
  }
  const place = { ...key, table: "outbox", column, recordId: id };
  const sealed = await sealer.sealInTransit(db, { ...place, value });
  if (isErased(sealed)) return ERASED;
  return { subjectId: key.subjectId, vaultPurpose: key.purpose, sealedContent: sealed };
}

/** The columns `openMail` reads; the plain ones are set only on mail queued before 0020. */
export interface StoredMail {
  id: string;
  subjectId: string | null;
  vaultPurpose: string | null;
  sealedContent: string | null;
  toAddress: string | null;
  subject: string | null;
  textBody: string | null;
  htmlBody: string | null;
  headers: Record<string, string>;
  attachments: OutboxAttachment[];
}

/**
 * The mail's content, or ERASED once the person's key for it was shredded. A row that does not
 * open (altered, sealed under another key, an unknown purpose) throws a VaultIntegrityError; a
 * database error is thrown as it is.
 */
export async function openMail(
  sealer: MailSealer,
  db: Db,
  row: StoredMail,
): Promise<MailContent | Erased> {
  if (row.sealedContent === null) return plainContent(row);
  if (row.subjectId === null || row.vaultPurpose === null) {
    return parseContent(sealer.openSecret(row.sealedContent, installationAad(row.id)));
  }
  if (!isVaultPurpose(row.vaultPurpose)) {
    throw new VaultIntegrityError(`outbox row ${row.id} names no vault purpose`);
  }
  const opened = await sealer.decryptField(db, {
    subjectId: row.subjectId,
    purpose: row.vaultPurpose,
    table: "outbox",
    column,
    recordId: row.id,
    ciphertext: row.sealedContent,
  });
  return isErased(opened) ? ERASED : parseContent(opened);
}

/**
 * Loads the keys of a batch of rows in one query per purpose, before opening them one by one.
 * `fresh` reads every key again: delivery must not open an erased person's mail with a key
 * another process shredded after this one cached it.
 */
export function preloadMailKeys(
  sealer: MailSealer,
  db: Db,
  rows: readonly StoredMail[],
  options: { fresh?: boolean } = {},
): Promise<void> {
  const keys: MailKey[] = [];
  for (const { subjectId, vaultPurpose } of rows) {
    // An unknown purpose is refused when the row is opened; it must not stop the batch here.
    if (subjectId !== null && vaultPurpose !== null && isVaultPurpose(vaultPurpose)) {
      keys.push({ subjectId, purpose: vaultPurpose });
    }
  }
  return preloadSealingKeys(sealer, db, keys, options);
}

/** The people's keys of a batch of mails, one query per purpose; staff mail needs none. */
export async function preloadSealingKeys(
  sealer: MailSealer,
  db: Db,
  keys: readonly MailKey[],
  options: { fresh?: boolean } = {},
): Promise<void> {
  const byPurpose = new Map<VaultPurpose, string[]>();
  for (const key of keys) {
    if (key === "installation") continue;
    const subjectIds = byPurpose.get(key.purpose) ?? [];
    subjectIds.push(key.subjectId);
    byPurpose.set(key.purpose, subjectIds);
  }
  for (const [purpose, subjectIds] of byPurpose) {
    await sealer.preloadKeys(db, purpose, subjectIds, options);
  }
}

/** A sealed document that opens but is not a mail was altered, or written by something else. */
function parseContent(json: string): MailContent {
  const parsed = contentSchema.safeParse(safeJson(json));
  if (!parsed.success) throw new VaultIntegrityError("a sealed outbox row holds no mail");
  return parsed.data;
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function plainContent(row: StoredMail): MailContent {
  return {
    to: row.toAddress ?? "",
    subject: row.subject ?? "",
    text: row.textBody ?? "",
    html: row.htmlBody,
    headers: row.headers,
    attachments: row.attachments,
  };
}
