import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { type SignedIn, setUpStaff, signIn, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import { createLogger } from "../../core/log.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import {
  type ContactDeps,
  contactRequestRecordType,
  receiveContactRequest,
} from "../contact/index.ts";
import { holdRecord } from "./quarantine.ts";
import { quarantineExpiryJob } from "./quarantine-expiry.job.ts";
import type { ScannerDeps } from "./scanner-deps.ts";
import { passThroughSensitiveData } from "./sensitive-data.ts";

const hour = 60 * 60 * 1000;
/** 85.07.30-033 with its check digits: 97 − (850730033 mod 97) = 28. */
const nationalNumber = "85.07.30-033.28";
const message = `Ik heb suikerziekte en mijn rijksregisternummer is ${nationalNumber}. Mijn laptop start niet.`;

for (const kind of databaseKinds) {
  describe(`the privacy officer's quarantine on ${kind}`, () => {
    let t: TestApp;
    let policy: Policy;
    let deps: ScannerDeps;
    let contact: ContactDeps;
    let privacy: SignedIn;
    let support: SignedIn;

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      const dataMap = createDataMap(() => policy);
      const engines = { db: t.database.db, clock: t.clock, dataMap, vault: t.vault };
      deps = { ...engines, config: t.config, policy: () => policy };
      // Stored as written: these tests are about the officer's decision, not the detectors.
      contact = { ...engines, config: t.config, sensitiveData: passThroughSensitiveData };
      privacy = await setUpStaff(t, "privacy");
      support = await setUpStaff(t, "support");
    });
    after(() => t.close());

    /** A contact request stored through the real intake, then held as intake would hold it. */
    const heldRequest = async () => {
      const email = `lotte.${randomUUID().slice(0, 8)}@voorbeeld.be`;
      const received = await receiveContactRequest(contact, {
        name: "Lotte Janssens",
        email,
        topic: "Laptop",
        message,
        locale: "nl",
        ip: "203.0.113.9",
        channel: "form",
        attachments: [],
      });
      const held = await t.database.db.transaction((tx) =>
        holdRecord(tx, deps, {
          recordType: contactRequestRecordType,
          recordId: received.id,
          subjectId: received.subjectId,
          types: ["health"],
          reasons: ["health_term"],
        }),
      );
      return { ...received, email, quarantineId: held.quarantineId };
    };
    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });
    const audits = (action: string, recordId: string) =>
      queryRows<{ actor_type: string; actor_id: string | null; details: Record<string, unknown> }>(
        t.database.db,
        sql`select actor_type, actor_id, details from audit_log
            where action = ${action} and record_id = ${recordId} order by seq`,
      );
    const requestExists = async (id: string) =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from contact_requests where id = ${id}`,
        )
      )[0]?.n === 1;
    /** The "in quarantine" part of the list page, before the recent decisions. */
    const heldPart = (html: string) => html.slice(0, html.indexOf('id="decided-title"'));
    const decidedPart = (html: string) =>
      html.slice(html.indexOf('id="decided-title"'), html.indexOf('id="scan"'));
    const decide = (quarantineId: string, decision: "release" | "delete") =>
      submitForm(
        t,
        privacy.jar,
        `/admin/quarantine/${quarantineId}`,
        `/admin/quarantine/${quarantineId}/${decision}`,
        {},
      );

    it("lists a held request with its kinds and deadline, without its text, to privacy officers only", async () => {
      const held = await heldRequest();
      const page = await get(privacy, "/admin/quarantine");
      assert.equal(page.statusCode, 200, page.body);
      const list = heldPart(page.body);
      assert.ok(list.includes(`data-quarantine="${held.quarantineId}"`));
      assert.ok(list.includes(`href="/admin/quarantine/${held.quarantineId}"`));
      assert.match(list, /contactaanvraag/);
      assert.match(list, /gezondheid/);
      assert.match(list, /wordt gewist op \d+ januari 2026 om \d\d:\d\d \(nog 24 u 0 min\)/);
      assert.doesNotMatch(page.body, /suikerziekte|Lotte|voorbeeld\.be/, "no text in the list");
      assert.match(page.body, /Bestaande gegevens scannen/);
      const english = await get(privacy, "/admin/quarantine?lang=en");
      assert.match(heldPart(english.body), /contact request/);
      assert.match(heldPart(english.body), /24 h 0 min left/);

      for (const url of ["/admin/quarantine", `/admin/quarantine/${held.quarantineId}`]) {
        const refused = await get(support, url);
        assert.equal(refused.statusCode, 403, url);
        assert.doesNotMatch(refused.body, /suikerziekte/);
      }
      const release = await submitForm(
        t,
        support.jar,
        "/admin",
        `/admin/quarantine/${held.quarantineId}/release`,
        {},
      );
      assert.equal(release.statusCode, 403);
      assert.equal((await audits("scanner.quarantine.viewed", held.id)).length, 0);
    });

    it("mails each privacy officer the link and the deadline, never the text", async () => {
      const held = await heldRequest();
      const mails = await mailsOf(t, "scanner.quarantine", privacy.email);
      const mail = mails.find((one) => one.textBody.includes(held.quarantineId));
      assert.ok(mail, "a mail about this quarantine");
      assert.equal(mail.subject, "Bericht in quarantaine: gezondheid");
      assert.ok(mail.textBody.includes(`/admin/quarantine/${held.quarantineId}`));
      assert.doesNotMatch(mail.textBody, /suikerziekte|Lotte|voorbeeld\.be|85\.07\.30/);
      const toSupport = await mailsOf(t, "scanner.quarantine", support.email);
      assert.equal(toSupport.length, 0);
    });

    it("shows the record with what the scanner finds in it now, and audits the view", async () => {
      const held = await heldRequest();
      const page = await get(privacy, `/admin/quarantine/${held.quarantineId}`);
      assert.equal(page.statusCode, 200, page.body);
      assert.match(page.body, /Quarantaine: contactaanvraag/);
      assert.match(page.body, /Lotte Janssens/);
      assert.match(page.body, /Ik heb <mark>suikerziekte<\/mark>/, "the health word is marked");
      assert.match(page.body, /<strong>gezondheid<\/strong> \(\d+% zeker\): /);
      assert.ok(page.body.includes(`<mark>${nationalNumber}</mark>`), "the number is marked");
      assert.match(page.body, /<strong>rijksregisternummer<\/strong> \(99% zeker\): /);
      assert.match(page.body, /Vals alarm — vrijgeven/);
      assert.match(page.body, /Nu wissen/);
      assert.equal((page.body.match(/name="_csrf"/g) ?? []).length, 3, "logout and two decisions");

      const viewed = await audits("scanner.quarantine.viewed", held.id);
      assert.equal(viewed.length, 1);
      assert.equal(viewed[0]?.actor_type, "staff");
      assert.equal(viewed[0]?.actor_id, privacy.staffId);
      assert.deepEqual(viewed[0]?.details, { quarantineId: held.quarantineId, status: "held" });
    });

    it("answers 404 to an unknown or malformed id", async () => {
      assert.equal((await get(privacy, `/admin/quarantine/${randomUUID()}`)).statusCode, 404);
      assert.equal((await get(privacy, "/admin/quarantine/abc")).statusCode, 404);
      const post = await submitForm(
        t,
        privacy.jar,
        "/admin/quarantine",
        `/admin/quarantine/${randomUUID()}/delete`,
        {},
      );
      assert.equal(post.statusCode, 404);
    });

    it("releases a false positive: listed as decided, audited, kept; a second decision is refused", async () => {
      const held = await heldRequest();
      const released = await decide(held.quarantineId, "release");
      assert.equal(released.statusCode, 303, released.body);
      assert.equal(released.headers.location, "/admin/quarantine?done=released");

      const list = await get(privacy, String(released.headers.location));
      assert.match(list.body, /Vrijgegeven: het bericht staat weer gewoon in de lijsten\./);
      assert.ok(!heldPart(list.body).includes(held.quarantineId), "no longer held");
      const row = decidedPart(list.body)
        .split("<tr")
        .find((part) => part.includes(held.quarantineId));
      assert.ok(row, "listed among the decisions");
      assert.match(row, /vrijgegeven/);
      assert.ok(row.includes(privacy.email), "by whom");

      const audit = await audits("scanner.quarantine.released", held.id);
      assert.equal(audit[0]?.actor_id, privacy.staffId);
      assert.ok(await requestExists(held.id));

      const again = await decide(held.quarantineId, "delete");
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Over deze quarantaine werd al beslist \(status: vrijgegeven\)/);
      assert.ok(await requestExists(held.id), "the refused delete deleted nothing");
    });

    it("deletes on the officer's word: the row is gone, audited, and the page shows only that", async () => {
      const held = await heldRequest();
      const deleted = await decide(held.quarantineId, "delete");
      assert.equal(deleted.statusCode, 303, deleted.body);
      assert.equal(deleted.headers.location, "/admin/quarantine?done=deleted");
      assert.equal(await requestExists(held.id), false);
      const audit = await audits("scanner.quarantine.deleted", held.id);
      assert.equal(audit[0]?.actor_id, privacy.staffId);

      const page = await get(privacy, `/admin/quarantine/${held.quarantineId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Gewist\. Van dit bericht is niets meer over/);
      assert.doesNotMatch(page.body, /suikerziekte|Lotte/);
      assert.doesNotMatch(page.body, /Vals alarm/);

      const again = await decide(held.quarantineId, "release");
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /status: gewist/);
    });

    // Last: it moves the clock a day on.
    it("deletes what nobody decided on once the policy's hours are over, through the expiry job", async () => {
      const held = await heldRequest();
      const run = () =>
        quarantineExpiryJob(() => deps).run({
          db: t.database.db,
          clock: t.clock,
          config: t.config,
          log: createLogger({ level: "silent" }),
          signal: new AbortController().signal,
        });
      t.clock.advance(23 * hour);
      assert.deepEqual(await run(), { deleted: 0 });
      assert.ok(await requestExists(held.id));
      t.clock.advance(hour + 1_000);
      const summary = await run();
      assert.ok((summary?.deleted ?? 0) >= 1, "at least this one");
      assert.equal(await requestExists(held.id), false);
      const audit = await audits("scanner.quarantine.deleted", held.id);
      assert.equal(audit[0]?.actor_type, "system");
      assert.equal(audit[0]?.actor_id, "scanner.quarantine_expiry");

      privacy.jar = await signIn(t, privacy);
      const list = await get(privacy, "/admin/quarantine");
      const row = decidedPart(list.body)
        .split("<tr")
        .find((part) => part.includes(held.quarantineId));
      assert.ok(row);
      assert.match(row, /gewist/);
      assert.match(row, /automatisch, na de termijn/);
      assert.match(heldPart(list.body), /Er staat niets in quarantaine\./);
    });
  });
}
