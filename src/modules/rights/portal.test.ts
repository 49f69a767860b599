import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { multipart, type Part } from "../../../test/helpers/multipart.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { CookieJar, csrfFrom } from "../../../test/helpers/staff.ts";
import { listAudit } from "../../audit/index.ts";
import { queryRows } from "../../core/db/database.ts";
import { exportSubject } from "../../datamap/export/index.ts";
import { loadActivePolicy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { readIdCopy } from "./id-copy-store.ts";
import { sealRequestField } from "./request-store.ts";
import { statusToken } from "./request-token.ts";

/** A real 1×1 PNG. */
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const days = (n: number) => n * 24 * 60 * 60_000;
const dutch = { "accept-language": "nl-BE,nl;q=0.9" };

/** A distinctive address per request, so a test can prove none reaches the logs. */
const newEmail = () => `zoe.vandamme-${crypto.randomUUID().slice(0, 8)}@voorbeeld.be`;

type Fields = Record<string, string | string[]>;

for (const kind of databaseKinds) {
  describe(`the rights portal on ${kind} (statement: "Gegevens inzien, aanpassen of verwijderen")`, () => {
    let t: TestApp;
    const emails: string[] = [];

    before(async () => {
      t = await createTestApp(kind, { env: { CONTACT_POSTS_PER_MINUTE: "1000" } });
    });
    after(() => t.close());

    const get = (url: string, jar = new CookieJar(), headers: Record<string, string> = dutch) =>
      t.app.inject({
        method: "GET",
        url,
        remoteAddress: jar.ip,
        headers: { ...headers, cookie: jar.header },
      });

    /** Opens the form as a browser, waits like a person, then sends it. */
    const sendForm = async (fields: Fields, language = dutch) => {
      const jar = new CookieJar();
      const page = await get("/privacy/request", jar, language);
      assert.equal(page.statusCode, 200);
      jar.take(page.headers["set-cookie"]);
      const rendered = /name="rendered" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
      t.clock.advance(5_000);
      const body = new URLSearchParams({ _csrf: csrfFrom(page.body), rendered, website: "" });
      for (const [name, value] of Object.entries(fields)) {
        for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
      }
      return t.app.inject({
        method: "POST",
        url: "/privacy/request",
        remoteAddress: jar.ip,
        headers: {
          ...language,
          cookie: jar.header,
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: body.toString(),
      });
    };

    /** The mails of one purpose to one address, oldest first, opened. */
    const mailsTo = (email: string, purpose: string) => mailsOf(t, purpose, email);

    const confirmTokenFor = async (email: string) => {
      const [mail] = await mailsTo(email, "rights.confirm");
      const token = /\/privacy\/request\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(
        mail?.textBody ?? "",
      )?.[1];
      assert.ok(token, "the mail carries a confirmation link");
      return token;
    };

    /** GET the link's page as a browser, then press its one button. */
    const pressConfirm = async (token: string) => {
      const jar = new CookieJar();
      const page = await get(`/privacy/request/confirm?token=${token}`, jar);
      jar.take(page.headers["set-cookie"]);
      // A refused link's page has no button: post with a token from the form, as a script would.
      const form = page.statusCode === 200 ? page : await get("/privacy/request", jar);
      jar.take(form.headers["set-cookie"]);
      const csrf = csrfFrom(form.body);
      const response = await t.app.inject({
        method: "POST",
        url: "/privacy/request/confirm",
        remoteAddress: jar.ip,
        headers: {
          ...dutch,
          cookie: jar.header,
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({ _csrf: csrf, token }).toString(),
      });
      return { page, response };
    };

    const requestRow = async (email: string) => {
      const subjectId = await t.vault.findSubject(t.database.db, { email });
      const [row] = await queryRows<{
        id: string;
        reference: string;
        status: string;
        confirm_token_hash: string | null;
        received_at: Date | string | null;
        deadline_at: Date | string | null;
        retain_until: Date | string | null;
        verification: string | null;
        id_copy_required: boolean;
        subject_id: string;
      }>(t.database.db, sql`select * from rights_requests where subject_id = ${subjectId ?? null}`);
      assert.ok(row, "the request is stored under the address's subject");
      return row;
    };

    /** A request sent and confirmed, as the person would; its status page path. */
    const confirmedRequest = async (fields: Fields) => {
      const email = newEmail();
      emails.push(email);
      const sent = await sendForm({ email, ...fields });
      assert.equal(sent.statusCode, 303, sent.body);
      const { response } = await pressConfirm(await confirmTokenFor(email));
      assert.equal(response.statusCode, 303, response.body);
      const statusPath = String(response.headers.location);
      const row = await requestRow(email);
      return { email, statusPath, row };
    };

    const idCopies = async (requestId: string) =>
      queryRows<{ media_type: string; file_ciphertext: Uint8Array; size_bytes: number }>(
        t.database.db,
        sql`select media_type, file_ciphertext, size_bytes from rights_id_copies
            where request_id = ${requestId}`,
      );

    /** Opens the status page, then uploads from its form as a browser would. */
    const upload = async (statusPath: string, parts: (csrf: string) => Part[]) => {
      const jar = new CookieJar();
      const page = await get(statusPath, jar);
      assert.equal(page.statusCode, 200);
      jar.take(page.headers["set-cookie"]);
      const action = /action="([^"]+\/id-copy\?token=[^"]+)"/.exec(page.body)?.[1];
      assert.ok(action, "the status page has an upload form");
      const body = multipart(parts(csrfFrom(page.body)));
      return t.app.inject({
        method: "POST",
        url: action.replaceAll("&amp;", "&"),
        remoteAddress: jar.ip,
        headers: { ...body.headers, ...dutch, cookie: jar.header },
        payload: body.payload,
      });
    };
    const imageFile = (content: Buffer, filename = "id.png", type = "image/png"): Part => ({
      name: "idCopy",
      filename,
      type,
      content,
    });

    it("shows the form in Dutch first, and in English and French, with every right and its choices", async () => {
      const page = await get("/privacy/request");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<html lang="nl"/);
      assert.match(page.body, /Je gegevens inzien, aanpassen of verwijderen/);
      for (const right of [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "objection",
        "withdraw_consent",
        "portability",
      ]) {
        assert.match(
          page.body,
          new RegExp(`type="checkbox" name="rights" value="${right}"`),
          right,
        );
      }
      const objection = /<select id="portal-objectionPurpose"[\s\S]*?<\/select>/.exec(
        page.body,
      )?.[0];
      assert.ok(objection?.includes('value="contact"'), "objection to a legitimate interest");
      assert.ok(!objection?.includes('value="orders"'), "no objection to a legal obligation");
      assert.ok(!objection?.includes('value="newsletter"'), "consent is withdrawn, not objected");
      const withdraw = /<select id="portal-withdrawPurpose"[\s\S]*?<\/select>/.exec(page.body)?.[0];
      assert.ok(withdraw?.includes('value="newsletter"'), "withdrawing the newsletter consent");
      assert.ok(!withdraw?.includes('value="contact"'));
      assert.match(page.body, /<details><summary>Liever per e-mail\?[^<]*<\/summary>/);
      assert.match(page.body, /href="mailto:[^"]+@[^"]+"/);
      assert.match(page.body, /Voor inzage, gegevensoverdracht vragen we daarna ook een kopie/);
      assert.match(page.body, /Maak in deze kopie het kaartnummer en de pasfoto zwart/);
      assert.match(page.body, /name="website" type="text" tabindex="-1"/);

      const english = await get("/privacy/request", undefined, { "accept-language": "en" });
      assert.match(english.body, /<html lang="en"/);
      assert.match(english.body, /See, correct or delete your data/);
      const french = await get("/privacy/request", undefined, { "accept-language": "fr-BE" });
      assert.match(french.body, /Consulter, corriger ou supprimer vos données/);
    });

    it("answers a known and an unknown address alike, and mails each a link that confirms", async () => {
      const known = newEmail();
      const unknown = newEmail();
      emails.push(known, unknown);
      await t.vault.ensureSubject(t.database.db, { email: known });
      const answers = [];
      for (const email of [known, unknown]) {
        const sent = await sendForm({ email, rights: "erasure" });
        assert.equal(sent.statusCode, 303, sent.body);
        const page = await get(String(sent.headers.location));
        answers.push({ location: sent.headers.location, body: page.body });
      }
      assert.deepEqual(answers[0], answers[1], "the same answer whoever asks");
      assert.match(answers[0]?.body ?? "", /Kijk in je mailbox/);

      for (const email of [known, unknown]) {
        const [mail, ...more] = await mailsTo(email, "rights.confirm");
        assert.equal(more.length, 0);
        assert.equal(mail?.locale, "nl");
        const subjectId = await t.vault.findSubject(t.database.db, { email });
        assert.ok(subjectId, "the address has its subject");
        assert.equal(mail?.vaultPurpose, "rights", "sealed under the requester's rights key");
        assert.equal(mail?.subjectId, subjectId);
        assert.match(mail?.textBody ?? "", /- verwijdering/);
        assert.match(mail?.textBody ?? "", /https?:\/\/[^/\s]+\/privacy\/request\/confirm\?token=/);
        const { response } = await pressConfirm(await confirmTokenFor(email));
        assert.equal(response.statusCode, 303);
        assert.match(
          String(response.headers.location),
          /^\/privacy\/request\/[0-9a-f-]{36}\?token=/,
        );
      }
    });

    it("only shows a button on the link's GET; the POST confirms once and starts the 30 days", async () => {
      t.clock.set("2026-03-02T10:00:00Z");
      const email = newEmail();
      emails.push(email);
      await sendForm({ email, rights: ["erasure", "objection"], objectionPurpose: "contact" });
      const token = await confirmTokenFor(email);

      const { page, response } = await pressConfirm(token);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Ja, ik diende dit verzoek in/);
      assert.equal(page.headers["cache-control"], "no-store");
      assert.equal(page.headers["referrer-policy"], "no-referrer");
      assert.equal(response.statusCode, 303);

      const row = await requestRow(email);
      assert.equal(
        row.status,
        "verified",
        "the e-mail link is the verification when no ID is asked",
      );
      assert.equal(row.verification, "email_link");
      assert.equal(row.confirm_token_hash, null, "the link is single use");
      assert.equal(row.retain_until, null, "kept until answered");
      const received = new Date(row.received_at ?? 0);
      assert.equal(received.toISOString(), t.clock.now().toISOString());
      assert.equal(
        new Date(row.deadline_at ?? 0).toISOString(),
        new Date(received.getTime() + days(30)).toISOString(),
        "30 days, shorter than the month from 2 March",
      );
      const { entries } = await listAudit(t.database.db, {
        action: "rights.request_confirmed",
        subjectId: row.subject_id,
        limit: 5,
      });
      assert.deepEqual(entries[0]?.details, { status: "verified", idCopyRequired: false });

      const [receipt] = await mailsTo(email, "rights.received");
      assert.match(receipt?.subject ?? "", new RegExp(`We ontvingen je verzoek ${row.reference}`));
      assert.equal(receipt?.vaultPurpose, "rights", "sealed under the requester's rights key");
      assert.equal(receipt?.subjectId, row.subject_id);
      assert.match(receipt?.textBody ?? "", /uiterlijk op 2026-04-01/);
      assert.ok(receipt?.textBody.includes(String(response.headers.location)));
      assert.doesNotMatch(receipt?.textBody ?? "", /identiteitsbewijs/);

      const again = await pressConfirm(token);
      assert.equal(again.page.statusCode, 404);
      assert.equal(again.response.statusCode, 404);
      assert.match(again.response.body, /werd al gebruikt/);
      assert.equal((await mailsTo(email, "rights.received")).length, 1, "no second receipt");
    });

    it("keeps to one calendar month when it is shorter than 30 days", async () => {
      // The form is sent 5 s after it is opened, so the request is confirmed at 10:00.
      t.clock.set("2027-02-01T09:59:55Z");
      const { row } = await confirmedRequest({ rights: "restriction" });
      assert.equal(new Date(row.deadline_at ?? 0).toISOString(), "2027-03-01T10:00:00.000Z");
    });

    it("waits for an ID copy when access is asked, and says so in the mail and on the page", async () => {
      const { email, statusPath, row } = await confirmedRequest({ rights: "access" });
      assert.equal(row.status, "received");
      assert.equal(row.id_copy_required, true);
      const [receipt] = await mailsTo(email, "rights.received");
      assert.match(receipt?.textBody ?? "", /kopie van de voorzijde van je identiteitsbewijs/);

      const page = await get(statusPath);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`Je verzoek ${row.reference}`));
      assert.match(page.body, /<li aria-current="step"><strong>ontvangen<\/strong><\/li>/);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      assert.match(page.body, /<svg[^>]*role="img"[^>]*aria-label="Voorbeeld: [^"]*kaartnummer/);
      assert.match(page.body, /We antwoorden uiterlijk op <time/);
    });

    it("refuses a forged link, another request's link, a bad id and an expired confirmation alike", async () => {
      const first = await confirmedRequest({ rights: "erasure" });
      const second = await confirmedRequest({ rights: "restriction" });
      const secondToken = new URL(second.statusPath, "http://x").searchParams.get("token") ?? "";
      const refusals = [
        `/privacy/request/${first.row.id}?token=${"A".repeat(43)}`,
        `/privacy/request/${first.row.id}?token=${secondToken}`,
        `/privacy/request/${first.row.id}`,
        `/privacy/request/not-a-request?token=${secondToken}`,
        `/privacy/request/${first.row.id.toUpperCase().replace(/.$/, "0")}?token=${secondToken}`,
      ];
      for (const url of refusals) {
        const page = await get(url);
        assert.equal(page.statusCode, 404, url);
        assert.match(page.body, /Deze pagina bestaat niet/);
        assert.ok(!page.body.includes(first.row.reference), "the reference is not shown");
        assert.ok(!page.body.includes(second.row.reference));
      }

      const email = newEmail();
      emails.push(email);
      await sendForm({ email, rights: "erasure" });
      const pending = await requestRow(email);
      const unconfirmedLink = `/privacy/request/${pending.id}?token=${statusToken(t.vault, pending.id)}`;
      assert.equal((await get(unconfirmedLink)).statusCode, 404, "nothing before confirmation");

      t.clock.advance(days(8));
      const expired = await pressConfirm(await confirmTokenFor(email));
      assert.equal(expired.page.statusCode, 410);
      assert.equal(expired.response.statusCode, 410);
      assert.match(expired.response.body, /Deze link is verlopen/);
      assert.equal((await requestRow(email)).status, "unconfirmed", "nothing changed");
      assert.equal((await mailsTo(email, "rights.received")).length, 0);

      const forged = await pressConfirm("B".repeat(43));
      assert.equal(forged.response.statusCode, 404);
      const garbage = await get("/privacy/request/confirm?token=%3Cscript%3E");
      assert.equal(garbage.statusCode, 404);
    });

    it("shows the rights, the deadline and how to complain to the authority, privately", async () => {
      const { statusPath } = await confirmedRequest({
        rights: ["withdraw_consent", "portability"],
        withdrawPurpose: "newsletter",
        portabilityTo: "organisation",
        recipientName: "Andere Firma BV",
        recipientEmail: "privacy@anderefirma.example",
      });
      const page = await get(statusPath);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers["cache-control"], "no-store");
      assert.equal(page.headers["referrer-policy"], "no-referrer");
      assert.equal(page.headers["x-robots-tag"], "noindex, nofollow");
      assert.match(page.body, /<li>toestemming intrekken \(Voor nieuwsbrieven\)<\/li>/);
      assert.match(page.body, /<li>gegevensoverdracht \(naar een organisatie die ik noem\)<\/li>/);
      assert.ok(!page.body.includes("Andere Firma"), "the organisation's details stay out");
      for (const text of [
        "een klacht indienen bij de Gegevensbeschermingsautoriteit",
        "Drukpersstraat 35, 1000 Brussel",
        'href="https://www.gegevensbeschermingsautoriteit.be"',
        "contact@apd-gba.be",
      ]) {
        assert.ok(page.body.includes(text), text);
      }
      const english = await get(statusPath, undefined, { "accept-language": "en" });
      assert.match(english.body, /lodge a complaint with the Data Protection Authority/);
    });

    it("stores an uploaded PNG encrypted, replaces it with a second one, and never shows it back", async () => {
      const { statusPath, row } = await confirmedRequest({ rights: "access" });
      const stored = await upload(statusPath, (csrf) => [
        { name: "_csrf", value: csrf },
        imageFile(png, "paspoort.jpg", "image/jpeg"),
      ]);
      assert.equal(stored.statusCode, 303, stored.body);
      assert.equal(stored.headers.location, statusPath);
      const [copy, ...others] = await idCopies(row.id);
      assert.equal(others.length, 0);
      assert.equal(copy?.media_type, "image/png", "the type comes from the bytes");
      assert.equal(copy?.size_bytes, png.length);
      const ciphertext = Buffer.from(copy?.file_ciphertext ?? []);
      assert.equal(ciphertext.indexOf(png.subarray(8, 40)), -1, "the bytes are not stored raw");
      const read = await readIdCopy({ db: t.database.db, vault: t.vault, clock: t.clock }, row.id);
      assert.deepEqual(read?.bytes, png);

      const page = await get(statusPath);
      assert.match(page.body, /Opgeladen op <time[^>]*>[\d-]+<\/time>\. We kijken ze na/);
      assert.ok(!page.body.includes("<img"), "the copy is never shown back");
      assert.ok(!page.body.includes(png.toString("base64").slice(0, 20)));

      const again = await upload(statusPath, (csrf) => [
        { name: "_csrf", value: csrf },
        imageFile(png),
      ]);
      assert.equal(again.statusCode, 303);
      assert.equal((await idCopies(row.id)).length, 1, "a second upload replaces the first");
    });

    it("refuses a 50 MB file (413) and a PDF or text named .png (415) in Dutch, storing nothing", async () => {
      const { statusPath, row } = await confirmedRequest({
        rights: "portability",
        portabilityTo: "self",
      });
      const huge = await upload(statusPath, (csrf) => [
        { name: "_csrf", value: csrf },
        imageFile(Buffer.concat([png, Buffer.alloc(50 * 1024 * 1024)])),
      ]);
      assert.equal(huge.statusCode, 413);
      assert.match(huge.body, /Dit bestand is te groot: de kopie mag hoogstens 10 MB zijn/);

      const justOver = await upload(statusPath, (csrf) => [
        { name: "_csrf", value: csrf },
        imageFile(Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)])),
      ]);
      assert.equal(justOver.statusCode, 413, "the parser's own limit, for a file just too big");

      for (const content of [
        Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n"),
        Buffer.from("dit is geen afbeelding"),
      ]) {
        const refused = await upload(statusPath, (csrf) => [
          { name: "_csrf", value: csrf },
          imageFile(content),
        ]);
        assert.equal(refused.statusCode, 415);
        assert.match(refused.body, /Dit bestand is geen afbeelding/);
      }
      const forged = multipart([imageFile(png)]);
      const noToken = await t.app.inject({
        method: "POST",
        url: `${statusPath.replace("?", "/id-copy?")}`,
        headers: forged.headers,
        payload: forged.payload,
      });
      assert.equal(noToken.statusCode, 403, "no CSRF token, no upload");
      assert.deepEqual(await idCopies(row.id), []);
    });

    it("shows the answer and a fresh download link for the person's package", async () => {
      const { statusPath, row } = await confirmedRequest({
        rights: "portability",
        portabilityTo: "self",
      });
      const { policy } = await loadActivePolicy(undefined);
      const made = await exportSubject(
        {
          db: t.database.db,
          dataMap: createDataMap(() => policy),
          vault: t.vault,
          clock: t.clock,
          publicUrl: t.config.PUBLIC_URL,
        },
        { subjectId: row.subject_id, locale: "nl", kind: "portability", actor: { type: "system" } },
      );
      const letter = await sealRequestField(t.database.db, t.vault, {
        subjectId: row.subject_id,
        requestId: row.id,
        field: "letter",
        value: "Dag,\n\nJe vindt je gegevens <b>hier</b>.\nGroeten",
      });
      const outcome = [
        {
          right: "portability",
          executedAt: t.clock.now().toISOString(),
          staffId: "00000000-0000-4000-8000-0000000000dd",
          results: [],
          packageId: made.packageId,
          packageExpiresAt: made.expiresAt.toISOString(),
        },
      ];
      await t.database.db.execute(
        sql`update rights_requests set status = 'answered', answered_at = ${t.clock.now().toISOString()},
            letter_ciphertext = ${letter}, outcome = ${JSON.stringify(outcome)}::jsonb
            where id = ${row.id}`,
      );

      const jar = new CookieJar();
      const page = await get(statusPath, jar);
      jar.take(page.headers["set-cookie"]);
      assert.match(page.body, /<li aria-current="step"><strong>beantwoord<\/strong><\/li>/);
      assert.match(page.body, /Je vindt je gegevens &lt;b>hier&lt;\/b>\.<br\/>Groeten/);
      assert.match(page.body, new RegExp(`href="/privacy/request/${row.id}/letter\\.pdf\\?token=`));
      assert.match(page.body, /Download je gegevens \(gegevensoverdracht\)/);
      assert.ok(!page.body.includes(made.token), "the mailed token is nowhere on the page");

      const press = (packageId: string) =>
        t.app.inject({
          method: "POST",
          url: `/privacy/request/${row.id}/download`,
          remoteAddress: jar.ip,
          headers: { cookie: jar.header, "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams({
            _csrf: csrfFrom(page.body),
            token: new URL(statusPath, "http://x").searchParams.get("token") ?? "",
            packageId,
          }).toString(),
        });
      const pressed = await press(made.packageId);
      assert.equal(pressed.statusCode, 303);
      const location = String(pressed.headers.location);
      assert.match(location, new RegExp(`^/privacy/export/${made.packageId}\\?token=[\\w-]{43}$`));
      assert.equal((await get(location)).statusCode, 200, "the fresh link opens the package");
      const old = new URL(made.downloadUrl);
      assert.equal((await get(`${old.pathname}${old.search}`)).statusCode, 404, "the old one not");

      const other = await press(crypto.randomUUID());
      assert.equal(other.statusCode, 404, "only this request's packages");
      t.clock.advance(days(8));
      assert.equal((await press(made.packageId)).statusCode, 410, "an expired package is gone");
    });

    it("re-renders a refused form in the visitor's language with what was typed, storing nothing", async () => {
      const [before] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from rights_requests`,
      );
      const english = { "accept-language": "en" };
      const refused = await sendForm(
        {
          email: "niet-een-adres",
          rights: ["rectification", "objection", "portability"],
          objectionPurpose: "orders",
          portabilityTo: "organisation",
          phone: "0470 12 34 56",
        },
        english,
      );
      assert.equal(refused.statusCode, 400);
      for (const text of [
        "Enter a valid e-mail address.",
        "For a correction, write what is wrong and what it should be.",
        "Choose which processing you object to.",
        "Enter the name of the organisation",
        "Enter a valid e-mail address of the organisation.",
      ]) {
        assert.ok(refused.body.includes(text), text);
      }
      assert.match(refused.body, /value="niet-een-adres"/);
      assert.match(refused.body, /value="0470 12 34 56"/);
      assert.match(refused.body, /value="rectification" checked/);
      assert.match(refused.body, /value="organisation" checked/);

      const none = await sendForm({ email: newEmail() });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /Kies minstens één recht/);

      const jar = new CookieJar();
      const page = await get("/privacy/request", jar);
      jar.take(page.headers["set-cookie"]);
      const bot = await t.app.inject({
        method: "POST",
        url: "/privacy/request",
        remoteAddress: jar.ip,
        headers: {
          ...dutch,
          cookie: jar.header,
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          rendered: /name="rendered" value="([^"]+)"/.exec(page.body)?.[1] ?? "",
          website: "http://spam.example",
          email: newEmail(),
          rights: "erasure",
        }).toString(),
      });
      assert.equal(bot.statusCode, 400);
      assert.match(bot.body, /automatisch ingevuld/);
      const [afterwards] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from rights_requests`,
      );
      assert.equal(afterwards?.n, before?.n);
    });

    it("takes a request as JSON too, with the same answer and errors in the caller's language", async () => {
      const email = newEmail();
      emails.push(email);
      const accepted = await t.app.inject({
        method: "POST",
        url: "/api/privacy/requests",
        payload: { email, rights: ["access", "erasure"], locale: "fr" },
      });
      assert.equal(accepted.statusCode, 202, accepted.body);
      assert.deepEqual(accepted.json(), { status: "check_your_mail" });
      const [mail] = await mailsTo(email, "rights.confirm");
      assert.equal(mail?.locale, "fr");
      assert.match(mail?.subject ?? "", /Confirmez votre demande/);

      const refused = await t.app.inject({
        method: "POST",
        url: "/api/privacy/requests",
        headers: { "accept-language": "nl" },
        payload: { email: newEmail(), rights: ["withdraw_consent"], withdrawPurpose: "orders" },
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Kies welke toestemming je intrekt/);
    });

    it("writes no e-mail address to the logs", () => {
      const logs = t.logs.join("");
      assert.ok(emails.length > 5);
      for (const email of emails) assert.ok(!logs.includes(email), "an address in the logs");
      assert.ok(!logs.includes("@voorbeeld.be"));
    });
  });
}
