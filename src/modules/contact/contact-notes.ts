import { randomUUID } from "node:crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Db } from "../../core/db/database.ts";
import { isLocale, translator } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { retentionFor } from "../../datamap/index.ts";
import { isErased } from "../../vault/index.ts";
import { refuseSpecialCategories } from "../scanner/index.ts";
import { contactNoteRecordType } from "./contact.records.ts";
import type { ContactDeps } from "./contact.service.ts";
import { type ContactNoteKind, contactNotes, contactRequests } from "./contact.tables.ts";

export interface ContactNote {
  id: string;
  kind: ContactNoteKind;
  authorStaffId: string;
  /** Undefined once the person's contact data was erased. */
  text: string | undefined;
  sent: boolean;
  createdAt: Date;
}

export interface WriteNoteInput {
  requestId: string;
  staffId: string;
  text: string;
}

type NoteDeps = Pick<
  ContactDeps,
  "db" | "vault" | "dataMap" | "clock" | "config" | "sensitiveData"
>;

/** An internal note: stays in the back office, follows the request's retention. */
export function addContactNote(deps: NoteDeps, input: WriteNoteInput): Promise<string | undefined> {
  return writeNote(deps, input, "note");
}

/**
 * A reply by mail, threaded by the request's reference in the subject line, in the language the
 * visitor wrote in. The request then waits for the visitor (unless it was already handled).
 */
export function replyToContactRequest(
  deps: NoteDeps,
  input: WriteNoteInput,
): Promise<string | undefined> {
  return writeNote(deps, input, "reply");
}

async function writeNote(
  deps: NoteDeps,
  { requestId, staffId, text }: WriteNoteInput,
  kind: ContactNoteKind,
): Promise<string | undefined> {
  return deps.db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(contactRequests)
      .where(eq(contactRequests.id, requestId))
      .for("update");
    if (!request?.subjectId) return undefined;
    const subjectId = request.subjectId;
    const locale = isLocale(request.locale) ? request.locale : "nl";
    const body = refuseSpecialCategories(await deps.sensitiveData(text, locale), "text", locale);
    const id = randomUUID();
    let mailId: string | null = null;
    if (kind === "reply") {
      mailId = await mailReply(tx, deps, { request, subjectId, locale, body });
      if (!mailId) return undefined;
      if (request.status !== "handled") {
        await tx
          .update(contactRequests)
          .set({ status: "waiting", updatedAt: deps.clock.now() })
          .where(and(eq(contactRequests.id, requestId), ne(contactRequests.status, "handled")));
      }
    }
    const state = await retentionFor(tx, deps.dataMap, contactNoteRecordType, {
      subjectId,
      key: requestId,
    });
    await tx.insert(contactNotes).values({
      id,
      subjectId,
      ...state,
      requestId,
      kind,
      authorStaffId: staffId,
      bodyCiphertext: await deps.vault.encryptField(tx, {
        subjectId,
        purpose: "contact",
        table: "contact_notes",
        column: "body_ciphertext",
        recordId: id,
        value: body,
      }),
      mailId,
      createdAt: deps.clock.now(),
    });
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: staffId },
        action: kind === "reply" ? "contact.replied" : "contact.note_added",
        subjectId,
        recordType: contactNoteRecordType.id,
        recordId: id,
        purpose: "contact",
        details: { requestId },
      },
    });
    return id;
  });
}

async function mailReply(
  tx: Db,
  deps: NoteDeps,
  {
    request,
    subjectId,
    locale,
    body,
  }: {
    request: typeof contactRequests.$inferSelect;
    subjectId: string;
    locale: "nl" | "en" | "fr";
    body: string;
  },
): Promise<string | null> {
  const open = (column: string, ciphertext: string) =>
    deps.vault.decryptField(tx, {
      subjectId,
      purpose: "contact",
      table: "contact_requests",
      column,
      recordId: request.id,
      ciphertext,
    });
  const email = await open("email_ciphertext", request.emailCiphertext);
  const topic = await open("topic_ciphertext", request.topicCiphertext);
  if (isErased(email) || isErased(topic)) return null;
  const t = translator(locale);
  return enqueueMail(tx, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: "contact.reply",
      sealedUnder: { subjectId, purpose: "contact" },
      locale,
      to: email,
      subject: t("contact.mail.reply_subject", { reference: request.reference, topic }),
      text: `${body}\n\n-- \n${t("contact.mail.reply_footer", { reference: request.reference })}\n`,
    },
  });
}

/** The request's notes and replies, oldest first, decrypted for the back office. */
export async function listContactNotes(
  deps: Pick<ContactDeps, "db" | "vault">,
  requestId: string,
): Promise<ContactNote[]> {
  const rows = await deps.db
    .select()
    .from(contactNotes)
    .where(eq(contactNotes.requestId, requestId))
    .orderBy(asc(contactNotes.createdAt), asc(contactNotes.id));
  const notes: ContactNote[] = [];
  for (const row of rows) {
    const text = row.subjectId
      ? await deps.vault.decryptField(deps.db, {
          subjectId: row.subjectId,
          purpose: "contact",
          table: "contact_notes",
          column: "body_ciphertext",
          recordId: row.id,
          ciphertext: row.bodyCiphertext,
        })
      : undefined;
    notes.push({
      id: row.id,
      kind: row.kind,
      authorStaffId: row.authorStaffId,
      text: text === undefined || isErased(text) ? undefined : text,
      sent: row.mailId !== null,
      createdAt: row.createdAt,
    });
  }
  return notes;
}
