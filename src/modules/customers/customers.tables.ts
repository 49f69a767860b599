import { date, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
// Straight from the file: the data map index reaches the schema, which imports this table.
import { retentionColumns, retentionIndexes } from "../../datamap/retention-columns.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const customerKinds = ["person", "company"] as const;
export type CustomerKind = (typeof customerKinds)[number];

/**
 * A customer: a person, or a company with contact persons. The row holds no personal values: a
 * person who is a customer appears only as a contact person, whose name is encrypted and kept by
 * the customer-dossier rule.
 */
export const customers = pgTable("customers", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Shown to staff and on invoices, e.g. K-4M8T2Z; not a secret. */
  number: text("number").notNull().unique(),
  kind: text("kind", { enum: customerKinds }).notNull(),
  /** A company's registered name; null for a person, whose name lives with the contact. */
  companyName: text("company_name"),
  createdAt: at("created_at").notNull(),
});

/** A person who is the customer, or speaks for a company customer. */
export const customerContacts = pgTable(
  "customer_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    nameCiphertext: text("name_ciphertext").notNull(),
    /** e.g. "zaakvoerder", "IT-verantwoordelijke"; free text from staff. */
    role: text("role"),
    createdAt: at("created_at").notNull(),
  },
  (table) => [
    ...retentionIndexes("customer_contacts", table),
    index("customer_contacts_customer_idx").on(table.customerId),
    unique("customer_contacts_customer_subject_key").on(table.customerId, table.subjectId),
  ],
);

export const agreementStatuses = ["running", "ended"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/**
 * A service agreement. Whether anyone "is a customer" derives from these: while one runs, the
 * customer's contacts, and the contact requests and newsletter data kept "while you have a
 * running agreement", are kept.
 */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    service: text("service").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    status: text("status", { enum: agreementStatuses }).notNull(),
    createdAt: at("created_at").notNull(),
    endedAt: at("ended_at"),
  },
  (table) => [index("agreements_customer_idx").on(table.customerId, table.status)],
);
