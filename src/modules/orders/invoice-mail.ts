import type { Db } from "../../core/db/database.ts";
import { type Locale, translator } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { readInvoice } from "./invoice-view.ts";
import { formatEuro } from "./money.ts";
import type { OrdersDeps } from "./orders-deps.ts";

/**
 * Queues the invoice mail to the billing address in the invoice's language, in the issuing
 * transaction: the mail exists exactly when the invoice does.
 */
export async function enqueueInvoiceMail(
  tx: Db,
  deps: OrdersDeps,
  invoiceId: string,
): Promise<string | null> {
  const invoice = await readInvoice({ db: tx, vault: deps.vault }, invoiceId);
  if (!invoice?.billing) return null;
  const locale: Locale = invoice.locale;
  const t = translator(locale);
  const organisation = deps.policy().organisation.name;
  const params = {
    number: invoice.number,
    organisation,
    name: invoice.billing.name,
    amount: formatEuro(invoice.grossCents, locale),
    due: invoice.dueAt.toISOString().slice(0, 10),
    communication: invoice.structuredCommunication,
  };
  return enqueueMail(tx, {
    clock: deps.clock,
    config: deps.config,
    mail: {
      purpose: invoice.kind === "invoice" ? "orders.invoice" : "orders.credit_note",
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
    },
  });
}
