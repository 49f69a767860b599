import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { type Locale, translator } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { newShortReference } from "../../core/short-reference.ts";
import {
  type DataMap,
  publishAnchorEvent,
  type RetentionState,
  retentionFor,
} from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import {
  type IntakeScreening,
  mergeScans,
  type QuarantineHook,
  type SensitiveDataHook,
} from "../scanner/index.ts";
import { contactAttachmentRecordType, contactRequestRecordType } from "./contact.records.ts";
import { contactAttachments, contactRequests } from "./contact.tables.ts";

export interface ContactDeps {
  db: Db;
  vault: Vault;
  dataMap: DataMap;
  clock: Clock;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
  sensitiveData: SensitiveDataHook;
  /** Left out in tests of other modules: then a suspicious request is stored as usual. */
  quarantine?: QuarantineHook | undefined;
}

export interface ContactAttachmentInput {
  fileName: string;
  /** Sniffed from the bytes at the edge, never taken from the name or the client. */
  mediaType: string;
  content: Buffer;
}

export interface ContactRequestInput {
  name: string;
  email: string;
  /** E.164, normalised at the edge. */
  phone?: string | undefined;
  topic: string;
  message: string;
  locale: Locale;
  ip: string;
  channel: "form" | "api";
  attachments: readonly ContactAttachmentInput[];
}

export interface ReceivedContactRequest {
  id: string;
  reference: string;
  subjectId: string;
  screening: IntakeScreening;
}

/** Text attachments also pass the sensitive-data hook before they are stored. */
const textTypes = new Set(["text/plain", "text/csv"]);

/**
 * Stores a contact request, its attachments and the confirmation mail in one transaction: the
 * visitor gets a reference only for a request that exists, and a failure stores nothing.
 * Repeated requests by the same e-mail address or phone number link to the same person.
 */
export async function receiveContactRequest(
  deps: ContactDeps,
  input: ContactRequestInput,
): Promise<ReceivedContactRequest> {
  const scannedMessage = await deps.sensitiveData(input.message, input.locale);
  const scans = [scannedMessage];
  const attachments = await Promise.all(
    input.attachments.map(async (file) => {
      if (!textTypes.has(file.mediaType)) return file;
      const scanned = await deps.sensitiveData(file.content.toString("utf8"), input.locale);
      scans.push(scanned);
      return { ...file, content: Buffer.from(scanned.text, "utf8") };
    }),
  );
  const message = scannedMessage.text;
  const screened = mergeScans(scans);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { subjectId } = await deps.vault.ensureSubject(tx, {
      email: input.email,
      phone: input.phone,
      name: input.name,
    });
    const id = randomUUID();
    const seal = (column: string, value: string) =>
      deps.vault.encryptField(tx, {
        subjectId,
        purpose: "contact",
        table: "contact_requests",
        column,
        recordId: id,
        value,
      });
    const state = await retentionFor(tx, deps.dataMap, contactRequestRecordType, {
      subjectId,
      key: id,
    });
    const reference = newShortReference("C");
    await tx.insert(contactRequests).values({
      id,
      subjectId,
      ...state,
      reference,
      status: "new",
      locale: input.locale,
      nameCiphertext: await seal("name_ciphertext", input.name),
      emailCiphertext: await seal("email_ciphertext", input.email),
      phoneCiphertext: input.phone ? await seal("phone_ciphertext", input.phone) : null,
      ipCiphertext: await seal("ip_ciphertext", input.ip),
      topicCiphertext: await seal("topic_ciphertext", input.topic),
      messageCiphertext: await seal("message_ciphertext", message),
      channel: input.channel,
      createdAt: now,
      updatedAt: now,
    });
    if (attachments.length > 0) {
      // Every attachment follows the request's clock: one computation serves them all.
      const state = await retentionFor(tx, deps.dataMap, contactAttachmentRecordType, {
        subjectId,
        key: id,
      });
      for (const file of attachments) {
        await storeAttachment(tx, deps, { requestId: id, subjectId, file, now, state });
      }
    }
    const t = translator(input.locale);
    await enqueueMail(tx, {
      clock: deps.clock,
      config: deps.config,
      vault: deps.vault,
      mail: {
        purpose: "contact.confirmation",
        sealedUnder: { subjectId, purpose: "contact" },
        locale: input.locale,
        to: input.email,
        subject: t("contact.mail.subject", { reference }),
        text: t("contact.mail.body", {
          // A misuse report from the security page may come without a name.
          greeting: input.name.trim()
            ? t("contact.mail.greeting", { name: input.name })
            : t("contact.mail.greeting_nameless"),
          reference,
          privacy: `${deps.config.PUBLIC_URL}/privacy`,
        }),
      },
    });
    // Last, because the audit head's lock serialises every writer until this transaction ends.
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "subject", id: subjectId },
        action: "contact.received",
        subjectId,
        recordType: contactRequestRecordType.id,
        recordId: id,
        purpose: "contact",
        details: { channel: input.channel, attachments: attachments.length },
      },
    });
    const held =
      screened.quarantine.length > 0 && deps.quarantine
        ? await deps.quarantine(tx, {
            recordType: contactRequestRecordType,
            recordId: id,
            subjectId,
            types: screened.quarantine,
            reasons: screened.findings.map((finding) => finding.reason),
          })
        : undefined;
    const screening: IntakeScreening = {
      redacted: screened.redacted,
      quarantine: held ? (held.deleted ? "deleted" : "held") : null,
      hours: held?.hours ?? 0,
    };
    return { id, reference, subjectId, screening };
  });
}

async function storeAttachment(
  tx: Db,
  deps: ContactDeps,
  {
    requestId,
    subjectId,
    file,
    now,
    state,
  }: {
    requestId: string;
    subjectId: string;
    file: ContactAttachmentInput;
    now: Date;
    state: RetentionState;
  },
): Promise<void> {
  const id = randomUUID();
  const place = {
    subjectId,
    purpose: "contact" as const,
    table: "contact_attachments",
    recordId: id,
  };
  await tx.insert(contactAttachments).values({
    id,
    subjectId,
    ...state,
    requestId,
    fileNameCiphertext: await deps.vault.encryptField(tx, {
      ...place,
      column: "file_name_ciphertext",
      value: file.fileName,
    }),
    mediaType: file.mediaType,
    sizeBytes: file.content.length,
    contentCiphertext: await deps.vault.encryptBytes(tx, {
      ...place,
      column: "content_ciphertext",
      value: file.content,
    }),
    createdAt: now,
  });
}

/**
 * "Handled" starts the retention clock of the request and its attachments: kept 1 year more,
 * or longer if an agreement came of it (the policy's restartOn and unlessCondition).
 */
export async function markHandled(
  deps: Pick<ContactDeps, "db" | "dataMap" | "clock">,
  { requestId, staffId }: { requestId: string; staffId: string },
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .update(contactRequests)
      .set({ status: "handled", handledAt: now, updatedAt: now })
      .where(and(eq(contactRequests.id, requestId), ne(contactRequests.status, "handled")))
      .returning({ subjectId: contactRequests.subjectId });
    if (!row?.subjectId) return false;
    await publishAnchorEvent(
      tx,
      { dataMap: deps.dataMap, clock: deps.clock },
      { event: "request.closed", subjectId: row.subjectId, key: requestId },
    );
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: staffId },
        action: "contact.handled",
        subjectId: row.subjectId,
        recordType: contactRequestRecordType.id,
        recordId: requestId,
        purpose: "contact",
      },
    });
    return true;
  });
}
