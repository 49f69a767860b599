import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { multipart, type Part } from "../../../test/helpers/multipart.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { CookieJar, csrfFrom } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";

/** A real 1×1 PNG. */
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const pdf = (size: number) =>
  Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(Math.max(0, size - 9), 0x20)]);
const file = (filename: string, type: string, content: Buffer) => ({
  name: "attachments",
  filename,
  type,
  content,
});

// Distinctive values, so a test can prove none of them reaches the logs.
const visitor = {
  name: "Griet Vandevelde-Zonnebloem",
  email: "griet.zonnebloem@example.be",
  phone: "0470 12 34 56",
  subject: "Offerte voor een nieuwe server",
  message: "Kunnen jullie volgende week langskomen? <script>alert('xss')</script>",
};

let nextIp = 1;
const freshIp = () => `203.0.113.${nextIp++}`;

for (const kind of databaseKinds) {
  describe(`the contact form and API on ${kind} (statement: "Via contactformulier(en)")`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(kind, { env: { CONTACT_CORS_ORIGINS: "https://www.wits.be" } });
    });
    after(() => t.close());

    const counts = async () => {
      const [row] = await queryRows<{ requests: number; attachments: number; mails: number }>(
        t.database.db,
        sql`select
          (select count(*)::int from contact_requests) as requests,
          (select count(*)::int from contact_attachments) as attachments,
          (select count(*)::int from outbox where purpose = 'contact.confirmation') as mails`,
      );
      assert.ok(row);
      return row;
    };

    /** Opens /contact as a browser, waits like a person, then sends the form. */
    const sendForm = async (
      fields: Record<string, string>,
      files: Part[] = [],
      options: { language?: string; waitMs?: number } = {},
    ) => {
      const jar = new CookieJar();
      const ip = freshIp();
      const language = { "accept-language": options.language ?? "nl" };
      const page = await t.app.inject({ url: "/contact", remoteAddress: ip, headers: language });
      assert.equal(page.statusCode, 200);
      jar.take(page.headers["set-cookie"]);
      const rendered = /name="rendered" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(rendered, "the form carries its signed render time");
      t.clock.advance(options.waitMs ?? 5_000);
      const body = multipart([
        { name: "_csrf", value: csrfFrom(page.body) },
        { name: "rendered", value: rendered },
        { name: "website", value: "" },
        ...Object.entries(fields).map(([name, value]) => ({ name, value })),
        ...files,
      ]);
      return t.app.inject({
        method: "POST",
        url: "/contact",
        remoteAddress: ip,
        headers: { ...body.headers, ...language, cookie: jar.header },
        payload: body.payload,
      });
    };

    it("shows a form with every field labelled and what is kept, with a link to the statement", async () => {
      const page = await t.app.inject({ url: "/contact" });
      assert.equal(page.statusCode, 200);
      for (const id of ["name", "email", "phone", "subject", "message", "attachments"]) {
        assert.match(page.body, new RegExp(`<label for="contact-${id}"`), id);
      }
      assert.match(page.body, /enctype="multipart\/form-data"/);
      assert.match(page.body, /aria-hidden="true"><label for="contact-website"/);
      assert.match(page.body, /name="website" type="text" tabindex="-1"/);
      assert.match(page.body, /Wat we bewaren: [^<]+\.[^<]+<a href="\/privacy">/);
    });

    it("stores a sent form with its attachment, queues one confirmation and shows the reference", async () => {
      const before = await counts();
      const response = await sendForm(visitor, [file("foto.png", "image/png", png)]);
      assert.equal(response.statusCode, 303, response.body);
      const location = String(response.headers.location);
      const reference = /^\/contact\/sent\?ref=(C-[2-9A-Z]{6})$/.exec(location)?.[1];
      assert.ok(reference, location);
      const sent = await t.app.inject({ url: location });
      assert.equal(sent.statusCode, 200);
      assert.match(sent.body, new RegExp(`Je referentie is ${reference}\\.`));
      assert.match(sent.body, /bevestiging per e-mail/);

      assert.deepEqual(await counts(), {
        requests: before.requests + 1,
        attachments: before.attachments + 1,
        mails: before.mails + 1,
      });
      const [request] = await queryRows<{
        id: string;
        subject_id: string;
        message_ciphertext: string;
        channel: string;
      }>(
        t.database.db,
        sql`select id, subject_id, message_ciphertext, channel from contact_requests where reference = ${reference}`,
      );
      assert.ok(request);
      assert.equal(request.channel, "form");
      const message = await t.vault.decryptField(t.database.db, {
        subjectId: request.subject_id,
        purpose: "contact",
        table: "contact_requests",
        column: "message_ciphertext",
        recordId: request.id,
        ciphertext: request.message_ciphertext,
      });
      assert.equal(message, visitor.message, "the message is stored as typed, script tag and all");
      const [attachment] = await queryRows<{ media_type: string; size_bytes: number }>(
        t.database.db,
        sql`select media_type, size_bytes from contact_attachments where request_id = ${request.id}`,
      );
      assert.deepEqual(attachment, { media_type: "image/png", size_bytes: png.length });
      const confirmations = (await mailsOf(t, "contact.confirmation")).filter((one) =>
        one.subject.includes(reference),
      );
      assert.equal(confirmations.length, 1);
      const [mail] = confirmations;
      assert.ok(mail);
      assert.equal(mail.toAddress, visitor.email);
      assert.equal(mail.erased, false);
      // Sealed under the visitor's own "contact" key, so erasing them shreds the mail too.
      assert.equal(mail.vaultPurpose, "contact");
      assert.equal(mail.subjectId, request.subject_id);
      const [plain] = await queryRows<{
        to_address: string | null;
        subject: string | null;
        text_body: string | null;
        html_body: string | null;
        headers: Record<string, string>;
        attachments: unknown[];
        sealed_content: string | null;
        dump: string;
      }>(
        t.database.db,
        sql`select to_address, subject, text_body, html_body, headers, attachments, sealed_content,
                   row_to_json(o)::text as dump
            from outbox o where id = ${mail.id}`,
      );
      assert.ok(plain);
      assert.equal(plain.to_address, null);
      assert.equal(plain.subject, null);
      assert.equal(plain.text_body, null);
      assert.equal(plain.html_body, null);
      assert.deepEqual(plain.headers, {});
      assert.deepEqual(plain.attachments, []);
      assert.ok(plain.sealed_content, "the content is sealed in the row");
      assert.doesNotMatch(plain.dump, /zonnebloem|Griet|Vandevelde/i);
      assert.ok(!plain.dump.includes(reference), "not even the reference is in plain text");
    });

    const badInputs: {
      name: string;
      fields?: Record<string, string>;
      files?: Part[];
      nl: RegExp;
      en: RegExp;
    }[] = [
      {
        name: "a missing e-mail address",
        fields: { ...visitor, email: "" },
        nl: /Vul een geldig e-mailadres in/,
        en: /Enter a valid e-mail address/,
      },
      {
        name: "a phone number that is not one",
        fields: { ...visitor, phone: "12345" },
        nl: /Dit telefoonnummer klopt niet/,
        en: /This phone number is not valid/,
      },
      {
        name: "an 11 MB file",
        files: [file("plan.pdf", "application/pdf", pdf(11 * 1024 * 1024))],
        nl: /plan\.pdf is te groot: elk bestand mag hoogstens 10 MB zijn/,
        en: /plan\.pdf is too large: each file may be at most 10 MB/,
      },
      {
        name: "a Windows program renamed .pdf",
        files: [
          file("factuur.pdf", "application/pdf", Buffer.concat([Buffer.from("MZ"), pdf(2048)])),
        ],
        nl: /factuur\.pdf werd geweigerd: de inhoud is geen toegelaten bestandstype/,
        en: /factuur\.pdf was refused: its content is not an accepted file type/,
      },
      {
        name: "six attachments",
        files: [1, 2, 3, 4, 5, 6].map((n) =>
          file(`nota-${n}.txt`, "text/plain", Buffer.from("ok")),
        ),
        nl: /Je kan hoogstens 5 bijlagen meesturen/,
        en: /You can send at most 5 attachments/,
      },
      {
        name: "a name of a megabyte",
        fields: { ...visitor, name: "x".repeat(1024 * 1024) },
        nl: /Vul je naam in \(hoogstens 200 tekens\)/,
        en: /Enter your name \(at most 200 characters\)/,
      },
    ];

    for (const bad of badInputs) {
      for (const language of ["nl", "en"] as const) {
        it(`refuses ${bad.name} in ${language}, keeps what was typed and stores nothing`, async () => {
          const before = await counts();
          const response = await sendForm(bad.fields ?? visitor, bad.files, { language });
          assert.equal(response.statusCode, 400);
          assert.match(response.body, bad[language]);
          assert.match(response.body, /role="alert"/);
          assert.match(response.body, /aria-invalid="true"/);
          assert.match(
            response.body,
            /value="Offerte voor een nieuwe server"/,
            "the subject is kept",
          );
          assert.deepEqual(await counts(), before);
        });
      }
    }

    it("shows a typed <script> back escaped when the form comes back with an error", async () => {
      const response = await sendForm({ ...visitor, email: "" });
      assert.equal(response.statusCode, 400);
      assert.ok(response.body.includes("&lt;script>alert('xss')&lt;/script></textarea>"));
      assert.doesNotMatch(response.body, /<script>alert/);
    });

    it("refuses a form whose hidden field was filled in, or that was sent too fast", async () => {
      const before = await counts();
      const honeypot = await sendForm({ ...visitor, website: "https://spam.example" });
      assert.equal(honeypot.statusCode, 400);
      assert.match(honeypot.body, /Het lijkt erop dat het formulier automatisch werd verstuurd/);
      const tooFast = await sendForm(visitor, [], { waitMs: 1_000 });
      assert.equal(tooFast.statusCode, 400);
      assert.match(tooFast.body, /Wacht enkele seconden en verstuur het opnieuw/);
      assert.match(tooFast.body, /value="Griet Vandevelde-Zonnebloem"/, "the name is kept");
      const stale = await sendForm(visitor, [], { waitMs: 25 * 60 * 60 * 1000 });
      assert.equal(stale.statusCode, 400);
      assert.match(stale.body, /Dit formulier stond te lang open/);
      assert.deepEqual(await counts(), before);
    });

    it("refuses a forged render time", async () => {
      const jar = new CookieJar();
      const ip = freshIp();
      const page = await t.app.inject({ url: "/contact", remoteAddress: ip });
      jar.take(page.headers["set-cookie"]);
      const body = multipart([
        { name: "_csrf", value: csrfFrom(page.body) },
        { name: "rendered", value: `${t.clock.now().getTime() - 60_000}.forged` },
        ...Object.entries(visitor).map(([name, value]) => ({ name, value })),
      ]);
      const response = await t.app.inject({
        method: "POST",
        url: "/contact",
        remoteAddress: ip,
        headers: { ...body.headers, cookie: jar.header },
        payload: body.payload,
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /automatisch werd verstuurd/);
    });

    it("takes a request as JSON through the API and answers 201 with the reference", async () => {
      const before = await counts();
      const response = await t.app.inject({
        method: "POST",
        url: "/api/contact",
        remoteAddress: freshIp(),
        headers: { origin: "https://www.wits.be" },
        payload: { ...visitor, locale: "fr" },
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.match(response.json().reference, /^C-[2-9A-Z]{6}$/);
      assert.equal(response.headers["access-control-allow-origin"], "https://www.wits.be");
      const after = await counts();
      assert.equal(after.requests, before.requests + 1);
      assert.equal(after.mails, before.mails + 1);
      const [row] = await queryRows<{ channel: string; locale: string }>(
        t.database.db,
        sql`select channel, locale from contact_requests where reference = ${response.json().reference}`,
      );
      assert.deepEqual(row, { channel: "api", locale: "fr" });
    });

    it("takes files through the API as multipart, with the same checks", async () => {
      const before = await counts();
      const body = multipart([
        ...Object.entries(visitor).map(([name, value]) => ({ name, value })),
        file("lijst.csv", "text/csv", Buffer.from("naam;aantal\nschroef;3\n")),
      ]);
      const ok = await t.app.inject({
        method: "POST",
        url: "/api/contact",
        remoteAddress: freshIp(),
        ...body,
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal((await counts()).attachments, before.attachments + 1);
      const refused = multipart([
        ...Object.entries(visitor).map(([name, value]) => ({ name, value })),
        file("setup.pdf", "application/pdf", Buffer.concat([Buffer.from("MZ"), pdf(100)])),
      ]);
      const answer = await t.app.inject({
        method: "POST",
        url: "/api/contact",
        remoteAddress: freshIp(),
        headers: { ...refused.headers, "accept-language": "en" },
        payload: refused.payload,
      });
      assert.equal(answer.statusCode, 400);
      assert.match(answer.json().error.fields[0].message, /setup\.pdf was refused/);
    });

    it("answers CORS only for the configured origins", async () => {
      const preflight = (origin: string) =>
        t.app.inject({
          method: "OPTIONS",
          url: "/api/contact",
          headers: { origin, "access-control-request-method": "POST" },
        });
      const allowed = await preflight("https://www.wits.be");
      assert.equal(allowed.statusCode, 204);
      assert.equal(allowed.headers["access-control-allow-origin"], "https://www.wits.be");
      assert.match(String(allowed.headers["access-control-allow-methods"]), /POST/);
      const other = await preflight("https://evil.example");
      assert.equal(other.headers["access-control-allow-origin"], undefined);
      const post = await t.app.inject({
        method: "POST",
        url: "/api/contact",
        remoteAddress: freshIp(),
        headers: { origin: "https://evil.example" },
        payload: { ...visitor },
      });
      assert.equal(post.headers["access-control-allow-origin"], undefined);
    });

    it("answers bad API input with a JSON error in the caller's language and stores nothing", async () => {
      const before = await counts();
      const send = (language: string, payload: object) =>
        t.app.inject({
          method: "POST",
          url: "/api/contact",
          remoteAddress: freshIp(),
          headers: { "accept-language": language, origin: "https://www.wits.be" },
          payload,
        });
      const dutch = await send("nl", { ...visitor, email: "geen-adres" });
      assert.equal(dutch.statusCode, 400);
      assert.equal(dutch.json().error.code, "validation");
      assert.match(JSON.stringify(dutch.json().error.fields), /Vul een geldig e-mailadres in/);
      assert.equal(dutch.headers["access-control-allow-origin"], "https://www.wits.be");
      const english = await send("en", { ...visitor, phone: "12345" });
      assert.equal(english.statusCode, 400);
      assert.match(JSON.stringify(english.json().error.fields), /This phone number is not valid/);
      const missing = await send("en", { name: visitor.name });
      assert.equal(missing.statusCode, 400);
      assert.match(JSON.stringify(missing.json().error), /Enter a valid e-mail address/);
      assert.deepEqual(await counts(), before);
    });

    it("allows ten contact posts a minute from one address, then asks to wait", async () => {
      const ip = freshIp();
      const statuses: number[] = [];
      for (let n = 0; n < 11; n += 1) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/contact",
          remoteAddress: ip,
          payload: { name: "" },
        });
        statuses.push(response.statusCode);
      }
      assert.deepEqual(statuses, [...Array(10).fill(400), 429]);
    });

    it("never writes the visitor's name, e-mail address or message to the logs", () => {
      const logs = t.logs.join("");
      assert.ok(logs.length > 0, "the app logged something");
      for (const value of [
        visitor.name,
        visitor.email,
        "langskomen",
        visitor.subject,
        "470123456",
      ]) {
        assert.ok(!logs.includes(value), `${value} is in the logs`);
      }
    });
  });
}
