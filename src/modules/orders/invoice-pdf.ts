import type { Policy } from "../../policy/index.ts";
import type { InvoiceView } from "./invoice-view.ts";

/** The invoice as a PDF (pdfkit): organisation, customer, lines, VAT breakdown, payment. */
export async function renderInvoicePdf(_invoice: InvoiceView, _policy: Policy): Promise<Buffer> {
  throw new Error("not built yet");
}
