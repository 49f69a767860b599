import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openedOutbox } from "../../../test/helpers/outbox.ts";
import { type SignedIn, setUpStaff, signIn, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { receiveContactRequest } from "../contact/index.ts";
import { subjectsOfCustomer } from "../customers/index.ts";
import { passThroughSensitiveData } from "../scanner/index.ts";
import { storeIdCopy } from "./id-copy-store.ts";
import { createRequest } from "./request-intake.ts";
import type { RequestedRight } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

const day = 24 * 60 * 60 * 1000;
const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

interface Row {
  status: string;
  channel: string;
  locale: string;
  deadline_at: Date | string | null;
  received_at: Date | string | null;
  entered_by: string | null;
  verification: string | null;
  verified_by: string | null;
  extended_until: Date | string | null;
  extension_reason: string | null;
  refusal_reason: string | null;
  linked_subject_ids: string[];
  reference: string;
  subject_id: string | null;
}

for (const kind of databaseKinds) {
  describe(`the privacy officer's queue and verification on ${kind} (issue 11)`, () => {
    let t: TestApp;
    let policy: Policy;
    let deps: RightsDeps;
    let privacy: SignedIn;
    let support: SignedIn;

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      deps = {
        db: t.database.db,
        clock: t.clock,
        config: t.config,
        vault: t.vault,
        dataMap: createDataMap(() => policy),
        policy: () => policy,
        effects: {
          unsubscribeNewsletter: async () => false,
          subjectsOfCustomer: (db, number) => subjectsOfCustomer({ db }, number),
          recordTransfer: async () => undefined,
        },
      };
      privacy = await setUpStaff(t, "privacy");
      support = await setUpStaff(t, "support");
    });
    after(() => t.close());

    const emailOf = (name: string) => `${name}.${crypto.randomUUID().slice(0, 8)}@voorbeeld.be`;
    /** A request received by post, entered by the privacy officer. */
    const enter = (
      input: {
        email?: string;
        rights?: RequestedRight[];
        locale?: "nl" | "en" | "fr";
        phone?: string;
        customerNumber?: string;
      } = {},
    ) => {
      const email = input.email ?? emailOf("an.peeters");
      return deps.db
        .transaction((tx) =>
          createRequest(
            { ...deps, db: tx },
            {
              channel: "post",
              locale: input.locale ?? "nl",
              rights: input.rights ?? [{ kind: "erasure" }],
              email,
              phone: input.phone,
              customerNumber: input.customerNumber,
              enteredBy: privacy.staffId,
            },
          ),
        )
        .then((made) => ({ ...made, email }));
    };
    const get = (who: SignedIn | undefined, url: string) =>
      t.app.inject({
        url,
        ...(who ? { remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } } : {}),
      });
    const row = async (requestId: string): Promise<Row> => {
      const [found] = await queryRows<Row>(
        t.database.db,
        sql`select * from rights_requests where id = ${requestId}`,
      );
      assert.ok(found, "the request exists");
      return found;
    };
    const audits = (action: string, recordId: string) =>
      queryRows<{ actor_id: string | null; record_type: string; details: Record<string, unknown> }>(
        t.database.db,
        sql`select actor_id, record_type, details from audit_log
            where action = ${action} and record_id = ${recordId} order by seq`,
      );
    /** The mails to one address, oldest first, opened: the address is sealed in the table. */
    const mailsTo = async (to: string) =>
      (await openedOutbox(t)).filter((mail) => mail.toAddress === to);
    const requestCount = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from rights_requests`,
        )
      )[0]?.n;
    /** The table row that shows a reference, as one line of text without tags. */
    const queueRow = (html: string, reference: string) => {
      const rows = html.split("<tr").filter((part) => part.includes(`>${reference}<`));
      assert.equal(rows.length, 1, `one row for ${reference}`);
      return (rows[0] ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    };

    it("sends anonymous visitors to the login and refuses a support member everything", async () => {
      const made = await enter({ rights: [{ kind: "access" }] });
      await storeIdCopy(deps, {
        requestId: made.requestId,
        subjectId: made.subjectId,
        bytes: png,
        mediaType: "image/png",
      });
      const anonymous = await get(undefined, "/admin/rights");
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, "/admin/login?next=%2Fadmin%2Frights");
      for (const url of [
        "/admin/rights",
        "/admin/rights/new",
        `/admin/rights/${made.requestId}`,
        `/admin/rights/${made.requestId}/id-copy`,
      ]) {
        const response = await get(support, url);
        assert.equal(response.statusCode, 403, url);
        assert.doesNotMatch(response.body, new RegExp(made.email.replace(".", "\\.")));
        assert.ok(!response.rawPayload.includes(png), "no image bytes");
      }
      const verify = await submitForm(
        t,
        support.jar,
        "/admin",
        `/admin/rights/${made.requestId}/verification`,
        { decision: "verified", method: "known_customer" },
      );
      assert.equal(verify.statusCode, 403);
      assert.equal((await row(made.requestId)).status, "received");
      const reads = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log
            where actor_id = ${support.staffId} and action = 'subject.read'`,
      );
      assert.equal(reads[0]?.n, 0, "nothing was read, so nothing audited");
    });

    it("lists open requests by deadline, overdue and due-soon ones marked in words", async () => {
      const overdue = await enter();
      t.clock.advance(10 * day);
      const dueSoon = await enter();
      t.clock.advance(5 * day);
      const onTime = await enter();
      const answered = await enter();
      await t.database.db.execute(
        sql`update rights_requests set status = 'answered' where id = ${answered.requestId}`,
      );
      // 30 days after the first, plus 3: the first is 3 days late, the second due in 7 days.
      t.clock.set(new Date((overdue.deadlineAt?.getTime() ?? 0) + 3 * day + 60_000));
      privacy.jar = await signIn(t, privacy);
      support.jar = await signIn(t, support);
      const queue = await get(privacy, "/admin/rights");
      assert.equal(queue.statusCode, 200, queue.body);
      const html = queue.body;
      const at = (reference: string) => html.indexOf(`>${reference}<`);
      assert.ok(at(overdue.reference) > 0);
      assert.ok(at(overdue.reference) < at(dueSoon.reference), "the overdue one first");
      assert.ok(at(dueSoon.reference) < at(onTime.reference), "then the one due soon");
      assert.equal(at(answered.reference), -1, "answered requests are not in the open queue");
      assert.match(queueRow(html, overdue.reference), /Te laat 3 dagen te laat/);
      assert.match(queueRow(html, dueSoon.reference), /Binnen 7 dagen nog 7 dagen/);
      const calm = queueRow(html, onTime.reference);
      assert.match(calm, /nog 12 dagen/);
      assert.doesNotMatch(calm, /Te laat|Binnen 7 dagen/);
      assert.match(queueRow(html, overdue.reference), /verwijdering/);
      assert.doesNotMatch(html, /an\.peeters/, "no personal data in the list");
      assert.match(html, /class="table-scroll"/);

      const english = await get(privacy, "/admin/rights?lang=en");
      assert.match(queueRow(english.body, overdue.reference), /Overdue 3 days overdue/);
      const closed = await get(privacy, "/admin/rights?status=answered");
      assert.ok(closed.body.includes(`>${answered.reference}<`));
      assert.ok(!closed.body.includes(`>${overdue.reference}<`));
      const byReference = await get(
        privacy,
        `/admin/rights?reference=${dueSoon.reference.toLowerCase()}`,
      );
      assert.ok(byReference.body.includes(`>${dueSoon.reference}<`));
      assert.ok(!byReference.body.includes(`>${overdue.reference}<`));
      assert.equal((await get(privacy, "/admin/rights?status=bogus")).statusCode, 400);
    });

    it("records a request received by phone, with its deadline and a mail in the person's language", async () => {
      const email = emailOf("luc.dubois");
      const before = await requestCount();
      const refused = await submitForm(t, privacy.jar, "/admin/rights/new", "/admin/rights/new", {
        channel: "phone",
        locale: "fr",
        rights: "objection",
        objectionPurpose: "orders",
        email,
        portabilityTo: "self",
      });
      assert.equal(refused.statusCode, 400, "no objection to a legal obligation");
      assert.match(refused.body, /Kies tegen welke verwerking je bezwaar maakt/);
      assert.ok(refused.body.includes(`value="${email}"`), "the typed values stay");
      assert.equal(await requestCount(), before, "nothing stored");

      const now = t.clock.now();
      const saved = await submitForm(t, privacy.jar, "/admin/rights/new", "/admin/rights/new", {
        channel: "phone",
        locale: "fr",
        rights: ["access", "objection"],
        objectionPurpose: "contact",
        email,
        phone: "0470 98 76 54",
        portabilityTo: "self",
        description: "Appel du 3 février: veut savoir ce que nous avons.",
      });
      assert.equal(saved.statusCode, 303, saved.body);
      const location = String(saved.headers.location);
      const requestId = /^\/admin\/rights\/([0-9a-f-]{36})\?done=created$/.exec(location)?.[1];
      assert.ok(requestId, location);
      const stored = await row(requestId);
      assert.equal(stored.status, "received");
      assert.equal(stored.channel, "phone");
      assert.equal(stored.entered_by, privacy.staffId);
      assert.equal(new Date(stored.received_at ?? 0).getTime(), now.getTime());
      const deadline = new Date(stored.deadline_at ?? 0);
      assert.ok(
        deadline.getTime() > now.getTime() && deadline.getTime() <= now.getTime() + 30 * day,
      );

      const [mail, ...more] = await mailsTo(email);
      assert.equal(more.length, 0);
      assert.equal(mail?.purpose, "rights.received");
      assert.equal(mail?.locale, "fr");
      assert.ok(stored.subject_id, "the request is about a person");
      assert.equal(mail?.vaultPurpose, "rights", "sealed under the requester's rights key");
      assert.equal(mail?.subjectId, stored.subject_id);
      assert.equal(mail?.subject, `Nous avons reçu votre demande ${stored.reference}`);
      const frenchDay = new Intl.DateTimeFormat("fr-BE", {
        dateStyle: "long",
        timeZone: "Europe/Brussels",
      }).format(deadline);
      assert.ok(mail?.textBody.includes(`au plus tard le ${frenchDay}`), mail?.textBody);
      assert.match(
        mail?.textBody ?? "",
        new RegExp(`/privacy/request/${requestId}\\?token=[A-Za-z0-9_-]{43}`),
      );
      assert.match(mail?.textBody ?? "", /recto de votre pièce d'identité/, "access needs an ID");
      assert.match(mail?.textBody ?? "", /téléverser la copie par le lien/);

      const page = await get(privacy, location);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Het verzoek is geregistreerd/);
      assert.ok(page.body.includes(email));
      assert.match(page.body, /bezwaar: Via contactformulier/);
      assert.match(page.body, /Appel du 3 février/);
      const reads = await audits("subject.read", requestId);
      assert.equal(reads.at(-1)?.actor_id, privacy.staffId);
      assert.equal(reads.at(-1)?.record_type, "rights.request");
    });

    it("shows the ID copy to the privacy officer only, audited, and destroys it at the decision", async () => {
      const made = await enter({ rights: [{ kind: "access" }] });
      const copyId = await storeIdCopy(deps, {
        requestId: made.requestId,
        subjectId: made.subjectId,
        bytes: png,
        mediaType: "image/png",
      });
      const page = await get(privacy, `/admin/rights/${made.requestId}`);
      assert.ok(page.body.includes(`src="/admin/rights/${made.requestId}/id-copy"`));
      assert.match(page.body, /value="id_copy"/);

      const image = await get(privacy, `/admin/rights/${made.requestId}/id-copy`);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers["content-type"], "image/png");
      assert.equal(image.headers["cache-control"], "no-store");
      assert.equal(image.headers["content-security-policy"], "default-src 'none'");
      assert.ok(image.rawPayload.equals(png));
      const viewed = await audits("subject.read", copyId);
      assert.equal(viewed.length, 1);
      assert.equal(viewed[0]?.actor_id, privacy.staffId);
      assert.equal(viewed[0]?.record_type, "rights.id_copy");
      assert.equal((await get(support, `/admin/rights/${made.requestId}/id-copy`)).statusCode, 403);

      const verified = await submitForm(
        t,
        privacy.jar,
        `/admin/rights/${made.requestId}`,
        `/admin/rights/${made.requestId}/verification`,
        { decision: "verified", method: "id_copy" },
      );
      assert.equal(verified.statusCode, 303, verified.body);
      assert.equal(verified.headers.location, `/admin/rights/${made.requestId}?done=verified`);
      const stored = await row(made.requestId);
      assert.equal(stored.status, "verified");
      assert.equal(stored.verification, "id_copy");
      assert.equal(stored.verified_by, privacy.staffId);
      const copies = await queryRows<{ id: string }>(
        t.database.db,
        sql`select id from rights_id_copies where request_id = ${made.requestId}`,
      );
      assert.equal(copies.length, 0, "the copy is gone");
      const destroyed = await audits("rights.id_copy_destroyed", copyId);
      assert.equal(destroyed.length, 1);
      assert.equal(destroyed[0]?.details.why, "decision_recorded");
      assert.equal((await audits("rights.identity_verified", made.requestId)).length, 1);
      assert.equal((await get(privacy, `/admin/rights/${made.requestId}/id-copy`)).statusCode, 404);
      const after = await get(privacy, String(verified.headers.location));
      assert.match(after.body, /De identiteit is gecontroleerd/);
      assert.doesNotMatch(after.body, /id-copy/);

      const again = await submitForm(
        t,
        privacy.jar,
        `/admin/rights/${made.requestId}`,
        `/admin/rights/${made.requestId}/verification`,
        { decision: "refused", reason: "Toch niet." },
      );
      assert.equal(again.statusCode, 409);
      assert.equal((await row(made.requestId)).status, "verified");
    });

    it("verifies without an ID copy by another method, and says why that is allowed", async () => {
      const made = await enter({ rights: [{ kind: "portability", to: "self" }] });
      const page = await get(privacy, `/admin/rights/${made.requestId}`);
      assert.match(page.body, /Er werd geen kopie opgeladen/);
      assert.doesNotMatch(page.body, /value="id_copy"/);
      const forged = await submitForm(
        t,
        privacy.jar,
        `/admin/rights/${made.requestId}`,
        `/admin/rights/${made.requestId}/verification`,
        { decision: "verified", method: "id_copy" },
      );
      assert.equal(forged.statusCode, 400);
      assert.equal((await row(made.requestId)).status, "received");
      const known = await submitForm(
        t,
        privacy.jar,
        `/admin/rights/${made.requestId}`,
        `/admin/rights/${made.requestId}/verification`,
        { decision: "verified", method: "known_customer" },
      );
      assert.equal(known.statusCode, 303);
      assert.equal((await row(made.requestId)).verification, "known_customer");
    });

    it("refuses a request with a reason the person receives, with how to complain", async () => {
      const made = await enter({ rights: [{ kind: "access" }], phone: "0470 55 66 77" });
      await storeIdCopy(deps, {
        requestId: made.requestId,
        subjectId: made.subjectId,
        bytes: png,
        mediaType: "image/png",
      });
      const empty = await submitForm(
        t,
        privacy.jar,
        `/admin/rights/${made.requestId}`,
        `/admin/rights/${made.requestId}/verification`,
        { decision: "refused", reason: "   " },
      );
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Geef de reden van de weigering/);
      assert.equal((await row(made.requestId)).status, "received");

      const reason = "De naam op de kopie komt niet overeen met het e-mailadres.";
      const refused = await submitForm(
        t,
        privacy.jar,
        `/admin/rights/${made.requestId}`,
        `/admin/rights/${made.requestId}/verification`,
        { decision: "refused", reason },
      );
      assert.equal(refused.statusCode, 303, refused.body);
      const stored = await row(made.requestId);
      assert.equal(stored.status, "refused");
      assert.equal(stored.refusal_reason, reason);
      const [kept] = await queryRows<{ phone: string | null; retain_until: Date | null }>(
        t.database.db,
        sql`select phone_ciphertext as phone, retain_until from rights_requests
            where id = ${made.requestId}`,
      );
      assert.equal(kept?.phone, null, "only the proof of the answer stays");
      assert.ok(kept?.retain_until, "kept for the policy's proof retention");
      const copies = await queryRows<{ id: string }>(
        t.database.db,
        sql`select id from rights_id_copies where request_id = ${made.requestId}`,
      );
      assert.equal(copies.length, 0, "a refusal destroys the copy too");
      assert.equal((await audits("rights.identity_refused", made.requestId)).length, 1);
      const [mail] = await mailsTo(made.email);
      assert.equal(mail?.purpose, "rights.refused");
      assert.equal(mail?.vaultPurpose, "rights", "sealed under the requester's rights key");
      assert.equal(mail?.subjectId, made.subjectId);
      assert.equal(mail?.subject, `Je verzoek ${stored.reference} werd geweigerd`);
      assert.ok(mail?.textBody.includes(reason));
      assert.match(mail?.textBody ?? "", /klacht indienen bij de toezichthoudende autoriteit/);
      assert.match(mail?.textBody ?? "", /Gegevensbeschermingsautoriteit/);
      assert.match(mail?.textBody ?? "", /https:\/\/www\.gegevensbeschermingsautoriteit\.be/);
      const queue = await get(privacy, "/admin/rights");
      assert.ok(
        !queue.body.includes(`>${stored.reference}<`),
        "a refused request leaves the queue",
      );
    });

    it("extends the deadline once, with a reason and a mail with the new date", async () => {
      const made = await enter({ locale: "en" });
      const url = `/admin/rights/${made.requestId}`;
      const tooLong = await submitForm(t, privacy.jar, url, `${url}/extension`, {
        months: "3",
        reason: "Many records.",
      });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /Verlengen kan met 1 of 2 maanden/);
      const noReason = await submitForm(t, privacy.jar, url, `${url}/extension`, {
        months: "2",
        reason: "",
      });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /Geef de reden van de verlenging/);
      assert.equal((await row(made.requestId)).extended_until, null);

      const reason = "Your data is spread over many services.";
      const extended = await submitForm(t, privacy.jar, url, `${url}/extension`, {
        months: "2",
        reason,
      });
      assert.equal(extended.statusCode, 303, extended.body);
      const stored = await row(made.requestId);
      const until = new Date(stored.extended_until ?? 0);
      const original = new Date(stored.deadline_at ?? 0);
      assert.equal(until.getUTCMonth(), (original.getUTCMonth() + 2) % 12, "two months later");
      assert.equal(stored.extension_reason, reason);
      const logged = await audits("rights.deadline_extended", made.requestId);
      assert.equal(logged.length, 1);
      assert.equal(logged[0]?.details.months, 2);
      assert.ok(!JSON.stringify(logged[0]?.details).includes("spread"), "no free text in audit");

      const [mail] = await mailsTo(made.email);
      assert.equal(mail?.purpose, "rights.extended");
      assert.equal(mail?.vaultPurpose, "rights", "sealed under the requester's rights key");
      assert.equal(mail?.subjectId, made.subjectId);
      assert.equal(mail?.locale, "en");
      assert.equal(mail?.subject, `Your request ${stored.reference}: we need more time`);
      const englishDay = new Intl.DateTimeFormat("en-BE", {
        dateStyle: "long",
        timeZone: "Europe/Brussels",
      }).format(until);
      assert.ok(mail?.textBody.includes(`by ${englishDay} at the latest`), mail?.textBody);
      assert.ok(mail?.textBody.includes(reason));
      assert.match(mail?.textBody ?? "", /\/privacy\/request\/[0-9a-f-]{36}\?token=/);

      const page = await get(privacy, url);
      assert.match(page.body, /Verlengd tot/);
      assert.ok(page.body.includes(reason));
      assert.match(page.body, /De termijn werd al verlengd/);
      const twice = await submitForm(t, privacy.jar, url, `${url}/extension`, {
        months: "1",
        reason: "Nog meer tijd.",
      });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.body, /dat kan maar één keer/);
      assert.equal((await mailsTo(made.email)).length, 1, "one mail, for one extension");
    });

    it("suggests subjects by phone and by customer number, linkable only after verification", async () => {
      const contactEmail = emailOf("piet.janssens");
      const created = await submitForm(
        t,
        privacy.jar,
        "/admin/customers/new",
        "/admin/customers/new",
        {
          kind: "company",
          companyName: "Bakkerij Janssens",
          email: contactEmail,
          name: "Piet Janssens",
          role: "",
          service: "",
          startsOn: "",
        },
      );
      assert.equal(created.statusCode, 303, created.body);
      const customerId = /\/admin\/customers\/([0-9a-f-]{36})/.exec(
        String(created.headers.location),
      )?.[1];
      assert.ok(customerId);
      const [customer] = await queryRows<{ number: string; subject_id: string }>(
        t.database.db,
        sql`select c.number, cc.subject_id::text as subject_id
            from customers c join customer_contacts cc on cc.customer_id = c.id
            where c.id = ${customerId}`,
      );
      assert.ok(customer);
      const byPhone = await receiveContactRequest(
        { ...deps, sensitiveData: passThroughSensitiveData },
        {
          name: "P. Janssens",
          email: emailOf("bakkerij"),
          phone: "+32470112233",
          topic: "Offerte",
          message: "Graag een offerte.",
          locale: "nl",
          ip: "198.51.100.7",
          channel: "form",
          attachments: [],
        },
      );
      const made = await enter({
        phone: "0470 11 22 33",
        customerNumber: customer.number,
      });
      const url = `/admin/rights/${made.requestId}`;
      const page = await get(privacy, url);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(`/admin/subjects/${made.subjectId}`), "the own subject");
      assert.ok(page.body.includes(`/admin/subjects/${byPhone.subjectId}`));
      assert.ok(page.body.includes(`/admin/subjects/${customer.subject_id}`));
      assert.match(page.body, /Gevonden via: telefoonnummer/);
      assert.match(page.body, /Gevonden via: klantnummer/);
      assert.match(page.body, /contactaanvraag: 1/);
      assert.match(page.body, /iedereen kan een nummer intypen/);
      assert.match(page.body, /Koppelen kan pas nadat de identiteit gecontroleerd is/);
      assert.doesNotMatch(page.body, /name="action" value="link"/);

      const early = await submitForm(t, privacy.jar, url, `${url}/subjects`, {
        subjectId: byPhone.subjectId,
        action: "link",
      });
      assert.equal(early.statusCode, 409);
      assert.deepEqual((await row(made.requestId)).linked_subject_ids, []);

      await submitForm(t, privacy.jar, url, `${url}/verification`, {
        decision: "verified",
        method: "known_customer",
      });
      const stranger = await submitForm(t, privacy.jar, url, `${url}/subjects`, {
        subjectId: crypto.randomUUID(),
        action: "link",
      });
      assert.equal(stranger.statusCode, 400, "only a suggestion can be linked");
      const linked = await submitForm(t, privacy.jar, url, `${url}/subjects`, {
        subjectId: byPhone.subjectId,
        action: "link",
      });
      assert.equal(linked.statusCode, 303, linked.body);
      assert.deepEqual((await row(made.requestId)).linked_subject_ids, [byPhone.subjectId]);
      const logged = await audits("rights.subject_linked", made.requestId);
      assert.equal(logged[0]?.details.linkedSubjectId, byPhone.subjectId);
      const after = await get(privacy, url);
      assert.match(after.body, /Gekoppeld aan dit verzoek/);
      assert.doesNotMatch(after.body, /Gevonden via: telefoonnummer/, "no longer a suggestion");
      const unlinked = await submitForm(t, privacy.jar, url, `${url}/subjects`, {
        subjectId: byPhone.subjectId,
        action: "unlink",
      });
      assert.equal(unlinked.statusCode, 303);
      assert.deepEqual((await row(made.requestId)).linked_subject_ids, []);
    });

    it("writes no e-mail address, phone number or reason to the logs", () => {
      const logs = t.logs.join("\n");
      assert.doesNotMatch(logs, /voorbeeld\.be/);
      // The numbers as typed or normalised; a bare "0470" also turns up inside response times.
      assert.doesNotMatch(logs, /0470 \d\d \d\d \d\d|\+32470\d{6}/);
      assert.doesNotMatch(logs, /spread over many services/);
    });
  });
}
