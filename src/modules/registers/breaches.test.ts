import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { type SignedIn, setUpStaff, signIn, submitForm } from "../../../test/helpers/staff.ts";
import { type Db, queryRows } from "../../core/db/database.ts";
import { loadActivePolicy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import type { Vault } from "../../vault/index.ts";
import { type ContactDeps, receiveContactRequest } from "../contact/index.ts";
import { scheduleTimeValue } from "../newsletter/index.ts";
import { passThroughSensitiveData } from "../scanner/index.ts";
import { breachTimeZone } from "./breach-fields.ts";
import { draftNotice, queueBreachNotice } from "./breach-notice.ts";
import { receiveMisuseReport } from "./breach-report.ts";
import { getBreach } from "./breaches.service.ts";
import { breaches } from "./registers.tables.ts";

const hour = 60 * 60 * 1000;

/** A complete, valid form; tests override what they are about. */
const breachForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: "Gestolen laptop van een technicus",
  nature: "Een laptop met een kopie van de klantendatabank werd uit een wagen gestolen.",
  // The fake clock starts at 2026-01-01 09:00 UTC, 10:00 in Brussels.
  discoveredAt: "2026-01-01T10:00",
  categories: ["email", "name"],
  approxPeople: "120",
  approxRecords: "340",
  consequences: "Phishing met echte klantgegevens.",
  measures: "Wachtwoorden gewijzigd, schijf op afstand gewist.",
  highRisk: "yes",
  authorityNotifiedAt: "",
  authorityReference: "",
  authorityReasoning: "",
  peopleNotifiedAt: "",
  peopleReasoning: "",
  ...overrides,
});

for (const kind of databaseKinds) {
  describe(`the breach register (statement: "passende maatregelen om misbruik, verlies, onbevoegde toegang … tegen te gaan") on ${kind}`, () => {
    let t: TestApp;
    let privacy: SignedIn;
    let support: SignedIn;
    let contact: ContactDeps;

    before(async () => {
      t = await createTestApp(kind, { env: { PUBLIC_URL: "https://privacy.wits.be" } });
      privacy = await setUpStaff(t, "privacy");
      support = await setUpStaff(t, "support");
      const { policy } = await loadActivePolicy(undefined);
      contact = {
        db: t.database.db,
        clock: t.clock,
        vault: t.vault,
        dataMap: createDataMap(() => policy),
        config: t.config,
        sensitiveData: passThroughSensitiveData,
      };
    });
    after(() => t.close());

    /**
     * Moves the fake clock to `at` and signs the officer in again there: a back-office session
     * does not survive hours of idle time. signIn waits 30 s for a fresh code, so it starts early.
     */
    const signInAt = async (at: number) => {
      t.clock.set(new Date(at - 30_000));
      privacy.jar = await signIn(t, privacy);
    };
    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });
    const post = (page: string, action: string, fields: Record<string, string | string[]>) =>
      submitForm(t, privacy.jar, page, action, fields);
    const breachRow = async (id: string) =>
      (await t.database.db.select().from(breaches).where(eq(breaches.id, id)))[0];
    const auditsOf = (id: string) =>
      queryRows<{ action: string; details: Record<string, unknown> }>(
        t.database.db,
        sql`select action, details from audit_log where record_id = ${id} order by seq`,
      );
    const create = async (overrides: Record<string, string | string[]> = {}) => {
      const created = await post(
        "/admin/breaches/new",
        "/admin/breaches/new",
        breachForm(overrides),
      );
      assert.equal(created.statusCode, 303, created.body);
      const id = /\/admin\/breaches\/([0-9a-f-]{36})\?done=created/.exec(
        String(created.headers.location),
      )?.[1];
      assert.ok(id);
      return id;
    };
    /** The list row of one breach. */
    const rowOf = (html: string, id: string) => {
      const start = html.indexOf(`data-breach="${id}"`);
      assert.ok(start > 0, "the breach is listed");
      return html.slice(start, html.indexOf("</tr>", start));
    };

    it("is for the privacy and admin roles only: support gets 403", async () => {
      const id = await create();
      for (const url of [
        "/admin/breaches",
        "/admin/breaches/new",
        `/admin/breaches/${id}`,
        `/admin/breaches/${id}/notice`,
      ]) {
        assert.equal((await get(support, url)).statusCode, 403, url);
        assert.equal((await get(privacy, url)).statusCode, 200, url);
      }
    });

    it("refuses a discovery time in the future with a 400, keeping what was typed", async () => {
      const refused = await post(
        "/admin/breaches/new",
        "/admin/breaches/new",
        breachForm({ discoveredAt: "2026-01-02T10:00", approxPeople: "veel" }),
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Dit tijdstip ligt in de toekomst/);
      assert.match(refused.body, /Vul een geheel getal in/);
      assert.match(refused.body, /value="Gestolen laptop van een technicus"/);
      assert.match(refused.body, /value="veel"/);
      assert.match(refused.body, /value="email" checked/);
    });

    it("shows each open breach's 72-hour clock in the list, then when it was notified", async () => {
      // Discovered this minute: the field holds minutes, in Brussels time.
      const start = Math.floor(t.clock.now().getTime() / 60_000) * 60_000;
      const id = await create({
        discoveredAt: scheduleTimeValue(new Date(start), breachTimeZone),
      });
      const list = async () => rowOf((await get(privacy, "/admin/breaches")).body, id);

      await signInAt(start + 31 * hour);
      assert.match(await list(), /nog 41 uur om te melden/);
      assert.doesNotMatch(await list(), /<mark/);

      await signInAt(start + 77 * hour);
      assert.match(await list(), /<mark[^>]*><strong>meldtermijn 5 uur verstreken<\/strong>/);
      const english = await get(privacy, "/admin/breaches?lang=en");
      assert.match(rowOf(english.body, id), /notification deadline passed 5 h ago/);

      const saved = await post(
        `/admin/breaches/${id}`,
        `/admin/breaches/${id}`,
        breachForm({
          authorityNotifiedAt: "2026-01-04T12:30",
          authorityReference: "GBA-2026-0042",
          authorityReasoning: "Gemeld na 74 uur: de omvang was pas toen duidelijk.",
        }),
      );
      assert.equal(saved.statusCode, 303, saved.body);
      assert.match(await list(), /gemeld op 4 jan 2026/);
      const audits = await auditsOf(id);
      assert.deepEqual(audits.at(-1), {
        action: "breach.updated",
        details: { fields: "authorityNotifiedAt,authorityReference,authorityReasoning" },
      });
      assert.doesNotMatch(JSON.stringify(audits), /GBA-2026|laptop|74 uur/);
    });

    it("lists a misuse report first and lets the officer treat it as a breach or dismiss it", async () => {
      const reports = [];
      for (const email of ["melder1@voorbeeld.be", "melder2@voorbeeld.be"]) {
        reports.push(
          await receiveMisuseReport(contact, {
            name: "",
            email,
            message: "Vreemde aanmelding op mijn account.",
            locale: "nl",
            ip: "203.0.113.7",
          }),
        );
      }
      const [treated, dismissed] = reports;
      assert.ok(treated && dismissed);
      const list = (await get(privacy, "/admin/breaches")).body;
      const triage = list.slice(
        list.indexOf('id="breaches-triage"'),
        list.indexOf('id="breaches-open"'),
      );
      assert.match(triage, new RegExp(treated.breachReference));
      assert.match(triage, /wacht op beoordeling/);

      const detail = await get(privacy, `/admin/breaches/${treated.breachId}`);
      assert.match(detail.body, new RegExp(`href="/admin/contact/${treated.contact.id}"`));
      assert.doesNotMatch(detail.body, /Vreemde aanmelding|melder1/, "the words stay in the inbox");

      await signInAt(t.clock.now().getTime() + 2 * hour);
      const treat = await post(
        `/admin/breaches/${treated.breachId}`,
        `/admin/breaches/${treated.breachId}/treat`,
        {},
      );
      assert.equal(treat.statusCode, 303);
      const row = await breachRow(treated.breachId);
      assert.equal(row?.status, "open");
      assert.equal(row?.discoveredAt?.getTime(), t.clock.now().getTime(), "the clock starts now");
      assert.equal(row?.updatedAt.getTime(), t.clock.now().getTime());
      const page = await get(privacy, `/admin/breaches/${treated.breachId}`);
      assert.match(page.body, /nog 72 uur om te melden/);

      const dismiss = await post(
        `/admin/breaches/${dismissed.breachId}`,
        `/admin/breaches/${dismissed.breachId}/dismiss`,
        {},
      );
      assert.equal(dismiss.statusCode, 303);
      assert.equal((await breachRow(dismissed.breachId))?.status, "dismissed");
      const again = await post(
        `/admin/breaches/${dismissed.breachId}`,
        `/admin/breaches/${dismissed.breachId}/treat`,
        {},
      );
      assert.equal(again.statusCode, 409, "a dismissed report is no longer in triage");
      assert.deepEqual(
        (await auditsOf(dismissed.breachId)).map((entry) => [entry.action, entry.details]),
        [
          ["breach.reported", { contactRequestId: dismissed.contact.id }],
          ["breach.dismiss", { from: "triage", to: "dismissed" }],
        ],
      );
    });

    it("queues the Art. 34 notice to each affected person once, in their language", async () => {
      await signInAt(t.clock.now().getTime() + hour);
      const id = await create({ discoveredAt: "" });
      const english = await receiveContactRequest(contact, {
        name: "Emma Smith",
        email: "emma@example.com",
        topic: "Backup",
        message: "Question",
        locale: "en",
        ip: "203.0.113.8",
        channel: "form",
        attachments: [],
      });
      const dutch = await receiveContactRequest(contact, {
        name: "Pieter Claes",
        email: "pieter@voorbeeld.be",
        topic: "Factuur",
        message: "Vraag",
        locale: "nl",
        ip: "203.0.113.9",
        channel: "form",
        attachments: [],
      });
      const phoneOnly = await t.vault.ensureSubject(t.database.db, { phone: "+32475123456" });

      const unknown = await post(`/admin/breaches/${id}`, `/admin/breaches/${id}/people`, {
        identifiers: "emma@example.com\npieter@voorbeeld.be\nniemand@voorbeeld.be",
      });
      assert.equal(unknown.statusCode, 400);
      assert.match(
        unknown.body,
        /2 persoon\/personen gekoppeld. 1 gegeven\(s\) duiden niemand aan/,
      );
      assert.match(unknown.body, />niemand@voorbeeld.be<\/textarea>/);
      const byPhone = await post(`/admin/breaches/${id}`, `/admin/breaches/${id}/people`, {
        identifiers: "0475 12 34 56",
      });
      assert.equal(byPhone.statusCode, 303, byPhone.body);

      const draft = await get(privacy, `/admin/breaches/${id}/notice`);
      assert.equal(draft.statusCode, 200);
      assert.match(draft.body, /Belangrijk: een beveiligingsincident bij/);
      assert.match(draft.body, /Important: a security incident at/);
      assert.match(draft.body, /Important : un incident de sécurité chez/);
      assert.match(draft.body, /Een laptop met een kopie van de klantendatabank/);
      assert.match(draft.body, /privacy@wits.be/);
      assert.match(draft.body, new RegExp(`data-unreachable="${phoneOnly.subjectId}"`));
      assert.match(draft.body, /In de wachtrij zetten voor 2 persoon/);

      const texts = {
        subject_nl: "Beveiligingsincident",
        text_nl: "Beste, er was een incident.",
        subject_en: "Security incident",
        text_en: "Hello, there was an incident.",
        subject_fr: "Incident de sécurité",
        text_fr: "Bonjour, il y a eu un incident.",
      };
      const empty = await post(`/admin/breaches/${id}/notice`, `/admin/breaches/${id}/notice`, {
        ...texts,
        text_fr: " ",
      });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Hello, there was an incident./, "the texts are kept");

      const queued = await post(
        `/admin/breaches/${id}/notice`,
        `/admin/breaches/${id}/notice`,
        texts,
      );
      assert.equal(queued.statusCode, 303, queued.body);
      /** The notices, opened, by address (the address is sealed in the table). */
      const notices = async () =>
        (await mailsOf(t, "breaches.notice")).sort((a, b) =>
          a.toAddress.localeCompare(b.toAddress),
        );
      assert.deepEqual(
        (await notices()).map((mail) => [mail.toAddress, mail.locale, mail.subject]),
        [
          ["emma@example.com", "en", "Security incident"],
          ["pieter@voorbeeld.be", "nl", "Beveiligingsincident"],
        ],
      );
      assert.deepEqual(
        (await notices()).map((mail) => [
          mail.subjectId,
          mail.vaultPurpose,
          mail.textBody.trimEnd(),
        ]),
        [
          [english.subjectId, "contact", "Hello, there was an incident."],
          [dutch.subjectId, "contact", "Beste, er was een incident."],
        ],
        "each notice sealed under the key of the person's record its address came from",
      );
      const firstQueued = (await breachRow(id))?.peopleNotifiedAt;
      assert.equal(firstQueued?.getTime(), t.clock.now().getTime());

      await signInAt(t.clock.now().getTime() + hour);
      const twice = await post(
        `/admin/breaches/${id}/notice`,
        `/admin/breaches/${id}/notice`,
        texts,
      );
      assert.equal(twice.statusCode, 303);
      assert.equal((await notices()).length, 2, "nobody gets it twice");
      assert.equal((await breachRow(id))?.peopleNotifiedAt?.getTime(), firstQueued?.getTime());

      const audits = await auditsOf(id);
      const queuedAudit = audits.find((entry) => entry.action === "breach.notice_queued");
      assert.deepEqual(queuedAudit?.details, { queued: 2, unreachable: 1, alreadySent: 0 });
      assert.doesNotMatch(JSON.stringify(audits), /emma|pieter|example|voorbeeld|0475/);
      assert.ok(english.subjectId);

      const unlinked = await post(
        `/admin/breaches/${id}`,
        `/admin/breaches/${id}/people/${phoneOnly.subjectId}/unlink`,
        {},
      );
      assert.equal(unlinked.statusCode, 303, unlinked.body);
      const page = await get(privacy, `/admin/breaches/${id}`);
      assert.doesNotMatch(page.body, new RegExp(`/admin/subjects/${phoneOnly.subjectId}`));
      assert.match(page.body, /in de wachtrij gezet op/);
    });

    it("does not record a person erased while their notice is queued as told, and sends them nothing", async () => {
      await signInAt(t.clock.now().getTime() + hour);
      const id = await create({ discoveredAt: "" });
      const person = await receiveContactRequest(contact, {
        name: "Lotte Wuyts",
        email: "lotte.wuyts@voorbeeld.be",
        topic: "Offerte",
        message: "Vraag",
        locale: "nl",
        ip: "203.0.113.10",
        channel: "form",
        attachments: [],
      });
      const linked = await post(`/admin/breaches/${id}`, `/admin/breaches/${id}/people`, {
        identifiers: "lotte.wuyts@voorbeeld.be",
      });
      assert.equal(linked.statusCode, 303, linked.body);
      const breach = await getBreach(t.database.db, id);
      assert.ok(breach);
      // Her erasure commits between reading her address and sealing her notice.
      const vault = t.vault;
      const erasingVault = new Proxy(vault, {
        get(target, property) {
          if (property === "sealInTransit") {
            return async (db: Db, field: Parameters<Vault["sealInTransit"]>[1]) => {
              await target.shred(db, {
                subjectId: person.subjectId,
                purpose: "contact",
                reason: "rights.erasure",
              });
              return target.sealInTransit(db, field);
            };
          }
          const value = Reflect.get(target, property, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const notice = draftNotice((await loadActivePolicy(undefined)).policy, breach);

      const result = await queueBreachNotice(
        { ...contact, vault: erasingVault },
        { staffId: privacy.staffId, breach, texts: notice },
      );

      assert.deepEqual(result, { queued: 0, unreachable: 1, alreadySent: 0 });
      assert.equal((await mailsOf(t, "breaches.notice", "lotte.wuyts@voorbeeld.be")).length, 0);
      const [told] = await queryRows<{ notice_queued_at: Date | null }>(
        t.database.db,
        sql`select notice_queued_at from breach_subjects
            where breach_id = ${id} and subject_id = ${person.subjectId}`,
      );
      assert.equal(told?.notice_queued_at, null, "the register does not say she was told");
      assert.equal((await breachRow(id))?.peopleNotifiedAt, null);
    });
  });
}
