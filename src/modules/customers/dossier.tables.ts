import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// Straight from the file: the data map index reaches the schema, which imports these tables.
import { retentionColumns, retentionIndexes } from "../../datamap/retention-columns.ts";
import { customers } from "./customers.tables.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The statement's list for a customer dossier, one kind per item. */
export const dossierItemKinds = [
  "contact",
  "address",
  "ip_address",
  "device",
  "software",
  "username",
  "email",
  "application",
  "social_media",
] as const;
export type DossierItemKind = (typeof dossierItemKinds)[number];

/**
 * One fact in a customer's dossier (a device, a username, a social-media link), about one of the
 * customer's people, encrypted under their customer-dossier key.
 */
export const dossierItems = pgTable(
  "dossier_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: dossierItemKinds }).notNull(),
    valueCiphertext: text("value_ciphertext").notNull(),
    noteCiphertext: text("note_ciphertext"),
    /** Where it came from: "klant, per telefoon", "installatie ter plaatse". */
    source: text("source").notNull(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (table) => [
    ...retentionIndexes("dossier_items", table),
    index("dossier_items_customer_idx").on(table.customerId, table.kind),
  ],
);

export const ticketStatuses = ["open", "closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** A support question of a customer; its title and notes may be about a person. */
export const supportTickets = pgTable(
  "support_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    number: text("number").notNull().unique(),
    status: text("status", { enum: ticketStatuses }).notNull(),
    titleCiphertext: text("title_ciphertext").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: at("created_at").notNull(),
    closedAt: at("closed_at"),
  },
  (table) => [
    ...retentionIndexes("support_tickets", table),
    index("support_tickets_customer_idx").on(table.customerId, table.createdAt),
  ],
);

export const supportTicketNotes = pgTable(
  "support_ticket_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => supportTickets.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").notNull(),
    bodyCiphertext: text("body_ciphertext").notNull(),
    authorStaffId: uuid("author_staff_id").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (table) => [
    ...retentionIndexes("support_ticket_notes", table),
    index("support_ticket_notes_ticket_idx").on(table.ticketId, table.createdAt),
  ],
);
