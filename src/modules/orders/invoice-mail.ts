import type { Db } from "../../core/db/database.ts";
import { type Locale, translator } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { invoicePdfFilename, renderInvoicePdf } from "./invoice-pdf.ts";
import { formatInvoiceDate } from "./invoice-pdf-format.ts";
import { readInvoice } from "./invoice-view.ts";
import { formatEuro } from "./money.ts";
import type { OrdersDeps } from "./orders-deps.ts";

/**
 * Queues the invoice mail to the billing address in the invoice's language, with the invoice as
 * a PDF attachment, in the issuing transaction: the mail exists exactly when the invoice does,
 * and a PDF that cannot be made fails the issue rather than leaving an invoice nobody received.
 */
export async function enqueueInvoiceMail(
  tx: Db,
  deps: OrdersDeps,
  invoiceId: string,
): Promise<string | null> {
  const invoice = await readInvoice({ db: tx, vault: deps.vault }, invoiceId);
  if (!invoice?.billing || !invoice.subjectId) return null;
  const locale: Locale = invoice.locale;
  const t = translator(locale);
  const policy = deps.policy();
  const organisation = policy.organisation.name;
  const params = {
    number: invoice.number,
    organisation,
    name: invoice.billing.name,
    amount: formatEuro(invoice.grossCents, locale),
    due: formatInvoiceDate(invoice.dueAt, locale),
    communication: invoice.structuredCommunication,
  };
  const pdf = deps.attachInvoicePdf === false ? undefined : await renderInvoicePdf(invoice, policy);
  return enqueueMail(tx, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: invoice.kind === "invoice" ? "orders.invoice" : "orders.credit_note",
      sealedUnder: { subjectId: invoice.subjectId, purpose: "orders" },
      locale,
      to: invoice.billing.email,
      subject: t(
        invoice.kind === "invoice" ? "orders.mail.invoice.subject" : "orders.mail.credit.subject",
        params,
      ),
      text: t(
        invoice.kind === "invoice" ? "orders.mail.invoice.body" : "orders.mail.credit.body",
        params,
      ),
      attachments: pdf
        ? [
            {
              filename: invoicePdfFilename(invoice),
              contentType: "application/pdf",
              contentBase64: pdf.toString("base64"),
            },
          ]
        : [],
    },
  });
}
