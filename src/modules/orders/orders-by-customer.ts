import { desc, eq } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import type { RetentionReason } from "../../datamap/index.ts";
import { type OrderStatus, orders } from "./orders.tables.ts";

/** An order as a customer's page lists it: number, status and total, no billing data. */
export interface CustomerOrder {
  id: string;
  subjectId: string | null;
  number: string;
  status: OrderStatus;
  grossCents: number;
  createdAt: Date;
  retainUntil: Date | null;
  retentionReason: RetentionReason;
}

/** The orders placed for a customer, newest first. */
export async function ordersOfCustomer(
  db: Db,
  customerId: string,
  limit = 200,
): Promise<CustomerOrder[]> {
  return db
    .select({
      id: orders.id,
      subjectId: orders.subjectId,
      number: orders.number,
      status: orders.status,
      grossCents: orders.grossCents,
      createdAt: orders.createdAt,
      retainUntil: orders.retainUntil,
      retentionReason: orders.retentionReason,
    })
    .from(orders)
    .where(eq(orders.customerId, customerId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}
