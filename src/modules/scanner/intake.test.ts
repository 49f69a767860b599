import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { multipart } from "../../../test/helpers/multipart.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { type SignedIn, setUpStaff } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";

/** A valid national number of someone born 30 July 1985 (check: 97 - 850730033 mod 97). */
function nationalNumber(first9: string): string {
  const check = String(97 - (Number(first9) % 97)).padStart(2, "0");
  return `${first9.slice(0, 2)}.${first9.slice(2, 4)}.${first9.slice(4, 6)}-${first9.slice(6)}.${check}`;
}
const number = nationalNumber("850730033");

let nextIp = 1;

for (const kind of databaseKinds) {
  describe(`sensitive data at intake on ${kind} (statement: "Bijzondere (gevoelige) persoonsgegevens")`, () => {
    let t: TestApp;
    let support: SignedIn;
    let privacy: SignedIn;

    before(async () => {
      t = await createTestApp(kind);
      support = await setUpStaff(t, "support");
      privacy = await setUpStaff(t, "privacy");
    });
    after(() => t.close());

    const send = (message: string, language = "nl") =>
      t.app.inject({
        method: "POST",
        url: "/api/contact",
        remoteAddress: `198.51.100.${nextIp++}`,
        headers: { "accept-language": language },
        payload: {
          name: "Lieve Claes",
          email: `lieve.${nextIp}@example.be`,
          subject: "Vraag",
          message,
          locale: language,
        },
      });
    const staffPage = (who: SignedIn, url: string) =>
      t.app.inject({ url, headers: { cookie: who.jar.header } });
    const requestId = async (reference: string) => {
      const [row] = await queryRows<{ id: string }>(
        t.database.db,
        sql`select id::text as id from contact_requests where reference = ${reference}`,
      );
      return row?.id;
    };

    it("removes a national number and a password before storing, and tells the visitor", async () => {
      const reply = await send(
        `Mijn rijksregisternummer is ${number} en mijn wachtwoord is Zomer2024!`,
      );
      assert.equal(reply.statusCode, 201, reply.body);
      const body = reply.json();
      assert.deepEqual([...body.removed].sort(), ["credential", "national_number"]);
      assert.equal(body.quarantine, null);
      assert.match(body.notices[0], /rijksregisternummer/);
      const id = await requestId(body.reference);
      const page = await staffPage(support, `/admin/contact/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /\[verwijderd: rijksregisternummer\]/);
      assert.match(page.body, /\[verwijderd: wachtwoord of pincode\]/);
      assert.doesNotMatch(page.body, /Zomer2024|033\.\d\d/);
      assert.ok(!t.logs.join("").includes("Zomer2024"), "the password never reached the logs");
    });

    it("answers in the visitor's language: the French marker and notice", async () => {
      const reply = await send(`Mon numéro national: ${number}. Merci!`, "fr");
      assert.equal(reply.statusCode, 201, reply.body);
      assert.match(reply.json().notices[0], /numéro de registre national/);
      const page = await staffPage(
        support,
        `/admin/contact/${await requestId(reply.json().reference)}`,
      );
      assert.match(page.body, /\[supprimé : numéro de registre national\]/);
    });

    it("holds a message about someone's health: hidden from the inbox, the officer mailed", async () => {
      const reply = await send(
        "Ik heb diabetes type 1 en kan mijn laptop niet meer gebruiken zonder hulp.",
      );
      assert.equal(reply.statusCode, 201, reply.body);
      assert.equal(reply.json().quarantine, "held");
      assert.match(reply.json().notices.join(" "), /24 uur/);
      const id = await requestId(reply.json().reference);
      const inbox = await staffPage(support, "/admin/contact");
      assert.ok(!inbox.body.includes(reply.json().reference), "not in the support inbox");
      assert.equal((await staffPage(support, `/admin/contact/${id}`)).statusCode, 404);
      const [owner] = await queryRows<{ subject_id: string }>(
        t.database.db,
        sql`select subject_id::text as subject_id from contact_requests where id = ${id}`,
      );
      const person = await staffPage(support, `/admin/subjects/${owner?.subject_id}`);
      assert.equal(person.statusCode, 200);
      assert.match(person.body, /In quarantaine/);
      assert.doesNotMatch(person.body, /diabetes/, "the person's page hides the held message");
      const [held] = await queryRows<{ status: string; types: string[] }>(
        t.database.db,
        sql`select status, types from record_quarantines where record_id = ${id}`,
      );
      assert.deepEqual(held, { status: "held", types: ["health"] });
      const mails = await mailsOf(t, "scanner.quarantine");
      assert.ok(mails.length >= 1, "the privacy officer was mailed");
      assert.ok(
        mails.every((mail) => !JSON.stringify(mail).includes("diabetes")),
        "the mail names the kind of data, not the message",
      );
      assert.ok(mails.some((mail) => mail.toAddress === privacy.email));
    });

    it("holds a minor's message and their newsletter sign-up, which gets no confirmation link", async () => {
      const email = "jonas.minor@example.be";
      const reply = await t.app.inject({
        method: "POST",
        url: "/api/contact",
        remoteAddress: "198.51.100.250",
        payload: {
          name: "Jonas",
          email,
          subject: "Laptop",
          message: "Hallo, ik ben 14 jaar en mijn laptop van school start niet meer op.",
          locale: "nl",
        },
      });
      assert.equal(reply.statusCode, 201, reply.body);
      assert.equal(reply.json().quarantine, "held");
      const before = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from outbox where purpose = 'newsletter.confirm'`,
      );
      const signup = await t.app.inject({
        method: "POST",
        url: "/api/newsletter/subscribe",
        remoteAddress: "198.51.100.251",
        payload: { name: "Jonas", email, topics: ["news"], locale: "nl" },
      });
      assert.ok(signup.statusCode < 300, signup.body);
      const afterSignup = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from outbox where purpose = 'newsletter.confirm'`,
      );
      assert.equal(afterSignup[0]?.n, before[0]?.n, "no confirmation link for a suspected minor");
      const held = await queryRows<{ record_type: string }>(
        t.database.db,
        sql`select record_type from record_quarantines where status = 'held'
            and types @> '["minor"]'::jsonb order by record_type`,
      );
      assert.deepEqual(
        held.map((row) => row.record_type),
        ["contact.request", "newsletter.signup"],
      );
    });

    it("redacts a text attachment and keeps a held request's files from download", async () => {
      const body = multipart([
        { name: "name", value: "Koen Maes" },
        { name: "email", value: "koen.maes@example.be" },
        { name: "subject", value: "Verslag" },
        { name: "message", value: "In bijlage mijn verslag; ik ben sinds maart zwanger." },
        {
          name: "attachments",
          filename: "gegevens.txt",
          type: "text/plain",
          content: Buffer.from(`Rijksregisternummer: ${number}\n`),
        },
      ]);
      const reply = await t.app.inject({
        method: "POST",
        url: "/api/contact",
        remoteAddress: "198.51.100.252",
        ...body,
      });
      assert.equal(reply.statusCode, 201, reply.body);
      assert.equal(reply.json().quarantine, "held");
      assert.deepEqual(reply.json().removed, ["national_number"]);
      const id = await requestId(reply.json().reference);
      const [file] = await queryRows<{ id: string }>(
        t.database.db,
        sql`select id::text as id from contact_attachments where request_id = ${id}`,
      );
      const download = await staffPage(support, `/admin/contact/${id}/attachments/${file?.id}`);
      assert.equal(download.statusCode, 404, "a held request's file is not downloadable");
    });

    it("refuses health data in a staff note instead of storing it", async () => {
      const sent = await send("Graag een offerte voor drie laptops.");
      const id = await requestId(sent.json().reference);
      const page = await staffPage(support, `/admin/contact/${id}`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
      const note = await t.app.inject({
        method: "POST",
        url: `/admin/contact/${id}/notes`,
        headers: {
          cookie: support.jar.header,
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({
          _csrf: csrf,
          text: "Klant is zwanger en werkt deeltijds",
        }).toString(),
      });
      assert.equal(note.statusCode, 400, note.body);
      assert.match(note.body, /gezondheid/);
      const [count] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from contact_notes where request_id = ${id}`,
      );
      assert.equal(count?.n, 0);
    });

    it("says on /privacy what it removes and how long a held message waits", async () => {
      const page = await t.app.inject({ url: "/privacy", headers: { "accept-language": "nl" } });
      assert.match(page.body, /verwijderen we deze nog vóór we het bewaren: rijksregisternummer/);
      assert.match(page.body, /na 24 uur gewist/);
    });
  });
}
