import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { createOrder, orderSchema } from "../orders/index.ts";

for (const kind of databaseKinds) {
  describe(`customers back office on ${kind} (issue 10: "In een klantendossier")`, () => {
    let t: TestApp;
    let policy: Policy;
    let dataMap: DataMap;
    let support: SignedIn;
    let customerId = "";
    let customerNumber = "";
    let ilse = "";
    let tom = "";

    const page = () => `/admin/customers/${customerId}`;
    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });
    const post = (action: string, fields: Record<string, string>) =>
      submitForm(t, support.jar, page(), `${page()}${action}`, fields);
    const contactReads = (subjectId: string) =>
      queryRows<{ actor_id: string; record_type: string }>(
        t.database.db,
        sql`select actor_id, record_type from audit_log
            where action = 'subject.read' and subject_id = ${subjectId}`,
      );

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      dataMap = createDataMap(() => policy);
      support = await setUpStaff(t, "support");
    });
    after(() => t.close());

    it("sends a visitor who is not signed in to the login page (every staff role has customers.manage)", async () => {
      for (const url of ["/admin/customers", "/admin/customers/new", page()]) {
        const response = await t.app.inject({ url });
        assert.equal(response.statusCode, 303, url);
        assert.match(String(response.headers.location), /^\/admin\/login/);
      }
    });

    it("refuses a new customer without a valid e-mail, in the staff language, keeping what was typed", async () => {
      const response = await submitForm(
        t,
        support.jar,
        "/admin/customers/new",
        "/admin/customers/new",
        {
          kind: "company",
          companyName: "Bakkerij Claes BV",
          email: "not-an-address",
          name: "Ilse Claes",
          role: "",
          service: "",
          startsOn: "",
        },
      );
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Vul een geldig e-mailadres in/);
      assert.match(response.body, /value="Bakkerij Claes BV"/);
    });

    it("creates a company customer with its first contact and a running agreement", async () => {
      const response = await submitForm(
        t,
        support.jar,
        "/admin/customers/new",
        "/admin/customers/new",
        {
          kind: "company",
          companyName: "Bakkerij Claes BV",
          email: "ilse@bakkerij-claes.be",
          name: "Ilse Claes",
          role: "zaakvoerder",
          service: "Beheer IT",
          startsOn: "2026-01-01",
        },
      );
      assert.equal(response.statusCode, 303, response.body);
      const match = /^\/admin\/customers\/([0-9a-f-]{36})\?done=created$/.exec(
        String(response.headers.location),
      );
      assert.ok(match?.[1]);
      customerId = match[1];
      ilse = (await t.vault.findSubject(t.database.db, { email: "ilse@bakkerij-claes.be" })) ?? "";
      assert.ok(ilse);
      const [row] = await queryRows<{ number: string }>(
        t.database.db,
        sql`select number from customers where id = ${customerId}`,
      );
      customerNumber = row?.number ?? "";
    });

    it("adds a contact person, a dossier item and a ticket with a note", async () => {
      const contact = await post("/contacts", {
        email: "tom@bakkerij-claes.be",
        name: "Tom Peeters",
        role: "IT-verantwoordelijke",
      });
      assert.equal(contact.headers.location, `${page()}?done=contact_added`, contact.body);
      tom = (await t.vault.findSubject(t.database.db, { email: "tom@bakkerij-claes.be" })) ?? "";
      const item = await post("/dossier", {
        kind: "device",
        subjectId: tom,
        value: "Laptop <script>alert(1)</script>",
        note: "Dell XPS",
        source: "klant, per telefoon",
        recordedOn: "2026-02-01",
      });
      assert.equal(item.headers.location, `${page()}?done=dossier_added`, item.body);
      const stranger = await post("/dossier", {
        kind: "device",
        subjectId: "00000000-0000-4000-8000-000000000001",
        value: "x",
        note: "",
        source: "y",
        recordedOn: "2026-02-01",
      });
      assert.equal(stranger.statusCode, 400);
      assert.match(stranger.body, /Kies een contactpersoon van deze klant/);
      const ticket = await post("/tickets", { title: "Printer doet raar", subjectId: ilse });
      assert.equal(ticket.headers.location, `${page()}?done=ticket_opened`, ticket.body);
      const [row] = await queryRows<{ id: string }>(
        t.database.db,
        sql`select id::text as id from support_tickets where customer_id = ${customerId}`,
      );
      const note = await post("/tickets/note", {
        ticketId: row?.id ?? "",
        text: "Driver opnieuw geïnstalleerd",
      });
      assert.equal(note.headers.location, `${page()}?done=ticket_note`, note.body);
      const closed = await post("/tickets/status", { ticketId: row?.id ?? "", status: "closed" });
      assert.equal(closed.headers.location, `${page()}?done=ticket_closed`, closed.body);
    });

    it("shows every part with its retention reason, the script as text, and audits each person shown", async () => {
      await createOrder(
        {
          db: t.database.db,
          vault: t.vault,
          dataMap,
          clock: t.clock,
          config: { MAIL_FROM: t.config.MAIL_FROM, PUBLIC_URL: t.config.PUBLIC_URL },
          policy: () => policy,
        },
        {
          channel: "backoffice",
          locale: "nl",
          actor: { type: "staff", id: support.staffId },
          request: orderSchema.parse({
            billing: {
              email: "ilse@bakkerij-claes.be",
              name: "Ilse Claes",
              address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
            },
            lines: [{ description: "Laptop", quantity: "1", unitPrice: "999,99", vatRate: 21 }],
            customerNumber,
          }),
        },
      );
      const before = {
        ilse: (await contactReads(ilse)).length,
        tom: (await contactReads(tom)).length,
      };
      const response = await get(support, page());
      assert.equal(response.statusCode, 200, response.body);
      const html = response.body;
      for (const heading of [
        "Overeenkomsten",
        "Contactpersonen",
        "Klantendossier",
        "Apparaten",
        "Supportvragen",
        "Ondersteuning op afstand",
        "Bestellingen",
        "Contactaanvragen",
        "Het dossier nu wissen",
      ]) {
        assert.match(html, new RegExp(`>${heading}`), heading);
      }
      assert.match(html, /Ilse Claes/);
      assert.match(html, /Tom Peeters/);
      assert.match(html, /Laptop &lt;script>alert\(1\)&lt;\/script>/);
      assert.doesNotMatch(html, /<script>alert/);
      assert.match(html, /Printer doet raar/);
      assert.match(html, /Driver opnieuw geïnstalleerd/);
      assert.match(html, /Beheer IT, loopt sinds 2026-01-01/);
      assert.match(html, /niet ingeschreven/);
      assert.match(html, new RegExp(`href="/admin/support/new\\?customer=${customerId}"`));
      assert.match(html, /href="\/admin\/orders\/[0-9a-f-]{36}">B-/);
      // One "why" per record type shown: contacts, dossier items, tickets, notes, orders.
      assert.equal(html.match(/Waarom bewaren we dit nog\?/g)?.length, 4);
      assert.match(html, /Bewaard zolang je klant bent, en daarna nog 1 jaar/);
      assert.match(html, /7 jaar/);
      const reads = { ilse: await contactReads(ilse), tom: await contactReads(tom) };
      assert.equal(reads.ilse.length - before.ilse, 1);
      assert.equal(reads.tom.length - before.tom, 1);
      assert.equal(reads.tom.at(-1)?.record_type, "customer.contact");
      assert.equal(reads.tom.at(-1)?.actor_id, support.staffId);
    });

    it("finds the customer by number, exact e-mail and name, and audits the list", async () => {
      for (const query of [
        `number=${customerNumber.toLowerCase()}`,
        "email=tom%40bakkerij-claes.be",
        "name=peeters",
      ]) {
        const response = await get(support, `/admin/customers?${query}`);
        assert.equal(response.statusCode, 200);
        assert.match(response.body, new RegExp(customerNumber), query);
      }
      const none = await get(support, "/admin/customers?email=nobody%40example.be");
      assert.match(none.body, /Geen klanten gevonden/);
    });

    it("refuses to erase the dossier while an agreement runs, and erases it once it has ended", async () => {
      const refused = await post("/erase", {});
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Er loopt een overeenkomst: het dossier is niet gewist/);
      assert.match(refused.body, /Tom Peeters/);
      const [agreement] = await queryRows<{ id: string }>(
        t.database.db,
        sql`select id::text as id from agreements where customer_id = ${customerId}`,
      );
      const ended = await post("/agreements/end", { agreementId: agreement?.id ?? "" });
      assert.equal(ended.headers.location, `${page()}?done=agreement_ended`, ended.body);
      const erased = await post("/erase", {});
      assert.equal(erased.headers.location, `${page()}?done=erased`, erased.body);
      const after = await get(support, `${page()}?done=erased`);
      assert.equal(after.statusCode, 200);
      assert.match(after.body, /Het klantendossier is gewist/);
      assert.doesNotMatch(after.body, /Tom Peeters/);
      assert.doesNotMatch(after.body, /alert\(1\)/);
    });

    it("answers 404 for a customer that does not exist", async () => {
      const response = await get(support, "/admin/customers/00000000-0000-4000-8000-000000000009");
      assert.equal(response.statusCode, 404);
    });
  });
}
