import { sql } from "drizzle-orm";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import { type Database, type DatabaseKind, queryRows } from "../src/core/db/database.ts";
import {
  completeOrder,
  createOrder,
  type OrdersDeps,
  orderSchema,
  takeInvoiceNumber,
} from "../src/modules/orders/index.ts";
import { loadActivePolicy } from "../src/policy/index.ts";
import { createDataMap } from "../src/record-types.ts";
import { openVault } from "../src/vault/index.ts";
import { openScratchDatabase } from "./scratch-database.ts";

const staff = { type: "staff", id: "00000000-0000-4000-8000-0000000000be" } as const;

async function ordersDeps(database: Database, attachPdf: boolean): Promise<OrdersDeps> {
  const { policy } = await loadActivePolicy(undefined);
  const config = loadConfig({ WITS_MASTER_KEY: Buffer.alloc(32, 7).toString("base64") });
  return {
    db: database.db,
    vault: await openVault({ db: database.db, config, clock: systemClock }),
    dataMap: createDataMap(() => policy),
    clock: systemClock,
    config: { MAIL_FROM: "facturen@wits.be", PUBLIC_URL: "https://privacy.example.be" },
    policy: () => policy,
    attachInvoicePdf: attachPdf,
  };
}

const request = (i: number) =>
  orderSchema.parse({
    billing: {
      email: `klant${i}@example.be`,
      name: `Klant ${i}`,
      company: `Bedrijf ${i} BV`,
      vatNumber: "BE0403019261",
      address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
    },
    lines: [
      { description: "Laptop", quantity: "1", unitPrice: "999,99", vatRate: 21 },
      { description: "Installatie (uur)", quantity: "1,5", unitPrice: "60", vatRate: 21 },
      { description: "Handleiding", quantity: "2", unitPrice: "12,30", vatRate: 6 },
    ],
  });

/** Runs `work(i)` for i in [0, total), `concurrency` at a time; returns per second. */
async function rate(total: number, concurrency: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/**
 * Complete-and-invoice: for each order, one transaction takes the next number, copies the
 * billing data, writes the invoice and queues its mail, with or without the PDF attachment.
 * Baseline: the bare counter (take a number, commit) under the same concurrency.
 */
export async function ordersBenchmark(kind: DatabaseKind, total: number) {
  const concurrency = kind === "postgres" ? 8 : 1;
  const database = await openScratchDatabase(kind);
  try {
    const result = { withPdf: 0, withoutPdf: 0 };
    for (const attachPdf of [true, false]) {
      const deps = await ordersDeps(database, attachPdf);
      const ids: string[] = [];
      for (let i = 0; i < total; i++) {
        ids.push(
          (
            await createOrder(deps, {
              channel: "web",
              request: request(i),
              locale: "nl",
              actor: staff,
            })
          ).id,
        );
      }
      result[attachPdf ? "withPdf" : "withoutPdf"] = await rate(total, concurrency, (i) =>
        completeOrder(deps, { orderId: ids[i] ?? "", actor: staff }),
      );
    }
    const numbers = await rate(total * 2, concurrency, () =>
      database.db.transaction((tx) => takeInvoiceNumber(tx, "invoice", 2099)),
    );
    const [gaps] = await queryRows<{ taken: number; distinct: number; last: number }>(
      database.db,
      sql`select count(*)::int as taken, count(distinct number)::int as distinct,
                 max(sequence)::int as last from invoices`,
    );
    return { kind, concurrency, ...result, numbers, invoices: gaps };
  } finally {
    await database.close();
  }
}

export async function printOrdersBenchmark(kinds: readonly DatabaseKind[], total: number) {
  process.stdout.write(
    `\ncomplete-and-invoice, ${total} orders each way (3 lines, Belgian customer), against the bare invoice counter\n`,
  );
  process.stdout.write(
    "| database | workers | with PDF /s | without PDF /s | bare counter /s | with PDF / counter | invoices, distinct numbers, last |\n|---|---|---|---|---|---|---|\n",
  );
  for (const kind of kinds) {
    const r = await ordersBenchmark(kind, total);
    process.stdout.write(
      `| ${kind} | ${r.concurrency} | ${r.withPdf.toFixed(0)} | ${r.withoutPdf.toFixed(0)} | ${r.numbers.toFixed(0)} | ${(r.withPdf / r.numbers).toFixed(3)} | ${r.invoices?.taken}, ${r.invoices?.distinct}, ${r.invoices?.last} |\n`,
    );
  }
}
