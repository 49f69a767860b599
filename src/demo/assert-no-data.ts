import { count } from "drizzle-orm";
import type { Db } from "../core/db/database.ts";
import { customers } from "../modules/customers/index.ts";
import { countStaff } from "../modules/staff/index.ts";

export class DemoRefusedError extends Error {
  override name = "DemoRefusedError";
}

/**
 * The demo fills an empty database only: mixed into real data, made-up customers would end up
 * in real exports, mailings and registers.
 */
export async function assertNoData(db: Db): Promise<void> {
  const staff = await countStaff(db);
  const [row] = await db.select({ n: count() }).from(customers);
  const customerCount = Number(row?.n ?? 0);
  if (staff === 0 && customerCount === 0) return;
  const found = [plural(staff, "staff account"), plural(customerCount, "customer")]
    .filter(Boolean)
    .join(" and ");
  throw new DemoRefusedError(
    `This database already holds data (${found}), and the demo only fills an empty one: use an empty DATA_DIR, e.g. DATA_DIR=./demo-data npx wits-privacy demo seed (with DATABASE_URL: an empty database)`,
  );
}

function plural(n: number, noun: string): string {
  if (n === 0) return "";
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
