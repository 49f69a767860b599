import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import { newShortReference } from "../../core/short-reference.ts";
import { publishAnchorEvent, retentionFor } from "../../datamap/index.ts";
import { findCustomer } from "../customers/index.ts";
import { type Billing, billingFrom, openBilling, sealBilling } from "./billing-fields.ts";
import { computeTotals, type LineInput, type VatRate } from "./money.ts";
import { orderRecordType } from "./orders.records.ts";
import type { OrderRequest } from "./orders.schema.ts";
import {
  type OrderChannel,
  type OrderStatus,
  orderLines,
  orders,
  type VatTreatment,
} from "./orders.tables.ts";
import type { OrdersDeps } from "./orders-deps.ts";
import { checkVatNumber, type VatProblem } from "./vat-number.ts";

export type OrderProblem =
  | { field: "billing.vatNumber"; code: VatProblem }
  | { field: "customerNumber"; code: "unknown" };

/** Input that passed the schema but not the business rules; the message says what to fix. */
export class OrderInputError extends Error {
  override name = "OrderInputError";
  constructor(readonly problems: OrderProblem[]) {
    super(`the order was refused: ${problems.map((problem) => problem.field).join(", ")}`);
  }
}

export interface NewOrder {
  channel: OrderChannel;
  request: OrderRequest;
  locale: "nl" | "en" | "fr";
  idempotencyKey?: string | undefined;
  actor: AuditActor;
}

/**
 * Intra-EU B2B with a valid VAT number of another member state: the customer accounts for the
 * VAT (reverse charge, art. 196 of the VAT Directive); a Belgian or private customer pays ours.
 */
export function vatTreatmentFor(
  vatCountry: string | null,
  organisationCountry: string,
): VatTreatment {
  return vatCountry && vatCountry !== organisationCountry ? "reverse_charge" : "standard";
}

/**
 * Creates a draft order from any channel. A web shop's retry with the same idempotency key gets
 * the order it created the first time.
 */
export async function createOrder(
  deps: OrdersDeps,
  input: NewOrder,
): Promise<{ id: string; number: string; replayed: boolean }> {
  if (input.idempotencyKey) {
    const [existing] = await deps.db
      .select({ id: orders.id, number: orders.number })
      .from(orders)
      .where(eq(orders.idempotencyKey, input.idempotencyKey));
    if (existing) return { ...existing, replayed: true };
  }
  const { request } = input;
  const problems: OrderProblem[] = [];
  const vat = request.billing.vatNumber ? checkVatNumber(request.billing.vatNumber) : undefined;
  if (vat && !vat.ok) problems.push({ field: "billing.vatNumber", code: vat.problem });
  const customer = request.customerNumber
    ? await findCustomer(deps.db, { number: request.customerNumber })
    : undefined;
  if (request.customerNumber && !customer) {
    problems.push({ field: "customerNumber", code: "unknown" });
  }
  if (problems.length > 0) throw new OrderInputError(problems);
  const vatNumber = vat?.ok ? vat.number : null;
  const treatment = vatTreatmentFor(
    vat?.ok ? vat.country : null,
    deps.policy().organisation.address.country,
  );
  const lines: LineInput[] = request.lines.map((line) => ({
    description: line.description,
    quantityMilli: line.quantity,
    unitPriceCents: line.unitPrice,
    vatRate: line.vatRate as VatRate,
  }));
  const totals = computeTotals(lines, treatment === "reverse_charge");
  const billing = billingFrom(request.billing, vatNumber);
  return deps.db.transaction(async (tx) => {
    const { subjectId } = await deps.vault.ensureSubject(tx, {
      email: billing.email,
      name: billing.name,
    });
    const id = randomUUID();
    const now = deps.clock.now();
    const number = newShortReference("B");
    const inserted = await tx
      .insert(orders)
      .values({
        id,
        subjectId,
        ...(await retentionFor(tx, deps.dataMap, orderRecordType, { subjectId, key: id })),
        number,
        channel: input.channel,
        status: "draft",
        customerId: customer?.id ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
        locale: input.locale,
        ...(await sealBilling(
          { vault: deps.vault, db: tx, subjectId, table: "orders", recordId: id },
          billing,
        )),
        vatTreatment: treatment,
        netCents: totals.netCents,
        vatCents: totals.vatCents,
        grossCents: totals.grossCents,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: orders.idempotencyKey })
      .returning({ id: orders.id });
    if (inserted.length === 0) {
      // A concurrent retry with the same key won: answer with its order. (Our subject row, if
      // new, is left without records; the retention sweep forgets such people.)
      const [winner] = await tx
        .select({ id: orders.id, number: orders.number })
        .from(orders)
        .where(eq(orders.idempotencyKey, input.idempotencyKey ?? ""));
      if (!winner) throw new Error("an order with this idempotency key vanished");
      return { ...winner, replayed: true };
    }
    await tx
      .insert(orderLines)
      .values(totals.lines.map((line, position) => ({ orderId: id, position, ...line })));
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: input.actor,
        action: "orders.created",
        subjectId,
        recordType: orderRecordType.id,
        recordId: id,
        purpose: "orders",
        details: { channel: input.channel, lines: lines.length },
      },
    });
    return { id, number, replayed: false };
  });
}

const transitions: Record<"confirm" | "cancel", { from: OrderStatus[]; to: OrderStatus }> = {
  confirm: { from: ["draft"], to: "confirmed" },
  cancel: { from: ["draft", "confirmed"], to: "cancelled" },
};

/**
 * Confirms a draft, or cancels an order not yet completed. A cancelled order's handling is over,
 * so its 7-year clock starts like a completed one's: the books keep cancelled orders too.
 */
export async function changeOrderStatus(
  deps: OrdersDeps,
  input: { orderId: string; change: "confirm" | "cancel"; actor: AuditActor },
): Promise<boolean> {
  const { from, to } = transitions[input.change];
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .update(orders)
      .set({
        status: to,
        updatedAt: now,
        ...(to === "confirmed" ? { confirmedAt: now } : { cancelledAt: now }),
      })
      .where(and(eq(orders.id, input.orderId), inArray(orders.status, from)))
      .returning({ subjectId: orders.subjectId });
    if (!row?.subjectId) return false;
    if (to === "cancelled") {
      await publishAnchorEvent(
        tx,
        { dataMap: deps.dataMap, clock: deps.clock },
        { event: "order.completed", subjectId: row.subjectId, key: input.orderId },
      );
    }
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: input.actor,
        action: `orders.${to}`,
        subjectId: row.subjectId,
        recordType: orderRecordType.id,
        recordId: input.orderId,
        purpose: "orders",
      },
    });
    return true;
  });
}

export interface OrderLineView {
  position: number;
  description: string;
  quantityMilli: number;
  unitPriceCents: number;
  vatRate: number;
  netCents: number;
}

export interface OrderView {
  id: string;
  subjectId: string | null;
  number: string;
  channel: OrderChannel;
  status: OrderStatus;
  locale: "nl" | "en" | "fr";
  customerId: string | null;
  /** Undefined once anonymised. */
  billing: Billing | undefined;
  vatTreatment: VatTreatment;
  netCents: number;
  vatCents: number;
  grossCents: number;
  lines: OrderLineView[];
  createdAt: Date;
  completedAt: Date | null;
  retainUntil: Date | null;
}

export async function readOrder(
  deps: Pick<OrdersDeps, "db" | "vault">,
  orderId: string,
): Promise<OrderView | undefined> {
  const [row] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!row) return undefined;
  const lines = await deps.db
    .select({
      position: orderLines.position,
      description: orderLines.description,
      quantityMilli: orderLines.quantityMilli,
      unitPriceCents: orderLines.unitPriceCents,
      vatRate: orderLines.vatRate,
      netCents: orderLines.netCents,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
  return {
    id: row.id,
    subjectId: row.subjectId,
    number: row.number,
    channel: row.channel,
    status: row.status,
    locale: row.locale as OrderView["locale"],
    customerId: row.customerId,
    billing: row.subjectId
      ? await openBilling(
          {
            vault: deps.vault,
            db: deps.db,
            subjectId: row.subjectId,
            table: "orders",
            recordId: row.id,
          },
          row,
        )
      : undefined,
    vatTreatment: row.vatTreatment,
    netCents: row.netCents,
    vatCents: row.vatCents,
    grossCents: row.grossCents,
    lines,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    retainUntil: row.retainUntil,
  };
}
