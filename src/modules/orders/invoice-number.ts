import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/database.ts";
import type { InvoiceKind } from "./orders.tables.ts";

export interface InvoiceNumber {
  number: string;
  year: number;
  sequence: number;
}

/**
 * Takes the next number of a series in the caller's transaction. The counter row stays locked
 * until that transaction ends, so two processes never take the same number, and a transaction
 * that fails gives its number back: the series has no gaps.
 */
export async function takeInvoiceNumber(
  tx: Db,
  kind: InvoiceKind,
  year: number,
): Promise<InvoiceNumber> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`insert into invoice_counters (kind, year, last) values (${kind}, ${year}, 1)
        on conflict (kind, year) do update set last = invoice_counters.last + 1
        returning last`,
  );
  if (!row) throw new Error("taking an invoice number returned no row");
  const sequence = Number(row.last);
  const base = `${year}-${String(sequence).padStart(6, "0")}`;
  return { number: kind === "credit_note" ? `CN-${base}` : base, year, sequence };
}
