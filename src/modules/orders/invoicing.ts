import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { type AuditActor, appendAudit, lockAuditHead } from "../../audit/index.ts";
import type { Db } from "../../core/db/database.ts";
import { publishAnchorEvent, retentionFor } from "../../datamap/index.ts";
import { type Billing, openBilling, sealBilling } from "./billing-fields.ts";
import { enqueueInvoiceMail } from "./invoice-mail.ts";
import { takeInvoiceNumber } from "./invoice-number.ts";
import { invoiceRecordType, orderRecordType } from "./orders.records.ts";
import {
  type InvoiceKind,
  invoiceLines,
  invoices,
  orderLines,
  orders,
  type VatTreatment,
} from "./orders.tables.ts";
import type { OrdersDeps } from "./orders-deps.ts";
import { invoiceCommunication } from "./structured-communication.ts";

const paymentTermDays = 30;
const day = 24 * 60 * 60 * 1000;

/** The calendar year in Belgium: an invoice issued at 00:30 on 1 January belongs to the new year. */
export function belgianYear(at: Date): number {
  return Number(
    new Intl.DateTimeFormat("en", { timeZone: "Europe/Brussels", year: "numeric" }).format(at),
  );
}

export type CompleteOutcome =
  | { status: "completed"; invoiceId: string; number: string }
  | { status: "not_found" | "wrong_status" | "erased" };

/**
 * Completes an order and issues its invoice in one transaction: the next gapless number, a
 * structured communication, a copy of the billing data, the lines; `order.completed` starts the
 * 7-year clock; the invoice is mailed through the outbox. A failure anywhere takes nothing.
 */
export async function completeOrder(
  deps: OrdersDeps,
  input: { orderId: string; actor: AuditActor },
): Promise<CompleteOutcome> {
  return deps.db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for("update");
    if (!order) return { status: "not_found" };
    if (order.status !== "draft" && order.status !== "confirmed") return { status: "wrong_status" };
    if (!order.subjectId) return { status: "erased" };
    const subjectId = order.subjectId;
    const billing = await openBilling(
      { vault: deps.vault, db: tx, subjectId, table: "orders", recordId: order.id },
      order,
    );
    if (!billing) return { status: "erased" };
    const now = deps.clock.now();
    await tx
      .update(orders)
      .set({ status: "completed", completedAt: now, updatedAt: now })
      .where(eq(orders.id, order.id));
    await publishAnchorEvent(
      tx,
      { dataMap: deps.dataMap, clock: deps.clock },
      { event: "order.completed", subjectId, key: order.id },
    );
    const lines = await tx
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.position));
    const invoice = await issue(tx, deps, {
      kind: "invoice",
      orderId: order.id,
      subjectId,
      billing,
      locale: order.locale,
      vatTreatment: order.vatTreatment,
      totals: order,
      lines,
      creditsInvoiceId: null,
    });
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: input.actor,
        action: "orders.completed",
        subjectId,
        recordType: orderRecordType.id,
        recordId: order.id,
        purpose: "orders",
        details: { invoice: invoice.number },
      },
    });
    return { status: "completed", invoiceId: invoice.id, number: invoice.number };
  });
}

export type CreditOutcome =
  | { status: "issued"; creditNoteId: string; number: string }
  | { status: "not_found" | "not_an_invoice" | "already_credited" | "erased" };

/**
 * Corrects an issued invoice the only lawful way: a credit note for the whole of it, with its own
 * gapless number. The invoice itself is never edited; a new invoice follows if needed.
 */
export async function issueCreditNote(
  deps: OrdersDeps,
  input: { invoiceId: string; actor: AuditActor },
): Promise<CreditOutcome> {
  return deps.db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(eq(invoices.id, input.invoiceId))
      .for("update");
    if (!invoice) return { status: "not_found" };
    if (invoice.kind !== "invoice") return { status: "not_an_invoice" };
    const [earlier] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(eq(invoices.creditsInvoiceId, invoice.id));
    if (earlier) return { status: "already_credited" };
    if (!invoice.subjectId) return { status: "erased" };
    const billing = await openBilling(
      {
        vault: deps.vault,
        db: tx,
        subjectId: invoice.subjectId,
        table: "invoices",
        recordId: invoice.id,
      },
      invoice,
    );
    if (!billing) return { status: "erased" };
    const lines = await tx
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice.id))
      .orderBy(asc(invoiceLines.position));
    const credit = await issue(tx, deps, {
      kind: "credit_note",
      orderId: invoice.orderId,
      subjectId: invoice.subjectId,
      billing,
      locale: invoice.locale,
      vatTreatment: invoice.vatTreatment,
      totals: invoice,
      lines,
      creditsInvoiceId: invoice.id,
    });
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: input.actor,
        action: "orders.credit_note_issued",
        subjectId: invoice.subjectId,
        recordType: invoiceRecordType.id,
        recordId: credit.id,
        purpose: "orders",
        details: { credits: invoice.number, number: credit.number },
      },
    });
    return { status: "issued", creditNoteId: credit.id, number: credit.number };
  });
}

interface IssueInput {
  kind: InvoiceKind;
  orderId: string;
  subjectId: string;
  billing: Billing;
  locale: string;
  vatTreatment: VatTreatment;
  totals: { netCents: number; vatCents: number; grossCents: number };
  lines: readonly {
    description: string;
    quantityMilli: number;
    unitPriceCents: number;
    vatRate: number;
    netCents: number;
  }[];
  creditsInvoiceId: string | null;
}

async function issue(tx: Db, deps: OrdersDeps, input: IssueInput) {
  const issuedAt = deps.clock.now();
  const year = belgianYear(issuedAt);
  // Head before counter, always: placing a completed order holds the head from its first audit
  // entry, so a completion that took the counter first and then waited for the head would
  // deadlock with it (found with two processes, a web shop and a clerk at once).
  await lockAuditHead(tx);
  const taken = await takeInvoiceNumber(tx, input.kind, year);
  const id = randomUUID();
  await tx.insert(invoices).values({
    id,
    subjectId: input.subjectId,
    ...(await retentionFor(tx, deps.dataMap, invoiceRecordType, {
      subjectId: input.subjectId,
      key: input.orderId,
    })),
    orderId: input.orderId,
    kind: input.kind,
    number: taken.number,
    year,
    sequence: taken.sequence,
    creditsInvoiceId: input.creditsInvoiceId,
    structuredCommunication: invoiceCommunication(input.kind, year, taken.sequence),
    locale: input.locale,
    ...(await sealBilling(
      { vault: deps.vault, db: tx, subjectId: input.subjectId, table: "invoices", recordId: id },
      input.billing,
    )),
    vatTreatment: input.vatTreatment,
    netCents: input.totals.netCents,
    vatCents: input.totals.vatCents,
    grossCents: input.totals.grossCents,
    issuedAt,
    dueAt: new Date(issuedAt.getTime() + paymentTermDays * day),
  });
  await tx.insert(invoiceLines).values(
    input.lines.map((line, position) => ({
      invoiceId: id,
      position,
      description: line.description,
      quantityMilli: line.quantityMilli,
      unitPriceCents: line.unitPriceCents,
      vatRate: line.vatRate,
      netCents: line.netCents,
    })),
  );
  const mailId = await enqueueInvoiceMail(tx, deps, id);
  await tx.update(invoices).set({ mailId }).where(eq(invoices.id, id));
  return { id, number: taken.number };
}
