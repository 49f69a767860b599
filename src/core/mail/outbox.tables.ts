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
 * (and as an .eml file) until one is.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: at("created_at").notNull(),
    purpose: text("purpose").notNull(),
    locale: text("locale").notNull(),
    fromAddress: text("from_address").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /** Files sent with the mail (an invoice PDF), base64; small by design, purged with the row. */
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
  ],
);
