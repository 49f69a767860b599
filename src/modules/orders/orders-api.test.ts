import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { queryRows } from "../../core/db/database.ts";

const token = "shop-token-0123456789-abcdefghijklmnopqrstuvwxyz";

const order = (billing: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  billing: {
    email: "bestelling@bakkerij.be",
    name: "Ilse Claes",
    company: "Bakkerij Claes BV",
    vatNumber: "BE0403019261",
    address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
    ...billing,
  },
  lines: [
    { description: "Draadloze muis", quantity: 2, unitPrice: "19,99", vatRate: 21 },
    { description: "Installatie (uur)", quantity: "1,5", unitPrice: "60", vatRate: 21 },
  ],
  ...extra,
});

interface ErrorBody {
  error: { code: string; message: string; fields: { field: string; message: string }[] };
}

for (const kind of databaseKinds) {
  describe(`POST /api/orders on ${kind} (statement: "Bij het afhandelen van bestellingen", web shop)`, () => {
    let t: TestApp;

    const post = (
      payload: unknown,
      headers: Record<string, string> = {},
      authorization: string | null = `Bearer ${token}`,
    ) =>
      t.app.inject({
        method: "POST",
        url: "/api/orders",
        headers: {
          ...(authorization === null ? {} : { authorization }),
          "idempotency-key": "shop-order-1001",
          ...headers,
        },
        payload: payload as Record<string, unknown>,
      });
    const count = async (table: "orders" | "invoices") =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from ${sql.identifier(table)}`,
        )
      )[0]?.n ?? 0;

    before(async () => {
      t = await createTestApp(kind, { env: { ORDERS_API_TOKEN: token } });
      t.clock.set("2026-06-01T09:00:00Z");
    });
    after(() => t.close());

    it("answers 401 without the token or with a wrong one, and stores nothing", async () => {
      for (const authorization of [
        null,
        "Bearer",
        `Bearer ${token.slice(0, -1)}`,
        `Bearer ${token}x`,
        `Basic ${Buffer.from(`shop:${token}`).toString("base64")}`,
      ]) {
        const response = await post(order(), {}, authorization);
        assert.equal(response.statusCode, 401, String(authorization));
        assert.equal((response.json() as ErrorBody).error.code, "unauthorized");
        assert.match(String(response.headers["www-authenticate"]), /^Bearer/);
      }
      // Before the body is read: a caller without the token learns nothing of the rules.
      const invalid = await post({ billing: {} }, {}, "Bearer nope");
      assert.equal(invalid.statusCode, 401);
      assert.equal(await count("orders"), 0);
    });

    it("requires an Idempotency-Key", async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/orders",
        headers: { authorization: `Bearer ${token}`, "accept-language": "en" },
        payload: order(),
      });
      assert.equal(response.statusCode, 400);
      const body = response.json() as ErrorBody;
      assert.ok(body.error.fields.some((field) => field.field === "Idempotency-Key"));
      assert.equal(await count("orders"), 0);
    });

    it("creates a draft with 201, and a retry with the same key gets the same order with 200", async () => {
      const first = await post(order());
      assert.equal(first.statusCode, 201, first.body);
      const created = first.json() as { number: string; status: string; invoiceNumber?: string };
      assert.match(created.number, /^B-[2-9A-Z]{6}$/);
      assert.equal(created.status, "draft");
      assert.equal(created.invoiceNumber, undefined);
      const again = await post(order());
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), created);
      assert.equal(await count("orders"), 1);
      const [row] = await queryRows<{ channel: string; gross_cents: number }>(
        t.database.db,
        sql`select channel, gross_cents from orders`,
      );
      assert.equal(row?.channel, "web");
      assert.equal(row?.gross_cents, 15_728, "(2 × 19.99 + 1.5 × 60) × 1.21");
    });

    it("says per field what is wrong with a VAT number, in the language of the request", async () => {
      const expected = {
        nl: /billing\.vatNumber: de controlecijfers kloppen niet: wellicht een tikfout/,
        en: /billing\.vatNumber: the check digits do not match: probably a typo/,
        fr: /billing\.vatNumber : les chiffres de contrôle ne correspondent pas/,
      };
      for (const [language, message] of Object.entries(expected)) {
        const response = await post(order({ vatNumber: "BE0403019262" }), {
          "accept-language": language,
          "idempotency-key": `vat-${language}`,
        });
        assert.equal(response.statusCode, 400, response.body);
        const body = response.json() as ErrorBody;
        assert.equal(body.error.code, "validation");
        assert.deepEqual(
          body.error.fields.map((field) => field.field),
          ["billing.vatNumber"],
        );
        assert.match(body.error.fields[0]?.message ?? "", message);
      }
      const noCountry = await post(order({ vatNumber: "0403019261" }), {
        "accept-language": "en",
        "idempotency-key": "vat-country",
      });
      assert.match(noCountry.body, /does not start with the country code of an EU member state/);
      const format = await post(order({ vatNumber: "BE12345" }), {
        "accept-language": "en",
        "idempotency-key": "vat-format",
      });
      assert.match(format.body, /is not shaped like a VAT number of that country/);
      assert.equal(await count("orders"), 1, "nothing stored for a refused order");
    });

    it("names every field the schema refuses, in the request's language", async () => {
      const response = await post(
        {
          billing: { email: "geen-adres", name: "", address: { country: "Belgium" } },
          lines: [{ description: "Muis", quantity: "0", unitPrice: "1,999", vatRate: 7 }],
          status: "paid",
        },
        { "accept-language": "nl", "idempotency-key": "bad-fields" },
      );
      assert.equal(response.statusCode, 400);
      const fields = new Map(
        (response.json() as ErrorBody).error.fields.map((field) => [field.field, field.message]),
      );
      assert.match(fields.get("billing.email") ?? "", /geldig e-mailadres/);
      assert.match(fields.get("billing.name") ?? "", /vul dit in/);
      assert.match(fields.get("billing.address.country") ?? "", /landcode van twee letters/);
      assert.match(fields.get("lines.0.quantity") ?? "", /groter dan 0/);
      assert.match(fields.get("lines.0.unitPrice") ?? "", /hoogstens 2 cijfers na de komma/);
      assert.match(fields.get("lines.0.vatRate") ?? "", /21, 12, 6 of 0/);
      assert.match(fields.get("status") ?? "", /draft, confirmed of completed/);
    });

    it("completes a paid order at once: 201 with the invoice number, and the invoice mail in the outbox", async () => {
      const response = await post(order({ email: "betaald@example.be" }, { status: "completed" }), {
        "idempotency-key": "shop-order-1002",
      });
      assert.equal(response.statusCode, 201, response.body);
      const body = response.json() as { number: string; status: string; invoiceNumber: string };
      assert.equal(body.status, "completed");
      assert.equal(body.invoiceNumber, "2026-000001");
      const mails = await mailsOf(t, "orders.invoice");
      assert.equal(mails.length, 1);
      assert.equal(mails[0]?.toAddress, "betaald@example.be");
      assert.match(mails[0]?.subject ?? "", /2026-000001/);
      const [placed] = await queryRows<{ subject_id: string | null }>(
        t.database.db,
        sql`select subject_id from orders where number = ${body.number}`,
      );
      assert.ok(placed?.subject_id, "the order has its customer");
      assert.equal(mails[0]?.vaultPurpose, "orders", "sealed under the customer's orders key");
      assert.equal(mails[0]?.subjectId, placed.subject_id);
      const replay = await post(order({ email: "betaald@example.be" }, { status: "completed" }), {
        "idempotency-key": "shop-order-1002",
      });
      assert.equal(replay.statusCode, 200);
      assert.deepEqual(replay.json(), body);
      assert.equal(await count("invoices"), 1, "a replay issues no second invoice");
    });

    it("confirms an order when asked, in the locale the shop gives", async () => {
      const response = await post(order({}, { status: "confirmed", locale: "fr" }), {
        "idempotency-key": "shop-order-1003",
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal((response.json() as { status: string }).status, "confirmed");
      const [row] = await queryRows<{ locale: string; confirmed_at: Date | null }>(
        t.database.db,
        sql`select locale, confirmed_at from orders where idempotency_key = 'web:shop-order-1003'`,
      );
      assert.equal(row?.locale, "fr");
      assert.ok(row?.confirmed_at);
    });

    it("never writes the token to the logs", () => {
      assert.ok(t.logs.length > 0);
      assert.ok(!t.logs.join("\n").includes(token));
    });
  });
}

describe("POST /api/orders without ORDERS_API_TOKEN", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(databaseKinds[0] ?? "pglite");
  });
  after(() => t.close());

  it("answers 503 and names the setting the operator must set", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/orders",
      headers: { authorization: "Bearer anything", "idempotency-key": "x" },
      payload: order(),
    });
    assert.equal(response.statusCode, 503);
    assert.match(response.body, /ORDERS_API_TOKEN/);
  });
});
