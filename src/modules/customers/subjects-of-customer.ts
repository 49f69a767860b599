import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import { customerContacts, customers } from "./customers.tables.ts";

/**
 * The people who speak for a customer, by customer number: a rights request that quotes the
 * number suggests them to the privacy officer. Empty for an unknown number.
 */
export async function subjectsOfCustomer(
  deps: { db: Db },
  customerNumber: string,
): Promise<string[]> {
  const rows = await deps.db
    .selectDistinct({ subjectId: customerContacts.subjectId })
    .from(customerContacts)
    .innerJoin(customers, eq(customers.id, customerContacts.customerId))
    .where(
      and(
        eq(customers.number, customerNumber.trim().toUpperCase()),
        isNotNull(customerContacts.subjectId),
      ),
    );
  return rows.flatMap((row) => (row.subjectId ? [row.subjectId] : []));
}
