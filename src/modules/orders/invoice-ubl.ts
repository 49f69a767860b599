import type { Policy } from "../../policy/index.ts";
import type { InvoiceView } from "./invoice-view.ts";

/** The invoice as UBL 2.1 XML following Peppol BIS Billing 3.0. */
export function renderInvoiceUbl(_invoice: InvoiceView, _policy: Policy): string {
  throw new Error("not built yet");
}
