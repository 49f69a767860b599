import { and, desc, eq, inArray, lt, ne, or, type SQL } from "drizzle-orm";
import { appendAudit, recordStaffRead } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import type { KeysetCursor } from "../../core/keyset-cursor.ts";
import type { RetentionReason } from "../../datamap/index.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import { notQuarantined } from "../scanner/index.ts";
import { contactAttachmentRecordType, contactRequestRecordType } from "./contact.records.ts";
import { type ContactDeps, markHandled } from "./contact.service.ts";
import { type ContactStatus, contactAttachments, contactRequests } from "./contact.tables.ts";

export const inboxPageSize = 50;

/** What a staff member filters the inbox by; the searches are exact, never a LIKE on plaintext. */
export interface InboxFilter {
  status?: ContactStatus | undefined;
  email?: string | undefined;
  reference?: string | undefined;
  name?: string | undefined;
  /** Keyset: the last line of the previous page. */
  after?: InboxCursor | undefined;
}

export type InboxCursor = KeysetCursor;

/** A decrypted value, or null when the person's key was shredded (or the record anonymised). */
export type Opened = string | null;

export interface InboxLine {
  id: string;
  subjectId: string | null;
  reference: string;
  status: ContactStatus;
  assignedTo: string | null;
  createdAt: Date;
  name: Opened;
  topic: Opened;
}

export interface InboxPage {
  lines: InboxLine[];
  next: InboxCursor | null;
}

type InboxDeps = { db: Db; vault: Vault };

/** References are shown upper case (C-7K3Q9X); staff may type them any way. */
export function normaliseReference(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * The inbox, newest first, one page at a time (keyset on created_at, id). An e-mail search goes
 * through the vault's blind index to the person and then their requests; a name search through
 * the name tokens. Reads and decrypts; the caller audits what it shows.
 */
export async function listInbox(
  deps: InboxDeps,
  filter: InboxFilter,
  limit = inboxPageSize,
): Promise<InboxPage> {
  const conditions: (SQL | undefined)[] = [notQuarantined(contactRequests.id)];
  if (filter.status) conditions.push(eq(contactRequests.status, filter.status));
  if (filter.reference) {
    conditions.push(eq(contactRequests.reference, normaliseReference(filter.reference)));
  }
  if (filter.email) {
    const subjectId = await deps.vault.findSubject(deps.db, { email: filter.email });
    if (!subjectId) return { lines: [], next: null };
    conditions.push(eq(contactRequests.subjectId, subjectId));
  }
  if (filter.name) {
    const subjectIds = await deps.vault.findSubjectsByName(deps.db, filter.name);
    if (subjectIds.length === 0) return { lines: [], next: null };
    conditions.push(inArray(contactRequests.subjectId, subjectIds));
  }
  if (filter.after) {
    conditions.push(
      or(
        lt(contactRequests.createdAt, filter.after.createdAt),
        and(
          eq(contactRequests.createdAt, filter.after.createdAt),
          lt(contactRequests.id, filter.after.id),
        ),
      ),
    );
  }
  const rows = await deps.db
    .select({
      id: contactRequests.id,
      subjectId: contactRequests.subjectId,
      reference: contactRequests.reference,
      status: contactRequests.status,
      assignedTo: contactRequests.assignedTo,
      createdAt: contactRequests.createdAt,
      nameCiphertext: contactRequests.nameCiphertext,
      topicCiphertext: contactRequests.topicCiphertext,
    })
    .from(contactRequests)
    .where(and(...conditions))
    .orderBy(desc(contactRequests.createdAt), desc(contactRequests.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const lines: InboxLine[] = [];
  for (const row of page) {
    const open = opener(deps, "contact_requests", row.id, row.subjectId);
    lines.push({
      id: row.id,
      subjectId: row.subjectId,
      reference: row.reference,
      status: row.status,
      assignedTo: row.assignedTo,
      createdAt: row.createdAt,
      name: await open("name_ciphertext", row.nameCiphertext),
      topic: await open("topic_ciphertext", row.topicCiphertext),
    });
  }
  const last = page.at(-1);
  return {
    lines,
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

export interface AttachmentLine {
  id: string;
  fileName: Opened;
  mediaType: string;
  sizeBytes: number;
}

export interface ContactRequestView {
  id: string;
  subjectId: string | null;
  reference: string;
  status: ContactStatus;
  locale: string;
  channel: string;
  assignedTo: string | null;
  customerId: string | null;
  createdAt: Date;
  updatedAt: Date;
  handledAt: Date | null;
  retainUntil: Date | null;
  retentionReason: RetentionReason;
  name: Opened;
  email: Opened;
  phone: Opened;
  ip: Opened;
  topic: Opened;
  message: Opened;
  attachments: AttachmentLine[];
}

/** One request with every field decrypted and its attachments listed (not their content). */
export async function readContactRequest(
  deps: InboxDeps,
  requestId: string,
): Promise<ContactRequestView | undefined> {
  const [row] = await deps.db
    .select()
    .from(contactRequests)
    // A request in quarantine is the privacy officer's alone, on their own page.
    .where(and(eq(contactRequests.id, requestId), notQuarantined(contactRequests.id)));
  if (!row) return undefined;
  const open = opener(deps, "contact_requests", row.id, row.subjectId);
  const files = await deps.db
    .select({
      id: contactAttachments.id,
      subjectId: contactAttachments.subjectId,
      fileNameCiphertext: contactAttachments.fileNameCiphertext,
      mediaType: contactAttachments.mediaType,
      sizeBytes: contactAttachments.sizeBytes,
    })
    .from(contactAttachments)
    .where(eq(contactAttachments.requestId, requestId))
    .orderBy(contactAttachments.createdAt, contactAttachments.id);
  const attachments: AttachmentLine[] = [];
  for (const file of files) {
    attachments.push({
      id: file.id,
      fileName: await opener(
        deps,
        "contact_attachments",
        file.id,
        file.subjectId,
      )("file_name_ciphertext", file.fileNameCiphertext),
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
    });
  }
  return {
    id: row.id,
    subjectId: row.subjectId,
    reference: row.reference,
    status: row.status,
    locale: row.locale,
    channel: row.channel,
    assignedTo: row.assignedTo,
    customerId: row.customerId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    handledAt: row.handledAt,
    retainUntil: row.retainUntil,
    retentionReason: row.retentionReason,
    name: await open("name_ciphertext", row.nameCiphertext),
    email: await open("email_ciphertext", row.emailCiphertext),
    phone: row.phoneCiphertext ? await open("phone_ciphertext", row.phoneCiphertext) : null,
    ip: await open("ip_ciphertext", row.ipCiphertext),
    topic: await open("topic_ciphertext", row.topicCiphertext),
    message: await open("message_ciphertext", row.messageCiphertext),
    attachments,
  };
}

export interface AttachmentContent {
  subjectId: string;
  fileName: Opened;
  mediaType: string;
  content: Buffer;
}

/** An attachment's bytes, only through its own request; undefined if missing or erased. */
export async function readAttachmentContent(
  deps: InboxDeps,
  { requestId, attachmentId }: { requestId: string; attachmentId: string },
): Promise<AttachmentContent | undefined> {
  const [row] = await deps.db
    .select()
    .from(contactAttachments)
    .where(
      and(
        eq(contactAttachments.id, attachmentId),
        eq(contactAttachments.requestId, requestId),
        // The request's quarantine covers its files: no download behind the officer's back.
        notQuarantined(contactAttachments.requestId),
      ),
    );
  if (!row?.subjectId) return undefined;
  const place = {
    subjectId: row.subjectId,
    purpose: "contact" as const,
    table: "contact_attachments",
    recordId: row.id,
  };
  const content = await deps.vault.decryptBytes(deps.db, {
    ...place,
    column: "content_ciphertext",
    ciphertext: row.contentCiphertext,
  });
  if (isErased(content)) return undefined;
  const fileName = await deps.vault.decryptField(deps.db, {
    ...place,
    column: "file_name_ciphertext",
    ciphertext: row.fileNameCiphertext,
  });
  return {
    subjectId: row.subjectId,
    fileName: isErased(fileName) ? null : fileName,
    mediaType: row.mediaType,
    content,
  };
}

/**
 * Audits what a page shows, all in one transaction: one `subject.read` per request (and per
 * attachment whose name is shown). A read that cannot be logged is not shown.
 */
export async function auditInboxRead(
  deps: { db: Db; clock: Clock },
  staffId: string,
  shown: readonly { requestId: string; subjectId: string | null; attachmentIds?: string[] }[],
): Promise<void> {
  const reads = shown.filter((line) => line.subjectId !== null);
  if (reads.length === 0) return;
  await deps.db.transaction(async (tx) => {
    for (const line of reads) {
      const subjectId = line.subjectId as string;
      await recordStaffRead(tx, deps.clock, {
        staffId,
        subjectId,
        recordType: contactRequestRecordType.id,
        recordId: line.requestId,
        purpose: "contact",
      });
      for (const attachmentId of line.attachmentIds ?? []) {
        await recordStaffRead(tx, deps.clock, {
          staffId,
          subjectId,
          recordType: contactAttachmentRecordType.id,
          recordId: attachmentId,
          purpose: "contact",
        });
      }
    }
  });
}

export type StatusChange = "changed" | "unchanged" | "not_found" | "closed";

/**
 * Moves a request to another status. "Handled" goes through markHandled, which starts the
 * one-year clock; a handled request stays handled here, since reopening would have to undo that
 * clock (see the report on issue 7).
 */
export async function changeContactStatus(
  deps: Pick<ContactDeps, "db" | "dataMap" | "clock">,
  { requestId, staffId, status }: { requestId: string; staffId: string; status: ContactStatus },
): Promise<StatusChange> {
  const [current] = await deps.db
    .select({ status: contactRequests.status })
    .from(contactRequests)
    .where(eq(contactRequests.id, requestId));
  if (!current) return "not_found";
  if (current.status === status) return "unchanged";
  if (current.status === "handled") return "closed";
  if (status === "handled") {
    return (await markHandled(deps, { requestId, staffId })) ? "changed" : "closed";
  }
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .update(contactRequests)
      .set({ status, updatedAt: now })
      .where(
        and(
          eq(contactRequests.id, requestId),
          ne(contactRequests.status, "handled"),
          ne(contactRequests.status, status),
        ),
      )
      .returning({ subjectId: contactRequests.subjectId });
    if (!row) return "unchanged";
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: staffId },
        action: "contact.status_changed",
        ...(row.subjectId ? { subjectId: row.subjectId } : {}),
        recordType: contactRequestRecordType.id,
        recordId: requestId,
        purpose: "contact",
        details: { from: current.status, to: status },
      },
    });
    return "changed";
  });
}

/** Assigns a request to a staff member (checked by the caller), or to nobody; audited. */
export async function assignContactRequest(
  deps: { db: Db; clock: Clock },
  { requestId, staffId, assignee }: { requestId: string; staffId: string; assignee: string | null },
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(contactRequests)
      .set({ assignedTo: assignee, updatedAt: deps.clock.now() })
      .where(eq(contactRequests.id, requestId))
      .returning({ subjectId: contactRequests.subjectId });
    if (!row) return false;
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: staffId },
        action: "contact.assigned",
        ...(row.subjectId ? { subjectId: row.subjectId } : {}),
        recordType: contactRequestRecordType.id,
        recordId: requestId,
        purpose: "contact",
        details: { assignee },
      },
    });
    return true;
  });
}

function opener(deps: InboxDeps, table: string, recordId: string, subjectId: string | null) {
  return async (column: string, ciphertext: string): Promise<Opened> => {
    if (!subjectId) return null;
    const value = await deps.vault.decryptField(deps.db, {
      subjectId,
      purpose: "contact",
      table,
      column,
      recordId,
      ciphertext,
    });
    return isErased(value) ? null : value;
  };
}
