import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { openProductTest } from "../../../test/helpers/product-test.ts";
import type { FakeClock } from "../../core/clock.ts";
import { type Database, queryRows } from "../../core/db/database.ts";
import { type DataMap, eraseSubject, sweepRetention } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import { takeInvoiceNumber } from "./invoice-number.ts";
import { readInvoice } from "./invoice-view.ts";
import { completeOrder, issueCreditNote } from "./invoicing.ts";
import { type OrderRequest, orderSchema } from "./orders.schema.ts";
import { changeOrderStatus, createOrder, OrderInputError, readOrder } from "./orders.service.ts";
import type { OrdersDeps } from "./orders-deps.ts";

const staff = { type: "staff", id: "00000000-0000-4000-8000-0000000000cc" } as const;

for (const kind of databaseKinds) {
  describe(`orders and invoices on ${kind} (statement: "Bij het afhandelen van bestellingen")`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    let policy: Policy;

    before(async () => {
      ({ database, vault, clock, dataMap } = await openProductTest(kind));
      ({ policy } = await loadActivePolicy(undefined));
    });
    after(() => database.close());

    const deps = (): OrdersDeps => ({
      db: database.db,
      vault,
      dataMap,
      clock,
      config: { MAIL_FROM: "facturen@wits.be", PUBLIC_URL: "https://privacy.example.be" },
      policy: () => policy,
    });
    const request = (billing: Partial<OrderRequest["billing"]> = {}): OrderRequest =>
      orderSchema.parse({
        billing: {
          email: "boekhouding@bakkerij.be",
          name: "Ilse Claes",
          company: "Bakkerij Claes BV",
          vatNumber: "BE0403019261",
          address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
          ...billing,
        },
        lines: [
          { description: "Laptop", quantity: "1", unitPrice: "999,99", vatRate: 21 },
          { description: "Installatie (uur)", quantity: "1,5", unitPrice: "60", vatRate: 21 },
        ],
      });
    const place = (overrides: Partial<OrderRequest["billing"]> = {}) =>
      createOrder(deps(), {
        channel: "backoffice",
        request: request(overrides),
        locale: "nl",
        actor: staff,
      });
    const orderRow = (id: string) =>
      queryRows<{
        retain_until: Date | string | null;
        name_ciphertext: string | null;
        gross_cents: number;
      }>(
        database.db,
        sql`select retain_until, name_ciphertext, gross_cents from orders where id = ${id}`,
      ).then((rows) => rows[0]);

    it("completes an order into invoice 1 of the year, with a structured communication, mailed, and starts the 7-year clock", async () => {
      clock.set("2026-03-02T10:00:00Z");
      const order = await place();
      assert.equal(
        await changeOrderStatus(deps(), { orderId: order.id, change: "confirm", actor: staff }),
        true,
      );
      const done = await completeOrder(deps(), { orderId: order.id, actor: staff });
      assert.equal(done.status, "completed");
      if (done.status !== "completed") return;
      assert.equal(done.number, "2026-000001");
      const invoice = await readInvoice(deps(), done.invoiceId);
      assert.equal(invoice?.structuredCommunication, "+++202/6000/00192+++");
      assert.equal(invoice?.grossCents, 131_889, "999.99 + 90.00 net, 21 % VAT");
      assert.deepEqual(invoice?.vat, [{ rate: 21, netCents: 108_999, vatCents: 22_890 }]);
      assert.equal(invoice?.billing?.company, "Bakkerij Claes BV");
      assert.equal(
        new Date((await orderRow(order.id))?.retain_until ?? 0).toISOString(),
        "2033-03-02T10:00:00.000Z",
      );
      const mails = await mailsOf({ db: database.db, vault }, "orders.invoice");
      assert.equal(mails.length, 1);
      assert.equal(mails[0]?.toAddress, "boekhouding@bakkerij.be");
      assert.match(mails[0]?.subject ?? "", /Factuur 2026-000001/);
      assert.match(mails[0]?.textBody ?? "", /\+\+\+202\/6000\/00192\+\+\+/);
      const [ordered] = await queryRows<{ subject_id: string | null }>(
        database.db,
        sql`select subject_id from orders where id = ${order.id}`,
      );
      assert.ok(ordered?.subject_id, "the order has its customer");
      assert.equal(mails[0]?.vaultPurpose, "orders", "sealed under the customer's orders key");
      assert.equal(mails[0]?.subjectId, ordered.subject_id);
      assert.equal(
        (await completeOrder(deps(), { orderId: order.id, actor: staff })).status,
        "wrong_status",
        "an order is invoiced once",
      );
    });

    it("numbers invoices without gaps under concurrency: 50 completions at once take 1..50 of a new year exactly once", async () => {
      clock.set("2030-01-01T00:30:00+01:00");
      const placed = [];
      for (let i = 0; i < 50; i++) placed.push(await place());
      const results = await Promise.all(
        placed.map((order) => completeOrder(deps(), { orderId: order.id, actor: staff })),
      );
      const numbers = results
        .map((result) => (result.status === "completed" ? result.number : result.status))
        .sort();
      assert.deepEqual(
        numbers,
        Array.from({ length: 50 }, (_, i) => `2030-${String(i + 1).padStart(6, "0")}`),
        "1 January 00:30 in Brussels is in the new year",
      );
    });

    it("gives a number back when the transaction that took it fails: no gap", async () => {
      clock.set("2031-06-01T10:00:00Z");
      const first = await completeOrder(deps(), { orderId: (await place()).id, actor: staff });
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await takeInvoiceNumber(tx, "invoice", 2031);
          throw new Error("the PDF could not be made");
        }),
        /PDF/,
      );
      const second = await completeOrder(deps(), { orderId: (await place()).id, actor: staff });
      assert.deepEqual(
        [first, second].map((result) => (result.status === "completed" ? result.number : "")),
        ["2031-000001", "2031-000002"],
      );
    });

    it("refuses a wrong VAT number with what is wrong, and stores nothing", async () => {
      const before = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from orders`,
      );
      await assert.rejects(place({ vatNumber: "BE0403019262" }), (error: unknown) => {
        assert.ok(error instanceof OrderInputError);
        assert.deepEqual(error.problems, [{ field: "billing.vatNumber", code: "checksum" }]);
        return true;
      });
      const after = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from orders`,
      );
      assert.equal(after[0]?.n, before[0]?.n);
    });

    it("applies reverse charge to a business in another member state with a valid VAT number", async () => {
      const order = await place({
        vatNumber: "DE136695976",
        address: { street: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE" },
      });
      const view = await readOrder(deps(), order.id);
      assert.equal(view?.vatTreatment, "reverse_charge");
      assert.equal(view?.vatCents, 0);
      assert.equal(view?.grossCents, view?.netCents);
      const belgian = await readOrder(deps(), (await place()).id);
      assert.equal(belgian?.vatTreatment, "standard");
    });

    it("creates a web shop's order once per idempotency key", async () => {
      const input = {
        channel: "web" as const,
        request: request(),
        locale: "fr" as const,
        actor: staff,
      };
      const first = await createOrder(deps(), { ...input, idempotencyKey: "shop-4711" });
      const again = await createOrder(deps(), { ...input, idempotencyKey: "shop-4711" });
      assert.equal(again.id, first.id);
      assert.equal(again.replayed, true);
    });

    it("corrects an invoice with a credit note of its own series; the invoice is never edited", async () => {
      clock.set("2026-04-01T10:00:00Z");
      const order = await place();
      const done = await completeOrder(deps(), { orderId: order.id, actor: staff });
      assert.equal(done.status, "completed");
      if (done.status !== "completed") return;
      const before = await readInvoice(deps(), done.invoiceId);
      const credit = await issueCreditNote(deps(), { invoiceId: done.invoiceId, actor: staff });
      assert.equal(credit.status, "issued");
      if (credit.status !== "issued") return;
      assert.equal(credit.number, "CN-2026-000001");
      const note = await readInvoice(deps(), credit.creditNoteId);
      assert.equal(note?.creditsNumber, done.number);
      assert.equal(note?.grossCents, before?.grossCents);
      assert.deepEqual(await readInvoice(deps(), done.invoiceId), before);
      assert.equal(
        (await issueCreditNote(deps(), { invoiceId: done.invoiceId, actor: staff })).status,
        "already_credited",
      );
    });

    it("keeps order and invoice data for 7 years after completion as the law requires, refuses erasure before with the reason and date, and anonymises exactly then", async () => {
      clock.set("2026-05-10T08:00:00Z");
      const order = await place({ email: "zeven.jaar@example.be" });
      const done = await completeOrder(deps(), { orderId: order.id, actor: staff });
      assert.equal(done.status, "completed");
      const view = await readOrder(deps(), order.id);
      const subjectId = view?.subjectId ?? "";
      clock.set("2027-01-01T08:00:00Z");
      const refused = await eraseSubject(deps(), { subjectId, actor: staff });
      const kept = refused.find((result) => result.recordType.id === "orders.order");
      assert.equal(kept?.kept, 1);
      assert.equal(kept?.keptBecause?.kind, "legal_obligation");
      if (kept?.keptBecause?.kind === "legal_obligation") {
        assert.equal(kept.keptBecause.until?.toISOString(), "2033-05-10T08:00:00.000Z");
      }
      assert.equal(kept?.restricted, true);

      clock.set("2033-05-09T08:00:00Z");
      await sweepRetention(deps());
      assert.ok((await orderRow(order.id))?.name_ciphertext, "a day before: still there");
      clock.set("2033-05-10T08:00:01Z");
      await sweepRetention(deps());
      const row = await orderRow(order.id);
      assert.equal(row?.name_ciphertext, null, "the person is gone");
      assert.equal(row?.gross_cents, 131_889, "the amounts stay for the books");
      const invoice =
        done.status === "completed" ? await readInvoice(deps(), done.invoiceId) : undefined;
      assert.equal(invoice?.billing, undefined);
      assert.equal(invoice?.number, done.status === "completed" ? done.number : "");
    });
  });
}
