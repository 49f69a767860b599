import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import { completeOrder } from "./invoicing.ts";
import { changeOrderStatus, createOrder, type NewOrder } from "./orders.service.ts";
import { invoices, type OrderStatus, orders } from "./orders.tables.ts";
import type { OrdersDeps } from "./orders-deps.ts";

/** Where a channel may put a new order at once: a web shop's order is usually paid already. */
export const placedStatuses = ["draft", "confirmed", "completed"] as const;
export type PlacedStatus = (typeof placedStatuses)[number];

export interface PlacedOrder {
  id: string;
  number: string;
  /** True when the idempotency key had been used: nothing was created or changed. */
  replayed: boolean;
  status: OrderStatus;
  invoiceNumber: string | undefined;
}

/**
 * Creates an order and takes it to the status asked for (confirmed, or completed with its
 * invoice) in one transaction: a failure on the way leaves no half-placed order behind for a
 * retry to find. On `deps.db` being a transaction already (the CSV import), this is a savepoint.
 * A replay changes nothing and answers with the order as it is now.
 */
export async function placeOrder(
  deps: OrdersDeps,
  input: NewOrder & { status: PlacedStatus },
): Promise<PlacedOrder> {
  const { status, ...order } = input;
  return deps.db.transaction(async (tx) => {
    const scoped: OrdersDeps = { ...deps, db: tx };
    const created = await createOrder(scoped, order);
    if (!created.replayed && status !== "draft") {
      const confirmed = await changeOrderStatus(scoped, {
        orderId: created.id,
        change: "confirm",
        actor: input.actor,
      });
      if (!confirmed) throw new Error("a new order could not be confirmed");
      if (status === "completed") {
        const done = await completeOrder(scoped, { orderId: created.id, actor: input.actor });
        if (done.status !== "completed") {
          throw new Error(`a new order could not be completed: ${done.status}`);
        }
      }
    }
    return { ...created, ...(await orderState(tx, created.id)) };
  });
}

/** The order's status and its latest invoice's number, as the web shop is told. */
export async function orderState(
  db: Db,
  orderId: string,
): Promise<{ status: OrderStatus; invoiceNumber: string | undefined }> {
  const [order] = await db
    .select({ status: orders.status })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) throw new Error("the order just placed is gone");
  const [invoice] = await db
    .select({ number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.kind, "invoice")))
    .orderBy(desc(invoices.issuedAt), desc(invoices.sequence))
    .limit(1);
  return { status: order.status, invoiceNumber: invoice?.number };
}
