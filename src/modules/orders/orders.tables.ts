import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
// Straight from the file: the data map index reaches the schema, which imports these tables.
import { retentionColumns, retentionIndexes } from "../../datamap/retention-columns.ts";
import { customers } from "../customers/customers.tables.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const orderChannels = ["web", "backoffice", "import"] as const;
export type OrderChannel = (typeof orderChannels)[number];
export const orderStatuses = ["draft", "confirmed", "completed", "cancelled"] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const vatTreatments = ["standard", "reverse_charge"] as const;
export type VatTreatment = (typeof vatTreatments)[number];

/**
 * The billing entity's personal fields, encrypted under the orders purpose. Nullable: 7 years
 * after completion they are anonymised and the amounts stay for the books' statistics.
 */
function billingColumns() {
  return {
    emailCiphertext: text("email_ciphertext"),
    nameCiphertext: text("name_ciphertext"),
    companyCiphertext: text("company_ciphertext"),
    vatNumberCiphertext: text("vat_number_ciphertext"),
    /** Street, postal code and city as one JSON text; the country stays readable for VAT. */
    addressCiphertext: text("address_ciphertext"),
    billingCountry: text("billing_country").notNull(),
  };
}

/** An order from the web shop, the phone or the counter, in any state. */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    /** Shown to the customer and staff, e.g. B-7K3Q9X; not a secret. */
    number: text("number").notNull().unique(),
    channel: text("channel", { enum: orderChannels }).notNull(),
    status: text("status", { enum: orderStatuses }).notNull(),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    /** The web shop's own key for the order, so a retried POST creates it once. */
    idempotencyKey: text("idempotency_key").unique(),
    locale: text("locale").notNull(),
    ...billingColumns(),
    vatTreatment: text("vat_treatment", { enum: vatTreatments }).notNull(),
    netCents: integer("net_cents").notNull(),
    vatCents: integer("vat_cents").notNull(),
    grossCents: integer("gross_cents").notNull(),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    confirmedAt: at("confirmed_at"),
    completedAt: at("completed_at"),
    cancelledAt: at("cancelled_at"),
  },
  (table) => [
    ...retentionIndexes("orders", table),
    index("orders_status_idx").on(table.status, table.createdAt),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantityMilli: integer("quantity_milli").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    vatRate: integer("vat_rate").notNull(),
    netCents: integer("net_cents").notNull(),
  },
  (table) => [unique("order_lines_position_key").on(table.orderId, table.position)],
);

export const invoiceKinds = ["invoice", "credit_note"] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/**
 * An issued invoice or credit note: never edited. Its billing data is a copy, so the invoice
 * stays what was sent even if the order's customer moves; a correction is a credit note.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: invoiceKinds }).notNull(),
    /** 2026-000123, or CN-2026-000004 for a credit note: gapless per series and year. */
    number: text("number").notNull().unique(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    /** The invoice a credit note corrects. */
    creditsInvoiceId: uuid("credits_invoice_id"),
    structuredCommunication: text("structured_communication").notNull(),
    locale: text("locale").notNull(),
    ...billingColumns(),
    vatTreatment: text("vat_treatment", { enum: vatTreatments }).notNull(),
    netCents: integer("net_cents").notNull(),
    vatCents: integer("vat_cents").notNull(),
    grossCents: integer("gross_cents").notNull(),
    issuedAt: at("issued_at").notNull(),
    dueAt: at("due_at").notNull(),
    /** The outbox row that mailed it. */
    mailId: uuid("mail_id"),
  },
  (table) => [
    ...retentionIndexes("invoices", table),
    unique("invoices_kind_year_sequence_key").on(table.kind, table.year, table.sequence),
    index("invoices_order_idx").on(table.orderId),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantityMilli: integer("quantity_milli").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    vatRate: integer("vat_rate").notNull(),
    netCents: integer("net_cents").notNull(),
  },
  (table) => [unique("invoice_lines_position_key").on(table.invoiceId, table.position)],
);

/**
 * The last number taken per series and year. Taking one updates this row inside the issuing
 * transaction: a second issuer waits for the commit, and a rollback returns the number.
 */
export const invoiceCounters = pgTable(
  "invoice_counters",
  {
    kind: text("kind", { enum: invoiceKinds }).notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.year] })],
);
