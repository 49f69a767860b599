import type { ordersNl } from "./orders.nl.ts";

export const ordersEn: Record<keyof typeof ordersNl, string> = {
  "orders.mail.invoice.subject": "Invoice {number} from {organisation}",
  "orders.mail.invoice.body":
    "Hello {name},\n\nPlease find invoice {number} from {organisation}, for an amount of {amount}.\n\nPlease pay before {due} with the structured communication {communication}.\n\nKind regards,\n{organisation}",
  "orders.mail.credit.subject": "Credit note {number} from {organisation}",
  "orders.mail.credit.body":
    "Hello {name},\n\nPlease find credit note {number} from {organisation}, for an amount of {amount}. It corrects an earlier invoice; there is nothing to pay.\n\nKind regards,\n{organisation}",
};
