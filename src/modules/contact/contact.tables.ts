import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// Straight from the file: the data map index reaches the schema, which imports this table.
import { bytea } from "../../core/db/bytea.ts";
import { retentionColumns, retentionIndexes } from "../../datamap/retention-columns.ts";
// The table itself, not the module's service: a foreign key is schema, not a dependency.
import { customers } from "../customers/customers.tables.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const contactStatuses = ["new", "in_progress", "waiting", "handled"] as const;
export type ContactStatus = (typeof contactStatuses)[number];

/**
 * A question or request sent through a contact form. Everything the visitor typed, and the IP
 * address the statement says is kept, is encrypted under the person's contact key.
 */
export const contactRequests = pgTable(
  "contact_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    /** Shown to the visitor and used to thread replies, e.g. C-7K3Q9X; not a secret. */
    reference: text("reference").notNull().unique(),
    status: text("status", { enum: contactStatuses }).notNull(),
    locale: text("locale").notNull(),
    nameCiphertext: text("name_ciphertext").notNull(),
    emailCiphertext: text("email_ciphertext").notNull(),
    phoneCiphertext: text("phone_ciphertext"),
    ipCiphertext: text("ip_ciphertext").notNull(),
    topicCiphertext: text("topic_ciphertext").notNull(),
    messageCiphertext: text("message_ciphertext").notNull(),
    /** Where it came from: the site's own form or an embedding site's API call. */
    channel: text("channel").notNull(),
    assignedTo: uuid("assigned_to"),
    /** The customer the request became, or belongs to: its agreements keep the request. */
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    handledAt: at("handled_at"),
  },
  (table) => [
    ...retentionIndexes("contact_requests", table),
    index("contact_requests_status_idx").on(table.status, table.createdAt),
  ],
);

/** A file sent with a request; its type was sniffed from its bytes, not its name. */
export const contactAttachments = pgTable(
  "contact_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => contactRequests.id, { onDelete: "cascade" }),
    fileNameCiphertext: text("file_name_ciphertext").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    contentCiphertext: bytea("content_ciphertext").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (table) => [
    ...retentionIndexes("contact_attachments", table),
    index("contact_attachments_request_idx").on(table.requestId),
  ],
);

export const contactNoteKinds = ["note", "reply"] as const;
export type ContactNoteKind = (typeof contactNoteKinds)[number];

/**
 * What staff wrote about a request: an internal note, or a reply mailed to the visitor. The text
 * is about the person, so it is encrypted under their contact key and goes with the request.
 */
export const contactNotes = pgTable(
  "contact_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => contactRequests.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: contactNoteKinds }).notNull(),
    authorStaffId: uuid("author_staff_id").notNull(),
    bodyCiphertext: text("body_ciphertext").notNull(),
    /** The outbox row of a reply, to show whether it was sent. */
    mailId: uuid("mail_id"),
    createdAt: at("created_at").notNull(),
  },
  (table) => [
    ...retentionIndexes("contact_notes", table),
    index("contact_notes_request_idx").on(table.requestId, table.createdAt),
  ],
);
