import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openedOutbox } from "../../../test/helpers/outbox.ts";
import { CookieJar, csrfFrom } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import { createStaffAccount } from "../staff/index.ts";

describe('the security contact (statement: "Beveiliging van persoonsgegevens")', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp("pglite", { env: { PUBLIC_URL: "https://privacy.wits.be" } });
  });
  after(() => t.close());

  it("serves /.well-known/security.txt by RFC 9116 from the policy", async () => {
    const reply = await t.app.inject({ url: "/.well-known/security.txt" });
    assert.equal(reply.statusCode, 200);
    assert.equal(reply.headers["content-type"], "text/plain; charset=utf-8");
    const fields = reply.body.trim().split("\n");
    assert.deepEqual(fields, [
      "Contact: mailto:privacy@wits.be",
      "Contact: https://privacy.wits.be/security",
      "Expires: 2027-10-31T23:59:59.000Z",
      "Preferred-Languages: nl, en, fr",
      "Canonical: https://privacy.wits.be/.well-known/security.txt",
      "Policy: https://privacy.wits.be/security",
    ]);
    assert.ok(!Number.isNaN(Date.parse(fields[2]?.slice("Expires: ".length) ?? "")));
  });

  it("says on /security, in the visitor's language, whom to tell and what to send", async () => {
    const cases = [
      ["nl", /Iets niet in orde\?/, /Misbruik of een beveiligingsprobleem melden/],
      ["en", /Something not right\?/, /Report misuse or a security problem/],
      ["fr", /Quelque chose ne va pas/, /Signaler un abus ou un problème de sécurité/],
    ] as const;
    for (const [language, heading, form] of cases) {
      const page = await t.app.inject({
        url: "/security",
        headers: { "accept-language": language },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, heading);
      assert.match(page.body, form);
      assert.match(page.body, /href="mailto:privacy@wits.be"/);
      assert.match(page.body, /href="\/.well-known\/security.txt"/);
    }
  });

  it("is linked from the statement's security section", async () => {
    const statement = await t.app.inject({ url: "/privacy", headers: { "accept-language": "nl" } });
    assert.match(
      statement.body,
      /<a href="\/security">Een beveiligingsprobleem of misbruik melden<\/a>/,
    );
  });
});

for (const kind of databaseKinds) {
  describe(`the misuse report form on /security (statement: "Indien je de indruk hebt dat je gegevens niet goed beveiligd zijn … raden we je aan hierover contact op te nemen") on ${kind}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(kind, { env: { PUBLIC_URL: "https://privacy.wits.be" } });
      await createStaffAccount(
        { db: t.database.db, clock: t.clock },
        { email: "officer@wits.be", displayName: "Officer", role: "privacy" },
      );
      await createStaffAccount(
        { db: t.database.db, clock: t.clock },
        { email: "helpdesk@wits.be", displayName: "Helpdesk", role: "support" },
      );
    });
    after(() => t.close());

    /** Opens /security as a browser, waits as a person would, and posts the form. */
    const report = async (
      fields: Record<string, string>,
      options: { language?: string; waitMs?: number } = {},
    ) => {
      const jar = new CookieJar();
      const headers = { "accept-language": options.language ?? "nl" };
      const page = await t.app.inject({ url: "/security", remoteAddress: jar.ip, headers });
      jar.take(page.headers["set-cookie"]);
      const rendered = /name="rendered" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(rendered, "the form carries its signed render time");
      t.clock.advance(options.waitMs ?? 5_000);
      return t.app.inject({
        method: "POST",
        url: "/security/report",
        remoteAddress: jar.ip,
        headers: {
          ...headers,
          cookie: jar.header,
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          rendered,
          ...fields,
        }).toString(),
      });
    };
    const count = async (table: "breaches" | "contact_requests") =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from ${sql.identifier(table)}`,
        )
      )[0]?.n ?? 0;
    const message = "Ik kreeg een phishingmail met mijn klantnummer erin, gisteren om 14 uur.";

    it("lands in the breach register as a report to triage and in the contact inbox", async () => {
      const sent = await report({ message, name: "Jan Peeters", email: "jan@voorbeeld.be" });
      assert.equal(sent.statusCode, 303, sent.body);
      const location = String(sent.headers.location);
      assert.match(location, /^\/security\/sent\?ref=C-[2-9A-Z]{6}/);
      const thanks = await t.app.inject({ url: location, headers: { "accept-language": "nl" } });
      assert.match(thanks.body, /Bedankt voor je melding/);
      assert.match(thanks.body, /Je referentie is C-/);

      const [breach] = await queryRows<{
        id: string;
        status: string;
        source: string;
        title: string;
        contact_request_id: string;
        discovered_at: Date | null;
      }>(t.database.db, sql`select * from breaches`);
      assert.equal(breach?.status, "triage");
      assert.equal(breach?.source, "report");
      assert.equal(breach?.title, "Melding via de beveiligingspagina");
      assert.equal(breach?.discovered_at, null, "the clock waits for triage");
      const [request] = await queryRows<{ id: string; reference: string; message: string }>(
        t.database.db,
        sql`select id, reference, message_ciphertext as message from contact_requests`,
      );
      assert.equal(request?.id, breach?.contact_request_id);
      assert.ok(location.includes(request?.reference ?? "?"));
      assert.ok(!request?.message.includes("phishing"), "the message is stored encrypted");

      const mails = await openedOutbox(t);
      const officerMails = mails.filter((mail) => mail.purpose === "breaches.reported");
      assert.deepEqual(
        officerMails.map((mail) => mail.toAddress),
        ["officer@wits.be"],
        "the privacy officer is told once; support staff are not",
      );
      assert.ok(
        officerMails[0]?.textBody.includes(`https://privacy.wits.be/admin/breaches/${breach?.id}`),
      );
      assert.doesNotMatch(officerMails[0]?.textBody ?? "", /phishing|Jan|voorbeeld/);
      assert.ok(
        mails.some(
          (mail) =>
            mail.purpose === "contact.confirmation" && mail.toAddress === "jan@voorbeeld.be",
        ),
        "the reporter gets the contact confirmation",
      );

      const audits = await queryRows<{ action: string; details: Record<string, unknown> }>(
        t.database.db,
        sql`select action, details from audit_log where action in ('breach.reported', 'contact.received')`,
      );
      assert.deepEqual(audits.map((entry) => entry.action).sort(), [
        "breach.reported",
        "contact.received",
      ]);
      assert.doesNotMatch(JSON.stringify(audits), /phishing|Jan|voorbeeld/);
      assert.ok(!t.logs.join("").includes("jan@voorbeeld.be"), "no address in the logs");
    });

    it("needs no name", async () => {
      const before = await count("breaches");
      const sent = await report({ message, name: "", email: "anoniem@voorbeeld.be" });
      assert.equal(sent.statusCode, 303, sent.body);
      assert.equal(await count("breaches"), before + 1);
    });

    it("refuses bad input with a 400 in the visitor's language, keeping what they typed", async () => {
      const breachesBefore = await count("breaches");
      const requestsBefore = await count("contact_requests");
      const dutch = await report({ message: "Verdachte login <b>gezien</b>", email: "geen-adres" });
      assert.equal(dutch.statusCode, 400);
      assert.match(dutch.body, /Vul een geldig e-mailadres in/);
      assert.match(dutch.body, /Verdachte login &lt;b>gezien&lt;\/b>/, "the message is kept");
      assert.match(dutch.body, /value="geen-adres"/);

      const english = await report(
        { message: "", email: "someone@example.com" },
        { language: "en" },
      );
      assert.equal(english.statusCode, 400);
      assert.match(english.body, /Describe what you saw/);
      assert.match(english.body, /value="someone@example.com"/);
      assert.equal(await count("breaches"), breachesBefore);
      assert.equal(await count("contact_requests"), requestsBefore);
    });

    it("refuses a form a script filled in: the honeypot, or a post too fast", async () => {
      const before = await count("breaches");
      const trapped = await report({ message, email: "bot@voorbeeld.be", website: "http://spam" });
      assert.equal(trapped.statusCode, 400);
      assert.match(trapped.body, /automatisch werd verstuurd/);
      const hasty = await report({ message, email: "bot@voorbeeld.be" }, { waitMs: 500 });
      assert.equal(hasty.statusCode, 400);
      assert.equal(await count("breaches"), before);
    });

    it("refuses a post without the form's token", async () => {
      const forged = await t.app.inject({
        method: "POST",
        url: "/security/report",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ message, email: "x@voorbeeld.be" }).toString(),
      });
      assert.equal(forged.statusCode, 403);
    });
  });
}
