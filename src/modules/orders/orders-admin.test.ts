import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { multipart } from "../../../test/helpers/multipart.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { csrfFrom, type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The phone order of the tests: two lines, one of 1,5 hours, and row 2 left empty. */
const phoneOrder: Record<string, string> = {
  rows: "5",
  "billing.email": "ilse@bakkerij.be",
  "billing.name": "Ilse Claes",
  "billing.company": "Bakkerij Claes BV",
  "billing.vatNumber": "BE 0403.019.261",
  customerNumber: "",
  "billing.address.street": "Kerkstraat 1",
  "billing.address.postalCode": "9000",
  "billing.address.city": "Gent",
  "billing.address.country": "be",
  locale: "nl",
  "lines.0.description": "Installatie (uur)",
  "lines.0.quantity": "1,5",
  "lines.0.unitPrice": "60",
  "lines.0.vatRate": "21",
  "lines.1.description": "",
  "lines.1.quantity": "",
  "lines.1.unitPrice": "",
  "lines.1.vatRate": "21",
  "lines.2.description": "Laptop <script>alert(1)</script>",
  "lines.2.quantity": "1",
  "lines.2.unitPrice": "999,99",
  "lines.2.vatRate": "21",
};

const csvHeader =
  "order_ref;email;name;company;vat_number;street;postal_code;city;country;description;quantity;unit_price;vat_rate;status";
const csvRows = (thirdVat: string) =>
  [
    csvHeader,
    "W-1;jan@example.be;Jan Peeters;;;Markt 1;2000;Antwerpen;BE;Router;1;89,00;21;completed",
    "W-1;;;;;;;;;Configuratie (uur);0,5;60;21;",
    "W-2;einkauf@firma.de;Petra Schmidt;Firma GmbH;DE136695976;Hauptstraße 1;10115;Berlin;DE;Switch;2;45,50;21;confirmed",
    `W-3;an@example.be;An Smets;Smets BV;${thirdVat};Dorp 3;3000;Leuven;BE;Kabels;10;2,5;21;`,
  ].join("\n");

for (const kind of databaseKinds) {
  describe(`orders in the back office on ${kind} (statement: "Bij het afhandelen van bestellingen", phone, counter and import)`, () => {
    let t: TestApp;
    let billing: SignedIn;
    let support: SignedIn;
    let orderPage = "";
    let invoiceId = "";

    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });
    const count = async (table: "orders" | "invoices") =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from ${sql.identifier(table)}`,
        )
      )[0]?.n ?? 0;
    const upload = async (who: SignedIn, csv: string) => {
      const page = await get(who, "/admin/orders/import");
      who.jar.take(page.headers["set-cookie"]);
      const body = multipart([
        { name: "_csrf", value: csrfFrom(page.body) },
        { name: "file", filename: "bestellingen.csv", type: "text/csv", content: Buffer.from(csv) },
      ]);
      return t.app.inject({
        method: "POST",
        url: "/admin/orders/import",
        remoteAddress: who.jar.ip,
        headers: { cookie: who.jar.header, ...body.headers },
        payload: body.payload,
      });
    };

    before(async () => {
      t = await createTestApp(kind);
      t.clock.set("2026-03-02T09:00:00Z");
      billing = await setUpStaff(t, "billing");
      support = await setUpStaff(t, "support");
    });
    after(() => t.close());

    it("refuses orders, order entry, import and downloads to a role without orders.manage", async () => {
      for (const url of [
        "/admin/orders",
        "/admin/orders/new",
        "/admin/orders/import",
        "/admin/orders/00000000-0000-4000-8000-000000000001",
        "/admin/invoices/00000000-0000-4000-8000-000000000001.pdf",
        "/admin/invoices/00000000-0000-4000-8000-000000000001.xml",
      ]) {
        const response = await get(support, url);
        assert.equal(response.statusCode, 403, url);
      }
      const page = await get(support, "/admin");
      assert.doesNotMatch(page.body, /href="\/admin\/orders"/, "no nav entry without the right");
    });

    it("shows the order form with five empty line rows, and more on request without storing anything", async () => {
      const page = await get(billing, "/admin/orders/new");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /href="\/admin\/orders"/, "the nav links to the orders");
      assert.match(page.body, /name="lines\.4\.description"/);
      assert.doesNotMatch(page.body, /name="lines\.5\.description"/);
      const more = await submitForm(t, billing.jar, "/admin/orders/new", "/admin/orders/new", {
        ...phoneOrder,
        more: "1",
      });
      assert.equal(more.statusCode, 200);
      assert.match(more.body, /name="lines\.9\.description"/);
      assert.match(more.body, /value="Ilse Claes"/, "what was typed is kept");
      assert.equal(await count("orders"), 0);
    });

    it("tells per field what is wrong, in the staff member's language, and stores nothing", async () => {
      const response = await submitForm(t, billing.jar, "/admin/orders/new", "/admin/orders/new", {
        ...phoneOrder,
        "billing.vatNumber": "BE0403019262",
        "lines.2.quantity": "een",
      });
      assert.equal(response.statusCode, 400, response.body.slice(0, 300));
      assert.match(response.body, /De bestelling is niet bewaard/);
      assert.match(
        response.body,
        /Btw-nummer<\/a>: de controlecijfers kloppen niet: wellicht een tikfout/,
      );
      assert.match(response.body, /Regel 3, Aantal<\/a>: een aantal groter dan 0/);
      assert.match(
        response.body,
        /aria-invalid="true" aria-describedby="order-lines-2-quantity-problem"/,
      );
      assert.match(response.body, /value="een"/, "what was typed is kept");
      const french = await submitForm(
        t,
        billing.jar,
        "/admin/orders/new?lang=fr",
        "/admin/orders/new",
        { ...phoneOrder, "billing.vatNumber": "BE0403019262" },
      );
      assert.equal(french.statusCode, 400);
      assert.match(
        french.body,
        /Numéro de TVA<\/a>: les chiffres de contrôle ne correspondent pas/,
      );
      await get(billing, "/admin/orders/new?lang=nl").then((page) =>
        billing.jar.take(page.headers["set-cookie"]),
      );
      assert.equal(await count("orders"), 0);
    });

    it("takes a phone order with two lines, one of 1,5 hours, and shows exact totals", async () => {
      const response = await submitForm(
        t,
        billing.jar,
        "/admin/orders/new",
        "/admin/orders/new",
        phoneOrder,
      );
      assert.equal(response.statusCode, 303, response.body);
      const location = String(response.headers.location);
      assert.match(location, new RegExp(`^/admin/orders/${uuid}\\?done=created$`));
      orderPage = location.split("?")[0] ?? "";
      const page = await get(billing, location);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /De bestelling is bewaard als ontwerp/);
      assert.match(page.body, /Bakkerij Claes BV/);
      assert.match(page.body, /BE0403019261/, "the VAT number as it is written on invoices");
      assert.match(page.body, />1,5</);
      assert.match(page.body, /90,00/);
      assert.match(page.body, /999,99/);
      assert.match(page.body, /1\.089,99/, "net total");
      assert.match(page.body, /228,90/, "21 % of 1089.99, to the cent");
      assert.match(page.body, /1\.318,89/, "total incl. VAT");
      assert.match(page.body, /Belgische btw/);
      assert.match(page.body, /Waarom bewaren we dit nog\?/);
      const [row] = await queryRows<{ channel: string; gross_cents: number; n: number }>(
        t.database.db,
        sql`select channel, gross_cents,
              (select count(*)::int from order_lines where order_id = orders.id) as n
            from orders`,
      );
      assert.deepEqual(row, { channel: "backoffice", gross_cents: 131_889, n: 2 });
    });

    it("shows a description with a script tag as text", async () => {
      const page = await get(billing, orderPage);
      assert.ok(!page.body.includes("<script>alert(1)"), "no markup from a description");
      assert.match(page.body, /Laptop &lt;script>alert\(1\)&lt;\/script>|Laptop &lt;script&gt;/);
    });

    it("lists the order newest first with customer, status and total, audits the read, and finds it by e-mail and number", async () => {
      const list = await get(billing, "/admin/orders");
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Ilse Claes/);
      assert.match(list.body, /Bakkerij Claes BV/);
      assert.match(list.body, /ontwerp/);
      assert.match(list.body, /1\.318,89/);
      const orderId = orderPage.split("/").at(-1) ?? "";
      const reads = await queryRows<{ actor_id: string }>(
        t.database.db,
        sql`select actor_id from audit_log where action = 'subject.read'
            and record_type = 'orders.order' and record_id = ${orderId}`,
      );
      assert.ok(reads.some((read) => read.actor_id === billing.staffId));
      const byEmail = await get(billing, "/admin/orders?email=ILSE%40bakkerij.be");
      assert.match(byEmail.body, /Ilse Claes/);
      const otherEmail = await get(billing, "/admin/orders?email=ilse%40example.be");
      assert.doesNotMatch(otherEmail.body, /Ilse Claes/);
      const number = /B-[2-9A-Z]{6}/.exec(list.body)?.[0] ?? "";
      const byNumber = await get(billing, `/admin/orders?number=${number.toLowerCase()}`);
      assert.match(byNumber.body, /Ilse Claes/);
      const completed = await get(billing, "/admin/orders?status=completed");
      assert.doesNotMatch(completed.body, /Ilse Claes/);
    });

    it("confirms, completes with invoice 2026-000001 mailed to the customer, and refuses a second confirmation", async () => {
      const confirmed = await submitForm(t, billing.jar, orderPage, `${orderPage}/confirm`, {});
      assert.equal(confirmed.statusCode, 303, confirmed.body);
      assert.equal(confirmed.headers.location, `${orderPage}?done=confirmed`);
      const again = await submitForm(t, billing.jar, orderPage, `${orderPage}/confirm`, {});
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Dat kan niet meer in de huidige status/);
      const completed = await submitForm(t, billing.jar, orderPage, `${orderPage}/complete`, {});
      assert.equal(completed.statusCode, 303, completed.body);
      const page = await get(billing, `${orderPage}?done=completed`);
      assert.match(page.body, /afgerond en gefactureerd/);
      assert.match(page.body, /Factuur 2026-000001/);
      assert.doesNotMatch(page.body, /action="[^"]*\/complete"/, "no second completion offered");
      invoiceId = new RegExp(`/admin/invoices/(${uuid})\\.pdf`).exec(page.body)?.[1] ?? "";
      const byInvoice = await get(billing, "/admin/orders?number=2026-000001");
      assert.match(byInvoice.body, /Ilse Claes/, "found by its invoice number");
      assert.ok(invoiceId, "the page links to the PDF");
      assert.match(page.body, new RegExp(`/admin/invoices/${invoiceId}\\.xml`));
      const mails = await mailsOf(t, "orders.invoice");
      assert.deepEqual(
        mails.map((mail) => mail.toAddress),
        ["ilse@bakkerij.be"],
      );
      const [invoiced] = await queryRows<{ subject_id: string | null }>(
        t.database.db,
        sql`select subject_id from invoices where id = ${invoiceId}`,
      );
      assert.ok(invoiced?.subject_id, "the invoice has its customer");
      assert.equal(mails[0]?.vaultPurpose, "orders", "sealed under the customer's orders key");
      assert.equal(mails[0]?.subjectId, invoiced.subject_id);
    });

    it("downloads the invoice as a PDF, audited without personal data", async () => {
      const response = await get(billing, `/admin/invoices/${invoiceId}.pdf`);
      assert.equal(response.statusCode, 200, response.body.slice(0, 300));
      assert.equal(response.headers["content-type"], "application/pdf");
      assert.match(
        String(response.headers["content-disposition"]),
        /^attachment; filename="2026-000001\.pdf"/,
      );
      assert.equal(response.rawPayload.subarray(0, 4).toString("latin1"), "%PDF");
      const audits = await queryRows<{ actor_id: string; details: unknown }>(
        t.database.db,
        sql`select actor_id, details from audit_log
            where action = 'orders.invoice_downloaded' and record_id = ${invoiceId}`,
      );
      assert.equal(audits.length, 1);
      assert.equal(audits[0]?.actor_id, billing.staffId);
      assert.doesNotMatch(JSON.stringify(audits[0]?.details), /Claes|bakkerij|Kerkstraat/);
    });

    it("downloads the invoice as UBL XML, as an attachment", async () => {
      const response = await get(billing, `/admin/invoices/${invoiceId}.xml`);
      assert.equal(response.statusCode, 200, response.body.slice(0, 300));
      assert.match(String(response.headers["content-type"]), /^application\/xml/);
      assert.match(
        String(response.headers["content-disposition"]),
        /^attachment; filename="2026-000001\.xml"/,
      );
      assert.match(response.body, /^<\?xml/);
      assert.match(response.body, /<Invoice[\s>]/);
      assert.match(response.body, /2026-000001/);
      const audits = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log
            where action = 'orders.invoice_downloaded' and record_id = ${invoiceId}`,
      );
      assert.equal(audits[0]?.n, 2);
    });

    it("corrects the invoice with a credit note, offered once", async () => {
      const credited = await submitForm(t, billing.jar, orderPage, `${orderPage}/credit-notes`, {
        invoiceId,
      });
      assert.equal(credited.statusCode, 303, credited.body);
      const page = await get(billing, `${orderPage}?done=credited`);
      assert.match(page.body, /Creditnota CN-2026-000001/);
      assert.match(page.body, /gecorrigeerd door CN-2026-000001/);
      assert.doesNotMatch(page.body, /name="invoiceId"/, "no second credit note offered");
      const twice = await submitForm(t, billing.jar, `${orderPage}`, `${orderPage}/credit-notes`, {
        invoiceId,
      });
      assert.equal(twice.statusCode, 409);
    });

    it("refuses a CSV file with a wrong VAT number, naming the line, and stores nothing", async () => {
      const before = { orders: await count("orders"), invoices: await count("invoices") };
      const response = await upload(billing, csvRows("BE0403019262"));
      assert.equal(response.statusCode, 400, response.body.slice(0, 300));
      assert.match(response.body, /Het bestand is geweigerd; er is niets bewaard/);
      assert.match(
        response.body,
        /Regel 5: vat_number: de controlecijfers kloppen niet: wellicht een tikfout/,
      );
      const mixed = await upload(
        billing,
        `${csvHeader}\nX-1;a@example.be;A;;;S 1;1000;Brussel;BE;Een;1;1;21;\nX-1;b@example.be;;;;;;;;Twee;1,5;2;6;\nX-2;c@example.be;C;;;S 2;1000;Brussel;BE;Drie;nul;1;21;\n`,
      );
      assert.equal(mixed.statusCode, 400);
      assert.match(mixed.body, /Regel 3: email: verschilt van regel 2 van dezelfde bestelling X-1/);
      assert.match(mixed.body, /Regel 4: quantity: een aantal groter dan 0/);
      assert.deepEqual(
        { orders: await count("orders"), invoices: await count("invoices") },
        before,
        "all or nothing",
      );
    });

    it("imports the corrected file in one go, and a second upload of it creates nothing twice", async () => {
      const before = { orders: await count("orders"), invoices: await count("invoices") };
      const csv = csvRows("BE0403019261");
      const response = await upload(billing, csv);
      assert.equal(response.statusCode, 200, response.body.slice(0, 500));
      assert.match(response.body, /3 bestellingen geïmporteerd, 1 facturen gemaakt/);
      assert.deepEqual(
        { orders: await count("orders"), invoices: await count("invoices") },
        { orders: before.orders + 3, invoices: before.invoices + 1 },
      );
      const imported = await queryRows<{
        status: string;
        vat_treatment: string;
        gross_cents: number;
        lines: number;
      }>(
        t.database.db,
        sql`select status, vat_treatment, gross_cents,
              (select count(*)::int from order_lines where order_id = orders.id) as lines
            from orders where channel = 'import' order by created_at, idempotency_key`,
      );
      assert.deepEqual(
        imported.map((row) => [row.status, row.vat_treatment, row.gross_cents, row.lines]),
        [
          ["completed", "standard", 14_399, 2],
          ["confirmed", "reverse_charge", 9_100, 1],
          ["draft", "standard", 3_025, 1],
        ],
      );
      const again = await upload(billing, csv);
      assert.equal(again.statusCode, 200);
      assert.match(again.body, /0 bestellingen geïmporteerd, 0 facturen gemaakt/);
      assert.match(again.body, /3 bestellingen uit dit bestand waren al eerder geïmporteerd/);
      assert.deepEqual(
        { orders: await count("orders"), invoices: await count("invoices") },
        { orders: before.orders + 3, invoices: before.invoices + 1 },
      );
    });
  });
}
