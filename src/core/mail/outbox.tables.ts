import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** "cancelled": withdrawn before it was sent, e.g. a newsletter to someone who unsubscribed since. */
export const outboxStatuses = ["queued", "held", "sending", "sent", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Every outgoing mail is a row here first, written in the same transaction as the change that
 * caused it; a job delivers it. "held" means no SMTP server is configured: the mail stays here
 * (and as an .eml file) for 30 days, sent if an SMTP server is configured meanwhile. Nothing a
 * person wrote or is called is in plain text here: the content is sealed.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: at("created_at").notNull(),
    purpose: text("purpose").notNull(),
    locale: text("locale").notNull(),
    fromAddress: text("from_address").notNull(),
    /**
     * The person the mail is about, whose key for `vault_purpose` seals it: erasing them shreds
     * the key, and mail.deliver then deletes the row and its .eml file. Null for mail to staff,
     * sealed with the installation key.
     */
    subjectId: uuid("subject_id"),
    vaultPurpose: text("vault_purpose"),
    /** Address, subject, bodies, headers and attachments as one sealed JSON document. */
    sealedContent: text("sealed_content"),
    // The plain columns below hold only mail queued before migration 0020 (sealed mail leaves
    // them empty); mail.deliver sends or purges such rows within 30 days.
    toAddress: text("to_address"),
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
    status: text("status", { enum: outboxStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    lockedUntil: at("locked_until"),
    lastError: text("last_error"),
    /** The receiving server refused the address for good (5xx to RCPT TO or DATA). */
    hardBounce: boolean("hard_bounce").notNull().default(false),
    sentAt: at("sent_at"),
    messageId: text("message_id"),
    emlPath: text("eml_path"),
    retainUntil: at("retain_until"),
    retentionReason: text("retention_reason"),
  },
  (table) => [
    index("outbox_due_idx").on(table.status, table.nextAttemptAt),
    index("outbox_retain_until_idx").on(table.retainUntil),
    index("outbox_subject_idx").on(table.subjectId, table.vaultPurpose),
  ],
);
