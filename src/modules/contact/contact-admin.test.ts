import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { csrfFrom, type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import { decodeCursor, encodeCursor } from "../../core/keyset-cursor.ts";
import type { DataMap } from "../../datamap/index.ts";
import { loadActivePolicy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { passThroughSensitiveData } from "../scanner/index.ts";
import {
  type ContactRequestInput,
  type ReceivedContactRequest,
  receiveContactRequest,
} from "./contact.service.ts";
import { contentDisposition } from "./contact-admin.routes.ts";
import { listInbox } from "./contact-inbox.ts";

const day = 24 * 60 * 60 * 1000;

for (const kind of databaseKinds) {
  describe(`contact inbox on ${kind} (issue 7, staff side)`, () => {
    let t: TestApp;
    let dataMap: DataMap;
    let support: SignedIn;
    let billing: SignedIn;
    let jan: ReceivedContactRequest;
    let attachmentIds: { pdf: string; html: string };

    const request = (overrides: Partial<ContactRequestInput> = {}): ContactRequestInput => ({
      name: "Jan Peeters",
      email: "jan.peeters@example.be",
      phone: "+32470123456",
      topic: "Offerte voor een server",
      message: "Hallo <script>alert(1)</script>\nKunnen jullie langskomen?",
      locale: "nl",
      ip: "198.51.100.23",
      channel: "form",
      attachments: [],
      ...overrides,
    });
    const deps = () => ({
      db: t.database.db,
      vault: t.vault,
      clock: t.clock,
      dataMap,
      config: { MAIL_FROM: t.config.MAIL_FROM, PUBLIC_URL: t.config.PUBLIC_URL },
      sensitiveData: passThroughSensitiveData,
    });
    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });
    const audits = (action: string, recordId: string) =>
      queryRows<{ actor_id: string; subject_id: string; record_type: string }>(
        t.database.db,
        sql`select actor_id, subject_id::text as subject_id, record_type from audit_log
            where action = ${action} and record_id = ${recordId}`,
      );

    before(async () => {
      t = await createTestApp(kind);
      const { policy } = await loadActivePolicy(undefined);
      dataMap = createDataMap(() => policy);
      support = await setUpStaff(t, "support");
      billing = await setUpStaff(t, "billing");
      jan = await receiveContactRequest(
        deps(),
        request({
          attachments: [
            {
              fileName: 'offer "2026"/../<x>.pdf',
              mediaType: "application/pdf",
              content: Buffer.from("%PDF-1.7 offer"),
            },
            {
              fileName: "page.html",
              mediaType: "text/html",
              content: Buffer.from("<html><script>alert(2)</script></html>"),
            },
          ],
        }),
      );
      const files = await queryRows<{ id: string; media_type: string }>(
        t.database.db,
        sql`select id::text as id, media_type from contact_attachments where request_id = ${jan.id}`,
      );
      attachmentIds = {
        pdf: files.find((file) => file.media_type === "application/pdf")?.id ?? "",
        html: files.find((file) => file.media_type === "text/html")?.id ?? "",
      };
      t.clock.advance(60_000);
      await receiveContactRequest(
        deps(),
        request({
          name: "Marie Dubois",
          email: "marie@example.be",
          phone: undefined,
          topic: "Vraag over facturen",
          message: "Waar vind ik mijn factuur?",
        }),
      );
    });
    after(() => t.close());

    it("refuses the inbox, a request and a download to a role without contact.manage", async () => {
      for (const url of [
        "/admin/contact",
        `/admin/contact/${jan.id}`,
        `/admin/contact/${jan.id}/attachments/${attachmentIds.pdf}`,
      ]) {
        const response = await get(billing, url);
        assert.equal(response.statusCode, 403, url);
        assert.doesNotMatch(response.body, /Peeters/);
      }
    });

    it("lists requests newest first with the decrypted name and subject, and audits each one shown", async () => {
      const response = await get(support, "/admin/contact");
      assert.equal(response.statusCode, 200, response.body);
      assert.match(response.body, /Jan Peeters/);
      assert.match(response.body, /Offerte voor een server/);
      assert.match(response.body, new RegExp(jan.reference));
      assert.ok(
        response.body.indexOf("Marie Dubois") < response.body.indexOf("Jan Peeters"),
        "newest first",
      );
      assert.match(response.body, /href="\/admin\/contact"/, "the nav links to the inbox");
      const reads = await audits("subject.read", jan.id);
      assert.ok(
        reads.some(
          (read) => read.actor_id === support.staffId && read.subject_id === jan.subjectId,
        ),
      );
    });

    it("filters by status", async () => {
      const waiting = await get(support, "/admin/contact?status=waiting");
      assert.equal(waiting.statusCode, 200);
      assert.doesNotMatch(waiting.body, /Jan Peeters/);
      const fresh = await get(support, "/admin/contact?status=new");
      assert.match(fresh.body, /Jan Peeters/);
    });

    it("finds a request by exact e-mail address, by reference in any case, and by name", async () => {
      const byEmail = await get(support, "/admin/contact?email=Jan.Peeters%40example.be");
      assert.match(byEmail.body, /Jan Peeters/);
      assert.doesNotMatch(byEmail.body, /Marie Dubois/);
      const otherEmail = await get(support, "/admin/contact?email=jan%40example.be");
      assert.doesNotMatch(otherEmail.body, /Jan Peeters/);
      const byReference = await get(
        support,
        `/admin/contact?reference=${jan.reference.toLowerCase()}`,
      );
      assert.match(byReference.body, /Jan Peeters/);
      assert.doesNotMatch(byReference.body, /Marie Dubois/);
      const byName = await get(support, "/admin/contact?name=dubois");
      assert.match(byName.body, /Marie Dubois/);
      assert.doesNotMatch(byName.body, /Jan Peeters/);
    });

    it("pages with a keyset on (created_at, id)", async () => {
      const first = await listInbox({ db: t.database.db, vault: t.vault }, {}, 1);
      assert.equal(first.lines[0]?.name, "Marie Dubois");
      assert.ok(first.next);
      const cursor = decodeCursor(encodeCursor(first.next));
      const second = await listInbox({ db: t.database.db, vault: t.vault }, { after: cursor }, 1);
      assert.equal(second.lines[0]?.id, jan.id);
      assert.equal(second.next, null);
      const link = await get(support, "/admin/contact");
      assert.doesNotMatch(link.body, /after=/, "two requests fit on one page of 50");
      assert.equal((await get(support, "/admin/contact?after=nonsense")).statusCode, 400);
    });

    it("shows one request with every field, the message escaped, its attachments and why it is kept; the read is audited", async () => {
      const before = (await audits("subject.read", attachmentIds.pdf)).length;
      const response = await get(support, `/admin/contact/${jan.id}`);
      assert.equal(response.statusCode, 200, response.body);
      assert.doesNotMatch(response.body, /<script>alert\(1\)/);
      assert.match(response.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)/);
      for (const value of ["jan.peeters@example.be", "+32470123456", "198.51.100.23"]) {
        assert.ok(response.body.includes(value), value);
      }
      assert.match(response.body, /application\/pdf/);
      assert.match(response.body, /14 bytes/);
      assert.ok(
        response.body.includes(`/admin/contact/${jan.id}/attachments/${attachmentIds.pdf}`),
      );
      assert.match(response.body, /Waarom bewaren we dit nog\?/);
      assert.match(response.body, /name="_csrf"/);
      assert.equal((await audits("subject.read", attachmentIds.pdf)).length, before + 1);
      assert.equal((await get(support, "/admin/contact/not-a-uuid")).statusCode, 404);
      assert.equal(
        (await get(support, "/admin/contact/00000000-0000-4000-8000-000000000000")).statusCode,
        404,
      );
    });

    it("downloads an attachment as an attachment with nosniff, never inline HTML, and audits it", async () => {
      const pdf = await get(support, `/admin/contact/${jan.id}/attachments/${attachmentIds.pdf}`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.rawPayload.toString(), "%PDF-1.7 offer");
      assert.equal(pdf.headers["content-type"], "application/pdf");
      assert.equal(pdf.headers["x-content-type-options"], "nosniff");
      const disposition = String(pdf.headers["content-disposition"]);
      assert.match(disposition, /^attachment; filename="[A-Za-z0-9._ -]+"; filename\*=UTF-8''/);
      assert.doesNotMatch(disposition, /\.\.|\/|</);
      const downloads = await audits("contact.attachment_downloaded", attachmentIds.pdf);
      assert.equal(downloads.length, 1);
      assert.equal(downloads[0]?.actor_id, support.staffId);
      assert.equal(downloads[0]?.record_type, "contact.attachment");

      const html = await get(support, `/admin/contact/${jan.id}/attachments/${attachmentIds.html}`);
      assert.equal(html.statusCode, 200);
      assert.equal(html.headers["content-type"], "application/octet-stream");
      assert.match(String(html.headers["content-disposition"]), /^attachment;/);

      const elsewhere = await get(
        support,
        `/admin/contact/00000000-0000-4000-8000-000000000000/attachments/${attachmentIds.pdf}`,
      );
      assert.equal(elsewhere.statusCode, 404, "an attachment is only reached through its request");
    });

    it("makes a safe file name", () => {
      assert.equal(
        contentDisposition('../../etc/pass"wd'),
        `attachment; filename="pass_wd"; filename*=UTF-8''pass%22wd`,
      );
      assert.match(contentDisposition("..."), /filename="attachment"/);
    });

    it("assigns a request to a staff member", async () => {
      const page = `/admin/contact/${jan.id}`;
      const response = await submitForm(t, support.jar, page, `${page}/assign`, {
        assignee: billing.staffId,
      });
      assert.equal(response.statusCode, 303, response.body);
      assert.equal(response.headers.location, `${page}?done=assigned`);
      const [row] = await queryRows<{ assigned_to: string }>(
        t.database.db,
        sql`select assigned_to::text as assigned_to from contact_requests where id = ${jan.id}`,
      );
      assert.equal(row?.assigned_to, billing.staffId);
      assert.equal((await audits("contact.assigned", jan.id)).length, 1);
      const inbox = await get(support, "/admin/contact");
      assert.match(inbox.body, /Test billing/);
      const refused = await submitForm(t, support.jar, page, `${page}/assign`, {
        assignee: "00000000-0000-4000-8000-000000000000",
      });
      assert.equal(refused.statusCode, 400);
    });

    it("refuses a status change without the CSRF token", async () => {
      const response = await t.app.inject({
        method: "POST",
        url: `/admin/contact/${jan.id}/status`,
        remoteAddress: support.jar.ip,
        headers: {
          cookie: support.jar.header,
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: "status=waiting",
      });
      assert.equal(response.statusCode, 403);
    });

    it("changes the status, audited, and 'handled' starts the one-year clock shown on the page", async () => {
      const page = `/admin/contact/${jan.id}`;
      const waiting = await submitForm(t, support.jar, page, `${page}/status`, {
        status: "waiting",
      });
      assert.equal(waiting.statusCode, 303, waiting.body);
      assert.equal(waiting.headers.location, `${page}?done=status`);
      const changed = await audits("contact.status_changed", jan.id);
      assert.equal(changed.length, 1);

      t.clock.advance(60_000);
      const handledAt = t.clock.now();
      const handled = await submitForm(t, support.jar, page, `${page}/status`, {
        status: "handled",
      });
      assert.equal(handled.statusCode, 303, handled.body);
      const [row] = await queryRows<{ status: string; retain_until: string | Date | null }>(
        t.database.db,
        sql`select status, retain_until from contact_requests where id = ${jan.id}`,
      );
      assert.equal(row?.status, "handled");
      assert.ok(row?.retain_until);
      const retainUntil = new Date(row.retain_until);
      const daysAhead = (retainUntil.getTime() - handledAt.getTime()) / day;
      assert.ok(daysAhead >= 365 && daysAhead <= 366, `kept ${daysAhead} days`);
      assert.equal((await audits("contact.handled", jan.id)).length, 1);

      const shown = await get(support, page);
      assert.match(
        shown.body,
        new RegExp(`bewaard tot ${retainUntil.toISOString().slice(0, 10)}`, "i"),
      );
      assert.doesNotMatch(shown.body, /action="[^"]*\/status"/, "a handled request has no form");

      const reopen = await t.app.inject({
        method: "POST",
        url: `${page}/status`,
        remoteAddress: support.jar.ip,
        headers: {
          cookie: support.jar.header,
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({ _csrf: csrfFrom(shown.body), status: "new" }).toString(),
      });
      assert.equal(reopen.statusCode, 409);
      assert.match(reopen.body, /Een afgehandelde aanvraag blijft afgehandeld/);
    });

    it("turns a request into a customer with a running agreement, says why it is kept, and ends the agreement", async () => {
      const sent = await receiveContactRequest(
        deps(),
        request({ name: "Ilse Claes", email: "ilse@bakkerij.be", phone: undefined }),
      );
      const page = `/admin/contact/${sent.id}`;
      const noNumber = await submitForm(t, support.jar, page, `${page}/customer`, {
        number: "K-ZZZZZZ",
      });
      assert.equal(noNumber.statusCode, 400);
      assert.match(noNumber.body, /Geen klant met dat nummer/);
      const noCompany = await submitForm(t, support.jar, page, `${page}/customer/new`, {
        kind: "company",
        companyName: " ",
        service: "Beheerd netwerk",
        startsOn: "2026-05-01",
      });
      assert.equal(noCompany.statusCode, 400);
      assert.match(noCompany.body, /Geef de bedrijfsnaam/);
      const badDay = await submitForm(t, support.jar, page, `${page}/customer/new`, {
        kind: "person",
        service: "Beheerd netwerk",
        startsOn: "2026-02-30",
      });
      assert.equal(badDay.statusCode, 400);
      assert.match(badDay.body, /geldige datum/);

      const made = await submitForm(t, support.jar, page, `${page}/customer/new`, {
        kind: "company",
        companyName: "Bakkerij Claes BV",
        service: "Beheerd netwerk",
        startsOn: "2026-05-01",
      });
      assert.equal(made.statusCode, 303, made.body);
      assert.equal(made.headers.location, `${page}?done=created`);
      const shown = await get(support, `${page}?done=created`);
      assert.match(shown.body, /De klant is gemaakt/);
      assert.match(shown.body, /Gekoppeld aan klant K-[2-9A-Z]{6}/);
      assert.match(shown.body, /Bakkerij Claes BV/);
      assert.match(shown.body, /Beheerd netwerk, loopt sinds 2026-05-01/);
      assert.match(shown.body, /lopende overeenkomst/i, "the retention reason names the agreement");
      assert.equal((await audits("contact.linked_to_customer", sent.id)).length, 1);

      const agreementId = /\/agreements\/([0-9a-f-]{36})\/end/.exec(shown.body)?.[1] ?? "";
      const ended = await submitForm(
        t,
        support.jar,
        page,
        `${page}/agreements/${agreementId}/end`,
        {},
      );
      assert.equal(ended.statusCode, 303, ended.body);
      const after = await get(support, page);
      assert.match(after.body, /Beheerd netwerk, van 2026-05-01, beëindigd op/);
      assert.doesNotMatch(after.body, /\/agreements\/[0-9a-f-]{36}\/end/);
      const again = await submitForm(
        t,
        support.jar,
        page,
        `${page}/agreements/${agreementId}/end`,
        {},
      );
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /loopt niet \(meer\)/);
    });

    it("refuses linking a request to a role that may not handle contact requests", async () => {
      const response = await submitForm(
        t,
        billing.jar,
        "/admin",
        `/admin/contact/${jan.id}/customer`,
        {
          number: "K-ZZZZZZ",
        },
      );
      assert.equal(response.statusCode, 403);
      assert.equal((await audits("contact.linked_to_customer", jan.id)).length, 0);
    });

    it("keeps internal notes and mails a reply threaded by the reference, in the visitor's language", async () => {
      const marie = await receiveContactRequest(
        deps(),
        request({
          name: "Marie",
          email: "marie.reply@example.be",
          phone: undefined,
          topic: "Router",
          locale: "fr",
        }),
      );
      const page = `/admin/contact/${marie.id}`;
      const note = await submitForm(t, support.jar, page, `${page}/notes`, {
        text: "Klant belt terug <b>morgen</b>",
      });
      assert.equal(note.statusCode, 303, note.body.slice(0, 500));
      const reply = await submitForm(t, support.jar, page, `${page}/reply`, {
        text: "Bonjour, nous passons jeudi.",
      });
      assert.equal(reply.statusCode, 303, reply.body.slice(0, 500));
      const mails = await mailsOf(t, "contact.reply");
      assert.equal(mails.length, 1);
      assert.equal(mails[0]?.toAddress, "marie.reply@example.be");
      assert.equal(mails[0]?.subject, `Re: [${marie.reference}] Router`);
      assert.match(mails[0]?.textBody ?? "", /Réponse à votre demande/);
      const [row] = await queryRows<{ status: string }>(
        t.database.db,
        sql`select status from contact_requests where id = ${marie.id}`,
      );
      assert.equal(row?.status, "waiting");
      const shown = await get(support, page);
      assert.match(shown.body, /Klant belt terug &lt;b>morgen&lt;\/b>/);
      assert.match(shown.body, /Antwoord per mail/);
      const stored = await queryRows<{ body_ciphertext: string }>(
        t.database.db,
        sql`select body_ciphertext from contact_notes where request_id = ${marie.id}`,
      );
      assert.equal(stored.length, 2);
      assert.ok(stored.every((entry) => entry.body_ciphertext.startsWith("v2.")));
      const empty = await submitForm(t, support.jar, page, `${page}/notes`, { text: "  " });
      assert.equal(empty.statusCode, 400);
    });
  });
}
