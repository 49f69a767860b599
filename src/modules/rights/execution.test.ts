import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import * as mupdf from "mupdf";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openedOutbox } from "../../../test/helpers/outbox.ts";
import { type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { listAudit, verifyAudit } from "../../audit/index.ts";
import { queryRows } from "../../core/db/database.ts";
import { translator } from "../../core/i18n/index.ts";
import { type DataMap, mayProcess } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { isErased } from "../../vault/index.ts";
import { uniquePerson } from "../../vault/test-vault.ts";
import { receiveContactRequest } from "../contact/index.ts";
import { grantTopics, unsubscribeSubject } from "../newsletter/index.ts";
import { completeOrder, createOrder, orderSchema } from "../orders/index.ts";
import { passThroughSensitiveData } from "../scanner/index.ts";
import { ExecutionPanel } from "./execution.pages.tsx";
import { loadExecutionPanel } from "./execution-panel.ts";
import { storeIdCopy } from "./id-copy-store.ts";
import { createRequest } from "./request-intake.ts";
import type { PortabilityRecipient } from "./request-store.ts";
import { statusToken } from "./request-token.ts";
import { type RequestedRight, rightsIdCopies, rightsRequests } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";
import { planRights } from "./rights-plan.ts";

const system = { type: "system" } as const;

for (const kind of databaseKinds) {
  describe(`executing a rights request on ${kind}`, () => {
    let t: TestApp;
    let policy: Policy;
    let dataMap: DataMap;
    let privacy: SignedIn;
    let support: SignedIn;

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      dataMap = createDataMap(() => policy);
      privacy = await setUpStaff(t, "privacy");
      support = await setUpStaff(t, "support");
    });
    after(() => t.close());

    const engines = () => ({ db: t.database.db, vault: t.vault, dataMap, clock: t.clock });
    const newsletterDeps = () => ({
      ...engines(),
      config: t.config,
      policy: () => policy,
      policyVersion: () => "v-test",
    });
    const deps = (): RightsDeps => ({
      ...engines(),
      config: t.config,
      policy: () => policy,
      effects: {
        unsubscribeNewsletter: (db, input) =>
          unsubscribeSubject({ ...newsletterDeps(), db }, input),
        subjectsOfCustomer: async () => [],
        recordTransfer: async () => undefined,
      },
    });

    /** A person with a newsletter subscription, a contact request and a completed order. */
    async function personWithEverything(name = "Zoë Janssens") {
      const { email } = uniquePerson();
      const message = `Mijn printer is stuk ${crypto.randomUUID()}`;
      const contact = await receiveContactRequest(
        { ...engines(), config: t.config, sensitiveData: passThroughSensitiveData },
        {
          name,
          email,
          topic: "Printer",
          message,
          locale: "nl",
          ip: "203.0.113.7",
          channel: "form",
          attachments: [],
        },
      );
      const subjectId = contact.subjectId;
      await grantTopics(newsletterDeps(), {
        subjectId,
        name,
        email,
        locale: "nl",
        ip: "203.0.113.8",
        grants: [{ topic: "news", wording: "Nieuws van WITS", source: "form", policyVersion: "v" }],
      });
      const order = await createOrder(
        { ...newsletterDeps() },
        {
          channel: "backoffice",
          locale: "nl",
          actor: system,
          request: orderSchema.parse({
            billing: {
              email,
              name,
              address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
            },
            lines: [{ description: "Laptop", quantity: "1", unitPrice: "100", vatRate: 21 }],
          }),
        },
      );
      const done = await completeOrder(newsletterDeps(), { orderId: order.id, actor: system });
      assert.equal(done.status, "completed");
      return { email, subjectId, contactId: contact.id, orderId: order.id, message };
    }

    /** A request entered by staff and verified, as the queue part would leave it. */
    async function verifiedRequest(
      email: string,
      rights: RequestedRight[],
      extra: { recipient?: PortabilityRecipient; locale?: "nl" | "en" | "fr" } = {},
    ) {
      const created = await createRequest(deps(), {
        channel: "email",
        locale: extra.locale ?? "nl",
        rights,
        email,
        phone: "+32470999888",
        description: "Graag alles wissen",
        recipient: extra.recipient,
        enteredBy: privacy.staffId,
      });
      await t.database.db
        .update(rightsRequests)
        .set({
          status: "verified",
          verifiedAt: t.clock.now(),
          verification: "email_link",
          verifiedBy: privacy.staffId,
        })
        .where(eq(rightsRequests.id, created.requestId));
      return created;
    }

    const readRow = async (requestId: string) => {
      const [row] = await t.database.db
        .select()
        .from(rightsRequests)
        .where(eq(rightsRequests.id, requestId));
      assert.ok(row);
      return row;
    };

    /** A form post from the back office, with the CSRF token of a page the staff member opened. */
    const post = (who: SignedIn, action: string, fields: Record<string, string> = {}) =>
      submitForm(t, who.jar, "/admin", action, fields);

    const execute = (who: SignedIn, requestId: string, fields: Record<string, string>) =>
      post(who, `/admin/rights/${requestId}/execute`, fields);

    /** The mails to one address, oldest first, opened: the address is sealed in the table. */
    const mailsTo = async (address: string) =>
      (await openedOutbox(t)).filter((mail) => mail.toAddress === address);

    const count = async (table: string, subjectId: string) =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from ${sql.identifier(table)} where subject_id = ${subjectId}`,
        )
      )[0]?.n ?? 0;

    const panelHtml = async (requestId: string) => {
      const tNl = translator("nl");
      const panel = await loadExecutionPanel(deps(), {
        request: await readRow(requestId),
        locale: "nl",
        t: tNl,
      });
      const context = {
        locale: "nl" as const,
        t: tNl,
        organisationName: "WITS",
        path: `/admin/rights/${requestId}`,
        csrf: "csrf-test",
        staff: null,
      };
      return { panel, html: renderToString(h(ExecutionPanel, { context, panel })) };
    };

    it("plans, executes and answers an erasure: newsletter and contact gone, orders kept 7 years and restricted, the proof kept 5 years", async () => {
      const person = await personWithEverything();
      const [contactRow] = await queryRows<{ name_ciphertext: string }>(
        t.database.db,
        sql`select name_ciphertext from contact_requests where id = ${person.contactId}`,
      );
      assert.ok(contactRow);
      const request = await verifiedRequest(person.email, [{ kind: "erasure" }]);
      await storeIdCopy(deps(), {
        requestId: request.requestId,
        subjectId: request.subjectId,
        bytes: Buffer.from("\x89PNG fake id"),
        mediaType: "image/png",
      });

      const plan = await planRights(deps(), await readRow(request.requestId));
      const erasure = plan.steps[0];
      assert.equal(erasure?.step.kind, "erasure");
      const effects = new Map(
        erasure?.records.map((line) => [line.recordType.id, line.effects]) ?? [],
      );
      assert.deepEqual(effects.get("newsletter.subscriber"), [{ action: "erase", count: 1 }]);
      assert.deepEqual(effects.get("contact.request"), [{ action: "erase", count: 1 }]);
      for (const type of ["orders.order", "orders.invoice"]) {
        const [kept] = effects.get(type) ?? [];
        assert.equal(kept?.action, "keep", type);
        assert.ok(kept?.action === "keep" && kept.because === "legal_obligation");
        assert.equal(kept.until?.toISOString(), "2033-01-01T09:00:00.000Z");
        assert.match(kept.reference ?? "", /BTW-Wetboek/);
      }
      assert.deepEqual(effects.get("rights.request"), [
        { action: "keep", because: "request_proof", count: 1 },
      ]);
      const before = await panelHtml(request.requestId);
      assert.match(before.html, /<caption>Wat verwijdering doet<\/caption>/);
      assert.match(before.html, /bewaard tot 2033-01-01: wettelijke verplichting/);
      assert.match(before.html, /action="\/admin\/rights\/[^"]+\/execute"/);
      assert.equal(
        await count("newsletter_subscribers", person.subjectId),
        1,
        "plan changes nothing",
      );

      const done = await execute(privacy, request.requestId, { right: "erasure" });
      assert.equal(done.statusCode, 303, done.body);
      assert.equal(done.headers.location, `/admin/rights/${request.requestId}#step-erasure`);

      assert.equal(await count("newsletter_subscribers", person.subjectId), 0);
      assert.equal(await count("contact_requests", person.subjectId), 0);
      const oldName = await t.vault.decryptField(t.database.db, {
        subjectId: person.subjectId,
        purpose: "contact",
        table: "contact_requests",
        column: "name_ciphertext",
        recordId: person.contactId,
        ciphertext: contactRow.name_ciphertext,
      });
      assert.ok(isErased(oldName), "the contact data is unreadable, on disk and in backups");
      assert.equal(await count("orders", person.subjectId), 1);
      assert.equal(await count("invoices", person.subjectId), 1);
      const orders = { subjectId: person.subjectId, purpose: "orders" as const };
      assert.equal((await mayProcess(t.database.db, orders)).allowed, false);
      assert.equal(
        (await mayProcess(t.database.db, { ...orders, use: "legal_obligation" })).allowed,
        true,
      );
      const executed = await readRow(request.requestId);
      assert.equal(executed.status, "in_progress");
      assert.deepEqual(
        executed.outcome[0]?.results.map((result) => [result.recordType, result.action]),
        [
          ["newsletter.subscriber", "unsubscribed"],
          ["contact.request", "erased"],
          ["newsletter.subscriber", "erased"],
          ["orders.order", "kept"],
          ["orders.order", "restricted"],
          ["orders.invoice", "kept"],
          ["orders.invoice", "restricted"],
        ],
      );

      const again = await execute(privacy, request.requestId, { right: "erasure" });
      assert.equal(again.statusCode, 409, "a second click does not erase again");

      const after = await panelHtml(request.requestId);
      assert.ok(after.panel.letter && !after.panel.letter.sent);
      const letter = after.panel.letter.text;
      assert.match(letter, /Verwijderd: contactaanvraag \(1\)/);
      assert.match(
        letter,
        /Bewaard: bestelling \(1\); factuur of creditnota \(1\)\. De wet verplicht ons deze gegevens te bewaren tot 1 januari 2033 \(Belgisch Wetboek/,
      );
      assert.match(letter, /Gegevensbeschermingsautoriteit/);
      assert.doesNotMatch(after.html, /name="right" value="erasure"/, "the button is gone");

      // Within the staff session's idle time.
      t.clock.advance(20 * 60_000);
      const answeredAt = t.clock.now();
      const answered = await post(privacy, `/admin/rights/${request.requestId}/answer`);
      assert.equal(answered.statusCode, 303, answered.body);
      const row = await readRow(request.requestId);
      assert.equal(row.status, "answered");
      assert.equal(row.answeredAt?.toISOString(), answeredAt.toISOString());
      assert.equal(row.answeredBy, privacy.staffId);
      assert.ok(row.letterCiphertext);
      assert.ok(row.emailCiphertext, "the address the answer went to stays as proof");
      for (const cleared of [
        row.phoneCiphertext,
        row.customerNumberCiphertext,
        row.vatCiphertext,
        row.descriptionCiphertext,
        row.recipientCiphertext,
      ]) {
        assert.equal(cleared, null);
      }
      assert.equal(row.retainUntil?.toISOString(), "2031-01-01T09:20:00.000Z");
      assert.deepEqual(row.retentionReason, {
        code: "after_event",
        event: "request.closed",
        at: answeredAt.toISOString(),
        period: { years: 5 },
      });
      const copies = await t.database.db
        .select()
        .from(rightsIdCopies)
        .where(eq(rightsIdCopies.requestId, request.requestId));
      assert.deepEqual(copies, [], "the ID copy is destroyed");

      const [mail] = (await mailsTo(person.email)).filter((m) => m.purpose === "rights.answer");
      assert.ok(mail, "the answer is mailed");
      assert.equal(mail.vaultPurpose, "rights", "sealed under the requester's rights key");
      assert.equal(mail.subjectId, request.subjectId);
      assert.equal(request.subjectId, person.subjectId, "the requester is the person");
      assert.equal(mail.erased, false, "the erasure leaves the rights key, so the answer opens");
      assert.match(mail.textBody, /tot 1 januari 2033/);
      assert.ok(mail.textBody.includes(`/privacy/request/${request.requestId}?token=`));
      const pdf = Buffer.from(mail.attachments[0]?.contentBase64 ?? "", "base64");
      assert.equal(pdf.subarray(0, 4).toString("latin1"), "%PDF");
      const text = pdfText(pdf);
      assert.match(text, /WITS BV/);
      assert.match(text, /BE 0123\.456\.749/);
      assert.match(text, /1 januari 2033/);

      const sent = await panelHtml(request.requestId);
      assert.equal(sent.panel.letter?.sent, true);
      assert.match(sent.panel.letter?.text ?? "", /Datum: 1 januari 2026\n/);
      assert.match(sent.panel.letter?.text ?? "", /tot 1 januari 2033/);
      assert.doesNotMatch(sent.html, /\/answer"/, "no second answer");
      const twice = await post(privacy, `/admin/rights/${request.requestId}/answer`);
      assert.equal(twice.statusCode, 409);

      const audit = await listAudit(t.database.db, {
        action: "rights.request_answered",
        subjectId: request.subjectId,
        limit: 5,
      });
      assert.equal(audit.entries.length, 1);
      assert.equal((await verifyAudit(t.database.db)).ok, true);
      const logs = t.logs.join("\n");
      assert.ok(!logs.includes(person.email), "no personal data in the logs");
    });

    it("serves the answered letter as a PDF to the status link only", async () => {
      const person = await personWithEverything();
      const request = await verifiedRequest(person.email, [{ kind: "restriction" }], {
        locale: "fr",
      });
      const url = (token: string) =>
        `/privacy/request/${request.requestId}/letter.pdf?token=${encodeURIComponent(token)}`;
      const token = statusToken(t.vault, request.requestId);
      const early = await t.app.inject({ url: url(token) });
      assert.equal(early.statusCode, 404, "nothing before the answer");

      assert.equal(
        (await execute(privacy, request.requestId, { right: "restriction" })).statusCode,
        303,
      );
      assert.equal(
        (await post(privacy, `/admin/rights/${request.requestId}/answer`)).statusCode,
        303,
      );

      const letter = await t.app.inject({ url: url(token) });
      assert.equal(letter.statusCode, 200);
      assert.equal(letter.headers["content-type"], "application/pdf");
      assert.equal(letter.headers["cache-control"], "no-store");
      assert.equal(letter.headers["referrer-policy"], "no-referrer");
      const text = pdfText(letter.rawPayload);
      assert.match(text, /Limitation du traitement/);
      assert.match(text, /Autorit. de protection des donn.es/);

      const otherToken = statusToken(t.vault, crypto.randomUUID());
      for (const wrong of [
        url(otherToken),
        url(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`),
        url(""),
        `/privacy/request/${request.requestId}/letter.pdf`,
        `/privacy/request/not-a-uuid/letter.pdf?token=${token}`,
      ]) {
        const refused = await t.app.inject({ url: wrong });
        assert.equal(refused.statusCode, 404, wrong);
        assert.equal(refused.headers["cache-control"], "no-store");
        assert.equal(refused.headers["referrer-policy"], "no-referrer");
      }
    });

    it("exports the person's records for access, and nothing of someone with a similar name", async () => {
      const jan = await personWithEverything("Jan Janssens");
      const other = await personWithEverything("Jan Janssen");
      const request = await verifiedRequest(jan.email, [{ kind: "access" }]);

      const done = await execute(privacy, request.requestId, { right: "access" });
      assert.equal(done.statusCode, 303, done.body);
      const [mail] = (await mailsTo(jan.email)).filter((m) => m.purpose === "rights.export_ready");
      assert.ok(mail, "the download link is mailed to the person");
      const link = /https?:\/\/\S+\/privacy\/export\/\S+/.exec(mail.textBody)?.[0];
      assert.ok(link);
      const { pathname, searchParams } = new URL(link);
      const zip = await t.app.inject({
        url: `${pathname}/package.zip?token=${encodeURIComponent(searchParams.get("token") ?? "")}`,
      });
      assert.equal(zip.statusCode, 200);
      const files = unzipSync(zip.rawPayload);
      const manifest = JSON.parse(Buffer.from(files["manifest.json"] ?? []).toString()) as {
        recordTypes: { id: string; count: number }[];
      };
      const counts = new Map(manifest.recordTypes.map((type) => [type.id, type.count]));
      assert.equal(counts.get("contact.request"), 1);
      assert.equal(counts.get("orders.order"), 1);
      assert.equal(counts.get("newsletter.subscriber"), 1);
      const everything = Object.values(files)
        .map((bytes) => Buffer.from(bytes).toString("latin1"))
        .join("\n");
      assert.ok(everything.includes(jan.message));
      assert.ok(everything.includes(jan.email));
      assert.ok(!everything.includes(other.message), "nothing of the other Jan");
      assert.ok(!everything.includes(other.email), "nothing of the other Jan");

      const row = await readRow(request.requestId);
      const [outcome] = row.outcome;
      assert.ok(outcome?.packageId && outcome.packageExpiresAt);
      assert.ok(!JSON.stringify(row.outcome).includes(searchParams.get("token") ?? "-"));
      assert.equal(
        (await execute(privacy, request.requestId, { right: "access" })).statusCode,
        409,
      );
    });

    it("sends a portability package to the organisation the person named, without their personal data in the mail", async () => {
      const person = await personWithEverything();
      const recipient = { name: "Acme BV", email: `dpo+${crypto.randomUUID()}@acme.example` };
      const request = await verifiedRequest(
        person.email,
        [{ kind: "portability", to: "organisation" }],
        { recipient, locale: "en" },
      );
      const done = await execute(privacy, request.requestId, {
        right: "portability",
        to: "organisation",
      });
      assert.equal(done.statusCode, 303, done.body);
      const [mail] = await mailsTo(recipient.email);
      assert.equal(mail?.purpose, "rights.portability_transfer");
      assert.ok(mail.textBody.includes(request.reference));
      assert.match(mail.textBody, /WITS/);
      assert.match(mail.textBody, /\/privacy\/export\//);
      assert.ok(!mail.textBody.includes(person.email), "not the person's address");
      assert.ok(!mail.textBody.includes("Janssens"), "not the person's name");
      assert.equal(
        (await mailsTo(person.email)).filter((m) => m.purpose.startsWith("rights.")).length,
        0,
      );
      const [outcome] = (await readRow(request.requestId)).outcome;
      assert.equal(outcome?.transferredAt, t.clock.now().toISOString());
      const transfers = await listAudit(t.database.db, {
        action: "rights.portability_transferred",
        subjectId: request.subjectId,
        limit: 5,
      });
      assert.equal(transfers.entries.length, 1);
      const { html } = await panelHtml(request.requestId);
      assert.match(
        html,
        /Overdracht van je gegevens aan Acme BV|Link naar de organisatie gestuurd/,
      );
    });

    it("rectifies the fields staff change and tells the person before and after", async () => {
      const person = await personWithEverything("Jan Peeters");
      const request = await verifiedRequest(person.email, [{ kind: "rectification" }]);
      const { panel, html } = await panelHtml(request.requestId);
      const name = panel.rectification?.fields.find(
        (field) =>
          field.name.startsWith("rectify|contact.request|") &&
          field.name.endsWith("|name_ciphertext"),
      );
      assert.equal(name?.value, "Jan Peeters");
      assert.match(html, /<label for="rectify-\d+">/);

      const done = await post(privacy, `/admin/rights/${request.requestId}/rectify`, {
        [name.name]: "Jan Peters",
      });
      assert.equal(done.statusCode, 303, done.body);
      const [stored] = await queryRows<{ name_ciphertext: string }>(
        t.database.db,
        sql`select name_ciphertext from contact_requests where id = ${person.contactId}`,
      );
      const now = await t.vault.decryptField(t.database.db, {
        subjectId: person.subjectId,
        purpose: "contact",
        table: "contact_requests",
        column: "name_ciphertext",
        recordId: person.contactId,
        ciphertext: stored?.name_ciphertext ?? "",
      });
      assert.equal(now, "Jan Peters");
      const row = await readRow(request.requestId);
      assert.deepEqual(row.outcome[0]?.rectified, [
        { recordType: "contact.request", recordId: person.contactId, column: "name_ciphertext" },
      ]);
      assert.ok(!JSON.stringify(row.outcome).includes("Peters"), "the outcome holds no values");
      const after = await panelHtml(request.requestId);
      assert.match(
        after.panel.letter?.text ?? "",
        /contactaanvraag, naam: "Jan Peeters" werd "Jan Peters"\./,
      );

      const forged = await post(privacy, `/admin/rights/${request.requestId}/rectify`, {});
      assert.equal(forged.statusCode, 409, "done once");
    });

    it("objects to a legitimate-interest purpose, withdraws newsletter consent, and explains why an objection to invoicing does not apply", async () => {
      const person = await personWithEverything();
      const request = await verifiedRequest(person.email, [
        { kind: "objection", purpose: "contact" },
        { kind: "objection", purpose: "orders" },
        { kind: "withdraw_consent", purpose: "newsletter" },
      ]);
      const plan = await planRights(deps(), await readRow(request.requestId));
      const [contact, orders, newsletter] = plan.steps;
      assert.deepEqual(
        contact?.records.map((line) => [line.recordType.id, line.effects]),
        [["contact.request", [{ action: "stop", count: 1 }]]],
      );
      assert.deepEqual(orders?.notApplicable, ["orders"]);
      assert.deepEqual(orders?.records, []);
      assert.ok(
        newsletter?.records.some(
          (line) =>
            line.recordType.id === "newsletter.subscriber" &&
            line.effects[0]?.action === "unsubscribe",
        ),
      );
      const { html } = await panelHtml(request.requestId);
      assert.match(html, /Niet van toepassing op Bij het afhandelen van bestellingen/);

      for (const purpose of ["contact", "orders"]) {
        const done = await execute(privacy, request.requestId, { right: "objection", purpose });
        assert.equal(done.statusCode, 303, done.body);
      }
      const withdrawn = await execute(privacy, request.requestId, {
        right: "withdraw_consent",
        purpose: "newsletter",
      });
      assert.equal(withdrawn.statusCode, 303, withdrawn.body);

      const may = (purpose: "contact" | "orders" | "newsletter") =>
        mayProcess(t.database.db, { subjectId: person.subjectId, purpose });
      assert.equal((await may("contact")).allowed, false);
      assert.equal((await may("newsletter")).allowed, false);
      assert.equal((await may("orders")).allowed, true, "invoicing goes on: a legal obligation");
      const [subscriber] = await queryRows<{ unsubscribed_at: Date | null }>(
        t.database.db,
        sql`select unsubscribed_at from newsletter_subscribers where subject_id = ${person.subjectId}`,
      );
      assert.ok(subscriber?.unsubscribed_at, "unsubscribed from the newsletter");
      assert.equal(
        await count("contact_requests", person.subjectId),
        1,
        "an objection erases nothing here",
      );

      const { panel } = await panelHtml(request.requestId);
      const letter = panel.letter?.text ?? "";
      assert.match(
        letter,
        /Bezwaar tegen de verwerking \(Via contactformulier\(en\)\):\n- Sinds 1 januari 2026 verwerken we je gegevens hiervoor niet meer/,
      );
      assert.match(
        letter,
        /steunt niet op ons gerechtvaardigd belang maar op een wettelijke verplichting/,
      );
      assert.match(letter, /We hebben je uitgeschreven voor al onze nieuwsbrieven\./);
      assert.equal(panel.pendingSteps, 0);
    });

    it("shows the execution panel on the request page and executes from its own form", async () => {
      const person = await personWithEverything();
      const request = await verifiedRequest(person.email, [{ kind: "restriction" }]);
      const page = `/admin/rights/${request.requestId}`;
      const shown = await t.app.inject({
        url: page,
        remoteAddress: privacy.jar.ip,
        headers: { cookie: privacy.jar.header },
      });
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /<caption>Wat beperking van de verwerking doet<\/caption>/);
      assert.match(shown.body, /name="right" value="restriction"/);
      const done = await submitForm(t, privacy.jar, page, `${page}/execute`, {
        right: "restriction",
      });
      assert.equal(done.statusCode, 303, done.body);
      const after = await t.app.inject({
        url: page,
        remoteAddress: privacy.jar.ip,
        headers: { cookie: privacy.jar.header },
      });
      assert.match(after.body, /Uitgevoerd op 2026-01-01/);
      assert.match(after.body, /action="\/admin\/rights\/[^"]+\/answer"/);
    });

    it("refuses staff without the rights permission, requests not verified, and rights not asked", async () => {
      const person = await personWithEverything();
      const request = await verifiedRequest(person.email, [{ kind: "erasure" }]);
      const forbidden = await execute(support, request.requestId, { right: "erasure" });
      assert.equal(forbidden.statusCode, 403);
      const notAsked = await execute(privacy, request.requestId, { right: "access" });
      assert.equal(notAsked.statusCode, 400);
      const noAnswerYet = await post(privacy, `/admin/rights/${request.requestId}/answer`);
      assert.equal(noAnswerYet.statusCode, 409, "every step first");
      const unknown = await execute(privacy, crypto.randomUUID(), { right: "erasure" });
      assert.equal(unknown.statusCode, 404);

      const received = await createRequest(deps(), {
        channel: "phone",
        locale: "nl",
        rights: [{ kind: "erasure" }],
        email: person.email,
        enteredBy: privacy.staffId,
      });
      const early = await execute(privacy, received.requestId, { right: "erasure" });
      assert.equal(early.statusCode, 409, "identity not verified yet");
      assert.equal(await count("contact_requests", person.subjectId), 1, "nothing erased");
      assert.equal((await readRow(request.requestId)).outcome.length, 0);
    });
  });
}

/** The text a PDF reader extracts; mupdf also proves the file opens. */
function pdfText(pdf: Buffer): string {
  const document = mupdf.Document.openDocument(pdf, "application/pdf");
  const pages: string[] = [];
  for (let index = 0; index < document.countPages(); index++) {
    pages.push(document.loadPage(index).toStructuredText("preserve-whitespace").asText());
  }
  // Lines wrap where the page ends: compare words, not line breaks.
  return pages.join("\n").replace(/\s+/g, " ");
}
