export type { Billing } from "./billing-fields.ts";
export { type InvoiceNumber, takeInvoiceNumber } from "./invoice-number.ts";
export { invoicePdfFilename, renderInvoicePdf } from "./invoice-pdf.ts";
export { renderInvoiceUbl } from "./invoice-ubl.ts";
export { type InvoiceLineView, type InvoiceView, readInvoice } from "./invoice-view.ts";
export {
  belgianYear,
  type CompleteOutcome,
  type CreditOutcome,
  completeOrder,
  issueCreditNote,
} from "./invoicing.ts";
export {
  computeTotals,
  formatEuro,
  type LineInput,
  lineNet,
  type Totals,
  type VatGroup,
  type VatRate,
  vatRates,
} from "./money.ts";
export { invoiceRecordType, orderRecordType } from "./orders.records.ts";
export { registerOrdersModule } from "./orders.routes.ts";
export {
  type BillingInput,
  billingSchema,
  lineSchema,
  type OrderRequest,
  orderSchema,
} from "./orders.schema.ts";
export {
  changeOrderStatus,
  createOrder,
  type NewOrder,
  OrderInputError,
  type OrderLineView,
  type OrderProblem,
  type OrderView,
  readOrder,
  vatTreatmentFor,
} from "./orders.service.ts";
export {
  type InvoiceKind,
  invoiceCounters,
  invoiceKinds,
  invoiceLines,
  invoices,
  type OrderChannel,
  type OrderStatus,
  orderChannels,
  orderLines,
  orderStatuses,
  orders,
  type VatTreatment,
  vatTreatments,
} from "./orders.tables.ts";
export { type CustomerOrder, ordersOfCustomer } from "./orders-by-customer.ts";
export type { OrdersDeps, OrdersModuleDeps } from "./orders-deps.ts";
export {
  invoiceCommunication,
  isStructuredCommunication,
  structuredCommunication,
} from "./structured-communication.ts";
export {
  checkVatNumber,
  normaliseVatNumber,
  type VatCheck,
  type VatProblem,
} from "./vat-number.ts";
