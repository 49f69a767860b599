import { asc, eq } from "drizzle-orm";
import { type Billing, openBilling } from "./billing-fields.ts";
import { computeTotals, type VatGroup, type VatRate } from "./money.ts";
import { type InvoiceKind, invoiceLines, invoices, type VatTreatment } from "./orders.tables.ts";
import type { OrdersDeps } from "./orders-deps.ts";

export interface InvoiceLineView {
  description: string;
  quantityMilli: number;
  unitPriceCents: number;
  vatRate: number;
  netCents: number;
}

export interface InvoiceView {
  id: string;
  orderId: string;
  kind: InvoiceKind;
  number: string;
  /** The invoice a credit note corrects. */
  creditsNumber: string | null;
  structuredCommunication: string;
  locale: "nl" | "en" | "fr";
  /** The person billed; null once the invoice was anonymised. */
  subjectId: string | null;
  billing: Billing | undefined;
  vatTreatment: VatTreatment;
  lines: InvoiceLineView[];
  vat: VatGroup[];
  netCents: number;
  vatCents: number;
  grossCents: number;
  issuedAt: Date;
  dueAt: Date;
}

/** An issued invoice with everything its PDF, its UBL file and its page show. */
export async function readInvoice(
  deps: Pick<OrdersDeps, "db" | "vault">,
  invoiceId: string,
): Promise<InvoiceView | undefined> {
  const [row] = await deps.db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) return undefined;
  const lines = await deps.db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));
  const credited = row.creditsInvoiceId
    ? (
        await deps.db
          .select({ number: invoices.number })
          .from(invoices)
          .where(eq(invoices.id, row.creditsInvoiceId))
      )[0]
    : undefined;
  const totals = computeTotals(
    lines.map((line) => ({ ...line, vatRate: line.vatRate as VatRate })),
    row.vatTreatment === "reverse_charge",
  );
  return {
    id: row.id,
    orderId: row.orderId,
    kind: row.kind,
    number: row.number,
    creditsNumber: credited?.number ?? null,
    structuredCommunication: row.structuredCommunication,
    locale: row.locale as InvoiceView["locale"],
    subjectId: row.subjectId,
    billing: row.subjectId
      ? await openBilling(
          {
            vault: deps.vault,
            db: deps.db,
            subjectId: row.subjectId,
            table: "invoices",
            recordId: row.id,
          },
          row,
        )
      : undefined,
    vatTreatment: row.vatTreatment,
    lines,
    vat: totals.vat,
    netCents: row.netCents,
    vatCents: row.vatCents,
    grossCents: row.grossCents,
    issuedAt: row.issuedAt,
    dueAt: row.dueAt,
  };
}
