import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { type CookieJar, setUpStaff, signIn, submitForm } from "../../../test/helpers/staff.ts";
import { listAudit } from "../../audit/index.ts";
import { readSubjectRecords } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { inventoryVersion } from "./inventory-version.ts";

for (const kind of databaseKinds) {
  describe(`staff lookup and linking of a consent id on ${kind}`, () => {
    let t: TestApp;
    let policy: Policy;
    let officer: CookieJar;
    let officerId: string;
    let billing: CookieJar;

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      const privacy = await setUpStaff(t, "privacy");
      officerId = privacy.staffId;
      officer = await signIn(t, privacy);
      billing = await signIn(t, await setUpStaff(t, "billing"));
    });
    after(() => t.close());

    /** Two choices a minute apart: an acceptance, then its withdrawal. */
    const twoChoices = async () => {
      const consentId = randomUUID();
      for (const [action, analytics, ip] of [
        ["accept_all", true, "203.0.113.77"],
        ["reject_all", false, "203.0.113.78"],
      ] as const) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/consent",
          remoteAddress: ip,
          headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Firefox/133.0" },
          payload: {
            consentId,
            action,
            choices: { analytics },
            inventoryVersion: action === "accept_all" ? "0123456789ab" : inventoryVersion(policy),
            page: "/diensten",
          },
        });
        assert.equal(response.statusCode, 201, response.body);
        t.clock.advance(60_000);
      }
      return consentId;
    };

    const get = (jar: CookieJar, url: string, language = "nl") =>
      t.app.inject({ url, headers: { cookie: jar.header, "accept-language": language } });

    it("lists every choice of a consent id, newest first, and audits the read", async () => {
      const consentId = await twoChoices();
      const page = await get(officer, `/admin/consent?id=${consentId.toUpperCase()}`);
      assert.equal(page.statusCode, 200, page.body);
      assert.match(page.body, /<caption>/);
      assert.match(page.body, /class="table-scroll" tabindex="0" aria-label="/);
      assert.match(page.body, /<label>Toestemmingsnummer<input/);
      const refused = page.body.indexOf("alles geweigerd");
      const accepted = page.body.indexOf("alles aanvaard");
      assert.ok(refused > 0 && accepted > refused, "the withdrawal comes first");
      assert.match(page.body, /analytische cookies: geweigerd/);
      assert.match(page.body, /<code>0123456789ab<\/code> \(oudere\)/);
      assert.match(page.body, new RegExp(`<code>${inventoryVersion(policy)}</code> \\(huidige\\)`));
      assert.match(page.body, /203\.0\.113\.0/);
      assert.doesNotMatch(page.body, /203\.0\.113\.7[78]/);
      assert.match(page.body, /\/diensten/);
      assert.match(page.body, /Firefox/);
      assert.match(page.body, /niet gekoppeld/);
      const { entries } = await listAudit(t.database.db, {
        action: "consent.read",
        actorId: officerId,
        limit: 10,
      });
      const read = entries.find((entry) => entry.recordId === consentId);
      assert.equal(read?.recordType, "consent.choice");
      assert.deepEqual(read?.details, { choices: 2 });

      const english = await get(officer, `/admin/consent?id=${consentId}`, "en");
      assert.match(english.body, /rejected all/);
    });

    it("shows the form alone without an id, and says so for a malformed or unknown one", async () => {
      const empty = await get(officer, "/admin/consent");
      assert.equal(empty.statusCode, 200);
      assert.doesNotMatch(empty.body, /<table/);
      const malformed = await get(officer, "/admin/consent?id=abc");
      assert.equal(malformed.statusCode, 400);
      assert.match(malformed.body, /geen geldig toestemmingsnummer/);
      const unknown = await get(officer, `/admin/consent?id=${randomUUID()}`);
      assert.equal(unknown.statusCode, 200);
      assert.match(unknown.body, /Geen keuzes gevonden/);
    });

    it("is refused to billing staff", async () => {
      const consentId = await twoChoices();
      const page = await get(billing, `/admin/consent?id=${consentId}`);
      assert.equal(page.statusCode, 403);
      assert.doesNotMatch(page.body, /203\.0\.113\.0/);
    });

    it("links a consent id to a person: audited, in their records, and refused for another person", async () => {
      const consentId = await twoChoices();
      const { subjectId } = await t.vault.ensureSubject(t.database.db, {
        email: "an.peeters@example.be",
      });
      const lookup = `/admin/consent?id=${consentId}`;
      const linked = await submitForm(t, officer, lookup, "/admin/consent/link", {
        consentId,
        subjectId,
      });
      assert.equal(linked.statusCode, 303, linked.body);
      assert.equal(linked.headers.location, `${lookup}&done=linked&n=2`);
      const after = await get(officer, String(linked.headers.location));
      assert.match(after.body, /2 keuze\(s\) gekoppeld aan de persoon/);
      assert.match(after.body, new RegExp(`href="/admin/subjects/${subjectId}"`));

      const { entries } = await listAudit(t.database.db, { subjectId, limit: 10 });
      const link = entries.find((entry) => entry.action === "consent.linked");
      assert.equal(link?.recordId, consentId);
      assert.deepEqual(link?.details, { records: 2 });
      assert.ok(
        entries.some((entry) => entry.action === "subject.read" && entry.recordId === consentId),
        "a read of linked choices is a read of the person's data",
      );

      const { byType } = await readSubjectRecords(
        { db: t.database.db, dataMap: createDataMap(() => policy), vault: t.vault },
        subjectId,
      );
      const choices = byType.find((group) => group.recordType.id === "consent.choice");
      assert.equal(choices?.records.length, 2);

      const other = await t.vault.ensureSubject(t.database.db, { email: "bert@example.be" });
      const moved = await submitForm(t, officer, lookup, "/admin/consent/link", {
        consentId,
        subjectId: other.subjectId,
      });
      assert.equal(moved.statusCode, 409);
      assert.match(moved.body, /al aan een andere persoon gekoppeld/);
    });

    it("refuses a person or consent id that does not exist", async () => {
      const consentId = await twoChoices();
      const lookup = `/admin/consent?id=${consentId}`;
      const nobody = await submitForm(t, officer, lookup, "/admin/consent/link", {
        consentId,
        subjectId: randomUUID(),
      });
      assert.equal(nobody.statusCode, 404);
      assert.match(nobody.body, /Er is geen persoon met dat nummer/);
      const malformed = await submitForm(t, officer, lookup, "/admin/consent/link", {
        consentId,
        subjectId: "jan@example.be",
      });
      assert.equal(malformed.statusCode, 400);
      const { subjectId } = await t.vault.ensureSubject(t.database.db, { email: "c@example.be" });
      const noChoices = await submitForm(t, officer, lookup, "/admin/consent/link", {
        consentId: randomUUID(),
        subjectId,
      });
      assert.equal(noChoices.statusCode, 404);
    });
  });
}
