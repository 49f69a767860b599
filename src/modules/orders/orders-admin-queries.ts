import { and, asc, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import { recordStaffRead } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import type { KeysetCursor } from "../../core/keyset-cursor.ts";
import type { RetentionReason } from "../../datamap/index.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import { orderRecordType } from "./orders.records.ts";
import { type InvoiceKind, invoices, type OrderStatus, orders } from "./orders.tables.ts";

export const orderPageSize = 50;

/** What staff filter the order list by; searches are exact, never a LIKE on plaintext. */
export interface OrderListFilter {
  status?: OrderStatus | undefined;
  /** The billing e-mail address, found through the vault's blind index. */
  email?: string | undefined;
  /** An order number (B-7K3Q9X) or the number of one of its invoices or credit notes. */
  number?: string | undefined;
  after?: KeysetCursor | undefined;
}

export interface OrderListLine {
  id: string;
  subjectId: string | null;
  number: string;
  status: OrderStatus;
  createdAt: Date;
  grossCents: number;
  /** Null once anonymised or shredded. */
  name: string | null;
  company: string | null;
}

type ReadDeps = { db: Db; vault: Vault };

/**
 * Orders, newest first, one page at a time (keyset on created_at, id), with the billing name
 * and company decrypted. Reads only; the caller audits what it shows.
 */
export async function listOrders(
  deps: ReadDeps,
  filter: OrderListFilter,
  limit = orderPageSize,
): Promise<{ lines: OrderListLine[]; next: KeysetCursor | null }> {
  const conditions: (SQL | undefined)[] = [];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.number) {
    const number = filter.number.trim().toUpperCase();
    const invoiced = deps.db
      .select({ orderId: invoices.orderId })
      .from(invoices)
      .where(eq(invoices.number, number));
    conditions.push(or(eq(orders.number, number), inArray(orders.id, invoiced)));
  }
  if (filter.email) {
    const subjectId = await deps.vault.findSubject(deps.db, { email: filter.email });
    if (!subjectId) return { lines: [], next: null };
    conditions.push(eq(orders.subjectId, subjectId));
  }
  if (filter.after) {
    conditions.push(
      or(
        lt(orders.createdAt, filter.after.createdAt),
        and(eq(orders.createdAt, filter.after.createdAt), lt(orders.id, filter.after.id)),
      ),
    );
  }
  const rows = await deps.db
    .select({
      id: orders.id,
      subjectId: orders.subjectId,
      number: orders.number,
      status: orders.status,
      createdAt: orders.createdAt,
      grossCents: orders.grossCents,
      nameCiphertext: orders.nameCiphertext,
      companyCiphertext: orders.companyCiphertext,
    })
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  await deps.vault.preloadKeys(
    deps.db,
    "orders",
    page.flatMap((row) => (row.subjectId ? [row.subjectId] : [])),
  );
  const lines: OrderListLine[] = [];
  for (const row of page) {
    const open = async (column: string, ciphertext: string | null) => {
      if (!row.subjectId || !ciphertext) return null;
      const value = await deps.vault.decryptField(deps.db, {
        subjectId: row.subjectId,
        purpose: "orders",
        table: "orders",
        column,
        recordId: row.id,
        ciphertext,
      });
      return isErased(value) ? null : value;
    };
    lines.push({
      id: row.id,
      subjectId: row.subjectId,
      number: row.number,
      status: row.status,
      createdAt: row.createdAt,
      grossCents: row.grossCents,
      name: await open("name_ciphertext", row.nameCiphertext),
      company: await open("company_ciphertext", row.companyCiphertext),
    });
  }
  const last = page.at(-1);
  return {
    lines,
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** One `subject.read` per order shown, in one transaction, before the page is sent. */
export async function auditOrderReads(
  deps: { db: Db; clock: Clock },
  staffId: string,
  shown: readonly { id: string; subjectId: string | null }[],
): Promise<void> {
  const read = shown.filter(
    (order): order is { id: string; subjectId: string } => order.subjectId !== null,
  );
  if (read.length === 0) return;
  await deps.db.transaction(async (tx) => {
    for (const order of read) {
      await recordStaffRead(tx, deps.clock, {
        staffId,
        subjectId: order.subjectId,
        recordType: orderRecordType.id,
        recordId: order.id,
        purpose: "orders",
      });
    }
  });
}

export interface OrderInvoiceLine {
  id: string;
  kind: InvoiceKind;
  number: string;
  grossCents: number;
  issuedAt: Date;
  /** For a credit note: the invoice it corrects. */
  creditsInvoiceId: string | null;
  /** For an invoice: the credit note that corrects it, if any. */
  creditedBy: string | null;
}

/** An order's invoices and credit notes, oldest first; numbers and amounts only. */
export async function invoicesOfOrder(db: Db, orderId: string): Promise<OrderInvoiceLine[]> {
  const rows = await db
    .select({
      id: invoices.id,
      kind: invoices.kind,
      number: invoices.number,
      grossCents: invoices.grossCents,
      issuedAt: invoices.issuedAt,
      creditsInvoiceId: invoices.creditsInvoiceId,
    })
    .from(invoices)
    .where(eq(invoices.orderId, orderId))
    .orderBy(asc(invoices.issuedAt), asc(invoices.kind), asc(invoices.sequence));
  return rows.map((row) => ({
    ...row,
    creditedBy:
      rows.find((other) => other.creditsInvoiceId === row.id && other.kind === "credit_note")
        ?.number ?? null,
  }));
}

/** Why the order is still held, as the retention engine wrote it. */
export async function orderRetentionReason(
  db: Db,
  orderId: string,
): Promise<RetentionReason | undefined> {
  const [row] = await db
    .select({ reason: orders.retentionReason })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row?.reason;
}
