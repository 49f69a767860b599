import { defineRecordType, type RecordField } from "../../datamap/index.ts";
import { invoices, orders } from "./orders.tables.ts";

const billingFields: RecordField[] = [
  {
    column: "email_ciphertext",
    label: { nl: "e-mailadres", en: "e-mail address", fr: "adresse e-mail" },
    kind: "encrypted",
  },
  { column: "name_ciphertext", label: { nl: "naam", en: "name", fr: "nom" }, kind: "encrypted" },
  {
    column: "company_ciphertext",
    label: { nl: "bedrijfsnaam", en: "company name", fr: "nom de l'entreprise" },
    kind: "encrypted",
  },
  {
    column: "vat_number_ciphertext",
    label: { nl: "btw-nummer", en: "VAT number", fr: "numéro de TVA" },
    kind: "encrypted",
  },
  {
    column: "address_ciphertext",
    label: { nl: "factuuradres", en: "billing address", fr: "adresse de facturation" },
    kind: "encrypted",
  },
  {
    column: "billing_country",
    label: { nl: "land", en: "country", fr: "pays" },
    kind: "text",
  },
];
const amountFields: RecordField[] = [
  {
    column: "net_cents",
    label: {
      nl: "bedrag zonder btw (cent)",
      en: "amount excl. VAT (cents)",
      fr: "montant HTVA (cents)",
    },
    kind: "number",
  },
  {
    column: "gross_cents",
    label: {
      nl: "bedrag met btw (cent)",
      en: "amount incl. VAT (cents)",
      fr: "montant TVAC (cents)",
    },
    kind: "number",
  },
];
/** After 7 years the person goes; the amounts stay for the books' statistics. */
const anonymised = {
  method: "anonymise" as const,
  fields: [
    "email_ciphertext",
    "name_ciphertext",
    "company_ciphertext",
    "vat_number_ciphertext",
    "address_ciphertext",
  ],
};
const source = {
  nl: "jij of je bedrijf, bij de bestelling",
  en: "you or your company, when ordering",
  fr: "vous ou votre entreprise, lors de la commande",
};

/** Kept 7 years after the order is completed, because the law requires it. */
export const orderRecordType = defineRecordType({
  id: "orders.order",
  label: { nl: "bestelling", en: "order", fr: "commande" },
  purpose: "orders",
  table: orders,
  anchorKey: "id",
  source,
  fields: [
    { column: "number", label: { nl: "nummer", en: "number", fr: "numéro" }, kind: "text" },
    { column: "status", label: { nl: "status", en: "status", fr: "statut" }, kind: "text" },
    ...billingFields,
    ...amountFields,
    {
      column: "created_at",
      label: { nl: "geplaatst op", en: "placed on", fr: "passée le" },
      kind: "date",
    },
    {
      column: "completed_at",
      label: { nl: "afgerond op", en: "completed on", fr: "finalisée le" },
      kind: "date",
    },
  ],
  erasure: anonymised,
});

/** An invoice or credit note: the copy the law asks us to keep, 7 years from the order. */
export const invoiceRecordType = defineRecordType({
  id: "orders.invoice",
  label: {
    nl: "factuur of creditnota",
    en: "invoice or credit note",
    fr: "facture ou note de crédit",
  },
  purpose: "orders",
  table: invoices,
  anchorKey: "order_id",
  source,
  fields: [
    { column: "number", label: { nl: "nummer", en: "number", fr: "numéro" }, kind: "text" },
    { column: "kind", label: { nl: "soort", en: "kind", fr: "type" }, kind: "text" },
    ...billingFields,
    ...amountFields,
    {
      column: "issued_at",
      label: { nl: "uitgereikt op", en: "issued on", fr: "émise le" },
      kind: "date",
    },
  ],
  erasure: anonymised,
});
