import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, beforeEach, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import {
  type CookieJar,
  type SignedIn,
  setUpStaff,
  signIn,
  submitForm,
} from "../../../test/helpers/staff.ts";
import { listAudit } from "../../audit/index.ts";
import { queryRows } from "../../core/db/database.ts";
import { exportPackages, isoDay, placeLegalHold } from "../../datamap/index.ts";
import { uniquePerson } from "../../vault/test-vault.ts";

const DAY = 86_400_000;
const packageLabel = "inzage- of overdrachtspakket";

/** The numbers in the table row that names the label, in column order. */
function rowNumbers(html: string, label: string): number[] {
  const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((match) => match[1] ?? "")
    .find((cells) => cells.includes(label));
  assert.ok(row, `a row for ${label}`);
  return [...row.matchAll(/<td>(\d+)<\/td>/g)].map((match) => Number(match[1]));
}

/** The result table of a sweep, which comes before the preview on the page. */
function sweepResult(html: string): string {
  const start = html.indexOf('id="sweep-result"');
  assert.ok(start >= 0, "the page shows the sweep's result");
  return html.slice(start);
}

for (const kind of databaseKinds) {
  describe(`records back office on ${kind}`, () => {
    let t: TestApp;
    let officer: SignedIn;
    let jar: CookieJar;

    before(async () => {
      t = await createTestApp(kind);
      officer = await setUpStaff(t, "privacy");
      jar = await signIn(t, officer);
    });
    after(() => t.close());

    // Each test starts from no packages and no hold in force.
    beforeEach(async () => {
      await t.database.db.execute(sql`delete from export_packages`);
      await t.database.db.execute(
        sql`update legal_holds set released_at = ${t.clock.now()}, released_by = 'test'
            where released_at is null`,
      );
    });

    const get = (url: string) =>
      t.app.inject({ url, remoteAddress: jar.ip, headers: { cookie: jar.header } });

    /** An access package of a (new) person that expires `days` from now. */
    const exportPackage = async (days: number, email = uniquePerson().email) => {
      const { subjectId } = await t.vault.ensureSubject(t.database.db, { email });
      const now = t.clock.now();
      const expiresAt = new Date(now.getTime() + days * DAY);
      const [row] = await t.database.db
        .insert(exportPackages)
        .values({
          subjectId,
          retainUntil: expiresAt,
          retentionReason: { code: "expires" },
          tokenHash: randomBytes(16).toString("hex"),
          locale: "nl",
          createdAt: now,
          expiresAt,
          zipCiphertext: Buffer.from("zip"),
          reportCiphertext: Buffer.from("report"),
          pdfCiphertext: Buffer.from("pdf"),
        })
        .returning({ id: exportPackages.id });
      assert.ok(row);
      return { id: row.id, subjectId, email, expiresAt };
    };

    const packagesLeft = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from export_packages`,
        )
      )[0]?.n;

    it("the data map lists the access package with its rule and live counts", async () => {
      await exportPackage(5);
      const held = await exportPackage(20);
      await exportPackage(90);
      await placeLegalHold(t.database.db, t.clock, {
        subjectId: held.subjectId,
        reason: "Zaak 2026/7",
        placedBy: officer.staffId,
      });
      const page = await get("/admin/datamap");
      assert.equal(page.statusCode, 200, page.body);
      assert.match(page.body, /rights\.export_package/);
      assert.match(page.body, /tot de downloadlink vervalt/);
      assert.match(page.body, /wettelijke verplichting \(GDPR Art\. 12, 15 and 20\)/);
      assert.match(page.body, /dan wordt ook de sleutel vernietigd\./);
      // records, due within 30 days
      assert.deepEqual(rowNumbers(page.body, packageLabel), [3]);
      assert.match(page.body, /<td>1<br\/><small>en 1 geblokkeerd<\/small><\/td>/);
      assert.match(page.body, /1 te wissen, 1 geblokkeerd/);
    });

    it("the retention preview counts what is due, per reason, and refuses a bad date", async () => {
      await exportPackage(-2);
      await exportPackage(-1);
      await exportPackage(10);
      const now = await get("/admin/retention");
      assert.equal(now.statusCode, 200, now.body);
      assert.match(now.body, /Wat een opruiming nu zou wissen/);
      assert.match(now.body, /vervaldatum bereikt/);
      assert.deepEqual(rowNumbers(now.body, packageLabel), [2, 0]);
      assert.match(now.body, /loopt vanzelf/);

      const later = isoDay(new Date(t.clock.now().getTime() + 15 * DAY));
      const future = await get(`/admin/retention?until=${later}`);
      assert.equal(future.statusCode, 200);
      assert.match(future.body, new RegExp(`Wat een opruiming op ${later} zou wissen`));
      assert.deepEqual(rowNumbers(future.body, packageLabel), [3, 0]);

      const invalid = await get("/admin/retention?until=2026-02-30");
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Dit is geen geldige datum/);
      assert.match(invalid.body, /value="2026-02-30"/, "what was typed stays in the field");

      const past = await get("/admin/retention?until=2025-12-31");
      assert.equal(past.statusCode, 400);
      assert.match(past.body, /Deze datum ligt in het verleden/);
    });

    it("sweeping now erases the due records and shows the counts", async () => {
      await exportPackage(-3);
      await exportPackage(-1);
      await exportPackage(10);
      const ran = await submitForm(t, jar, "/admin/retention", "/admin/retention/run", {});
      assert.equal(ran.statusCode, 200, ran.body);
      assert.match(ran.body, /De opruiming is gelopen/);
      // erased, deferred, keys destroyed
      assert.match(
        sweepResult(ran.body),
        /inzage- of overdrachtspakket<\/strong>: 2 gewist, 0 uitgesteld \(een voorwaarde houdt ze vast\), 0 sleutels vernietigd/,
      );
      assert.equal(await packagesLeft(), 1);
      const { entries } = await listAudit(t.database.db, {
        action: "retention.sweep",
        actorId: officer.staffId,
        limit: 10,
      });
      assert.equal(entries[0]?.details.erased, 2, "the sweep is audited under the officer's id");
    });

    it("a hold placed through the form keeps a due record until it is released", async () => {
      const due = await exportPackage(-1);
      const placed = await submitForm(t, jar, "/admin/holds", "/admin/holds", {
        recordType: "rights.export_package",
        email: due.email,
        reason: "Zaak 2026/14",
        endsOn: "",
      });
      assert.equal(placed.statusCode, 303, placed.body);
      assert.equal(placed.headers.location, "/admin/holds?done=placed");
      const list = await get("/admin/holds?done=placed");
      assert.match(list.body, /De blokkering is geplaatst/);
      assert.match(list.body, /Zaak 2026\/14/);
      assert.match(list.body, /Van kracht/);

      const preview = await get("/admin/retention");
      assert.deepEqual(rowNumbers(preview.body, packageLabel), [0, 1]);
      const kept = await submitForm(t, jar, "/admin/retention", "/admin/retention/run", {});
      assert.match(
        sweepResult(kept.body),
        /inzage- of overdrachtspakket<\/strong>: 0 gewist, 0 uitgesteld \(een voorwaarde houdt ze vast\), 0 sleutels vernietigd/,
      );
      assert.match(kept.body, /Bleven staan door een juridische blokkering: 1/);
      assert.equal(await packagesLeft(), 1);

      const holdId = /action="\/admin\/holds\/([0-9a-f-]{36})\/release"/.exec(list.body)?.[1];
      assert.ok(holdId, "the active hold has a release button");
      const released = await submitForm(
        t,
        jar,
        "/admin/holds",
        `/admin/holds/${holdId}/release`,
        {},
      );
      assert.equal(released.statusCode, 303, released.body);
      const after = await get("/admin/holds");
      assert.match(after.body, /Opgeheven/);
      assert.doesNotMatch(after.body, /\/release"/);

      const swept = await submitForm(t, jar, "/admin/retention", "/admin/retention/run", {});
      assert.match(
        sweepResult(swept.body),
        /inzage- of overdrachtspakket<\/strong>: 1 gewist, 0 uitgesteld \(een voorwaarde houdt ze vast\), 0 sleutels vernietigd/,
      );
      assert.equal(await packagesLeft(), 0);

      const again = await submitForm(t, jar, "/admin/holds", `/admin/holds/${holdId}/release`, {});
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /al opgeheven/);
    });

    it("a hold form that names nobody, or nothing, is refused and creates nobody", async () => {
      const subjects = async () =>
        (
          await queryRows<{ n: number }>(
            t.database.db,
            sql`select count(*)::int as n from subjects`,
          )
        )[0]?.n;
      const before = await subjects();
      const nobody = await submitForm(t, jar, "/admin/holds", "/admin/holds", {
        recordType: "",
        email: "niemand.bekend@example.be",
        reason: "Zaak 2026/15",
        endsOn: "",
      });
      assert.equal(nobody.statusCode, 400);
      assert.match(nobody.body, /We vonden niemand met dit e-mailadres/);
      assert.match(nobody.body, /value="Zaak 2026\/15"/, "what was typed stays");
      assert.equal(await subjects(), before);

      const nothing = await submitForm(t, jar, "/admin/holds", "/admin/holds", {
        recordType: "",
        email: "",
        reason: "Zaak 2026/16",
        endsOn: "",
      });
      assert.equal(nothing.statusCode, 400);
      assert.match(nothing.body, /Kies een soort gegevens, geef het e-mailadres/);

      const past = await submitForm(t, jar, "/admin/holds", "/admin/holds", {
        recordType: "rights.export_package",
        email: "",
        reason: "Zaak 2026/17",
        endsOn: "2025-06-01",
      });
      assert.equal(past.statusCode, 400);
      assert.match(past.body, /De einddatum ligt in het verleden/);
    });

    it("the subject page says why each record is kept, in Dutch and English, and audits the view", async () => {
      const held = await exportPackage(10);
      const search = await get(`/admin/subjects?email=${encodeURIComponent(held.email)}`);
      assert.equal(search.statusCode, 303);
      assert.equal(search.headers.location, `/admin/subjects/${held.subjectId}`);

      const dutch = await get(`/admin/subjects/${held.subjectId}`);
      assert.equal(dutch.statusCode, 200, dutch.body);
      assert.equal(dutch.headers["cache-control"], "no-store");
      const day = isoDay(held.expiresAt);
      assert.match(dutch.body, /Waarom bewaren we dit nog\?/);
      assert.match(dutch.body, new RegExp(`Bewaard tot ${day}: tot de downloadlink vervalt\\.`));
      assert.match(dutch.body, new RegExp(`wissen we het op ${day}`));
      assert.match(dutch.body, /Per soort<\/dt><dd>inzage- of overdrachtspakket: 1/);

      const english = await get(`/admin/subjects/${held.subjectId}?lang=en`);
      assert.match(english.body, /Why do we still hold this\?/);
      assert.match(
        english.body,
        new RegExp(`Kept until ${day}: until the download link expires\\.`),
      );

      const { entries } = await listAudit(t.database.db, {
        action: "subject.read",
        subjectId: held.subjectId,
        limit: 10,
      });
      assert.equal(entries.length, 2, "each view is one audit entry per record shown");
      assert.equal(entries[0]?.actorId, officer.staffId);
      assert.equal(entries[0]?.recordId, held.id);
      assert.equal(entries[0]?.recordType, "rights.export_package");
    });

    it("a hold on the person shows on the subject page", async () => {
      const held = await exportPackage(10);
      await placeLegalHold(t.database.db, t.clock, {
        subjectId: held.subjectId,
        reason: "Zaak 2026/21",
        placedBy: officer.staffId,
      });
      const page = await get(`/admin/subjects/${held.subjectId}`);
      assert.match(page.body, /Een juridische blokkering houdt dit vast: Zaak 2026\/21\./);
      assert.match(page.body, /Juridische blokkeringen<\/dt><dd>Zaak 2026\/21/);
      assert.match(page.body, /Zonder blokkering zouden we het wissen op/);
    });

    it("an unknown person is a 404, and a search that finds nobody says so", async () => {
      const unknown = await get("/admin/subjects/00000000-0000-4000-8000-000000000000");
      assert.equal(unknown.statusCode, 404);
      const malformed = await get("/admin/subjects/not-a-uuid");
      assert.equal(malformed.statusCode, 404);
      const search = await get("/admin/subjects?email=niemand%40example.be");
      assert.equal(search.statusCode, 200);
      assert.match(search.body, /We vonden niemand met deze gegevens/);
    });

    it("support staff may look people up but not manage retention", async () => {
      const support = await signIn(t, await setUpStaff(t, "support"));
      const as = (url: string) =>
        t.app.inject({ url, remoteAddress: support.ip, headers: { cookie: support.header } });
      for (const url of ["/admin/datamap", "/admin/retention", "/admin/holds"]) {
        assert.equal((await as(url)).statusCode, 403, url);
      }
      const run = await submitForm(t, support, "/admin/subjects", "/admin/retention/run", {});
      assert.equal(run.statusCode, 403);
      assert.equal((await as("/admin/subjects")).statusCode, 200);
      const dashboard = await as("/admin");
      assert.match(dashboard.body, /href="\/admin\/subjects"/);
      assert.doesNotMatch(dashboard.body, /href="\/admin\/holds"/);
    });
  });
}
