import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { multipart } from "../../../test/helpers/multipart.ts";
import { csrfFrom, type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { applyHardBounces } from "./bounces.ts";
import type { NewsletterDeps } from "./newsletter-deps.ts";
import { grantTopics } from "./subscriber-store.ts";

for (const kind of databaseKinds) {
  describe(`newsletter readers in the back office on ${kind} (issue 8, staff side)`, () => {
    let t: TestApp;
    let policy: Policy;
    let privacy: SignedIn;
    let billing: SignedIn;
    let ann: string;

    const deps = (): NewsletterDeps => ({
      db: t.database.db,
      vault: t.vault,
      clock: t.clock,
      dataMap: createDataMap(() => policy),
      config: { MAIL_FROM: t.config.MAIL_FROM, PUBLIC_URL: t.config.PUBLIC_URL },
      policy: () => policy,
      policyVersion: () => "v-admin-test",
    });
    const reader = async (email: string, name: string, topics: string[]) => {
      const { subjectId } = await t.vault.ensureSubject(t.database.db, { email, name });
      return grantTopics(deps(), {
        subjectId,
        name,
        email,
        locale: "nl",
        ip: "192.0.2.44",
        grants: topics.map((topic) => ({
          topic,
          wording: `Tekst voor ${topic}`,
          source: "form" as const,
          policyVersion: "v-admin-test",
        })),
      });
    };
    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });
    const upload = async (who: SignedIn, csv: string) => {
      const page = await get(who, "/admin/newsletter/import");
      who.jar.take(page.headers["set-cookie"]);
      const body = multipart([
        { name: "_csrf", value: csrfFrom(page.body) },
        { name: "file", filename: "lezers.csv", type: "text/csv", content: Buffer.from(csv) },
      ]);
      return t.app.inject({
        method: "POST",
        url: "/admin/newsletter/import",
        remoteAddress: who.jar.ip,
        headers: { cookie: who.jar.header, ...body.headers },
        payload: body.payload,
      });
    };

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      privacy = await setUpStaff(t, "privacy");
      billing = await setUpStaff(t, "billing");
      ann = await reader("ann@example.be", "Ann <i>Smets</i>", ["news", "tips"]);
      await reader("bert@example.be", "Bert", ["tips"]);
    });
    after(() => t.close());

    it("refuses the readers to a role without newsletter.manage", async () => {
      for (const url of [
        "/admin/newsletter/subscribers",
        `/admin/newsletter/subscribers/${ann}`,
        "/admin/newsletter/import",
      ]) {
        const response = await get(billing, url);
        assert.equal(response.statusCode, 403, url);
        assert.doesNotMatch(response.body, /Smets/);
      }
    });

    it("lists readers with counts per topic, decrypted and escaped, and audits each one shown", async () => {
      const response = await get(privacy, "/admin/newsletter/subscribers");
      assert.equal(response.statusCode, 200, response.body);
      assert.match(response.body, /Ann &lt;i>Smets&lt;\/i>/, "the name is text, not markup");
      assert.match(response.body, /Nieuws over WITS: 1/);
      assert.match(response.body, /Tips en handleidingen: 2/);
      const reads = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log where action = 'subject.read'
            and record_type = 'newsletter.subscriber' and record_id = ${ann}`,
      );
      assert.ok((reads[0]?.n ?? 0) >= 1);
    });

    it("finds a reader by exact e-mail address and filters by topic", async () => {
      const byMail = await get(privacy, "/admin/newsletter/subscribers?email=BERT%40example.be");
      assert.match(byMail.body, /bert@example\.be/);
      assert.doesNotMatch(byMail.body, /ann@example\.be/);
      const byTopic = await get(privacy, "/admin/newsletter/subscribers?topic=news");
      assert.match(byTopic.body, /ann@example\.be/);
      assert.doesNotMatch(byTopic.body, /bert@example\.be/);
    });

    it("shows a reader's consent history with wording, version and IP, and unsubscribes them at their request", async () => {
      const page = `/admin/newsletter/subscribers/${ann}`;
      const shown = await get(privacy, page);
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /Tekst voor news/);
      assert.match(shown.body, /v-admin-test/);
      assert.match(shown.body, /192\.0\.2\.44/);
      const done = await submitForm(t, privacy.jar, page, `${page}/unsubscribe`, {});
      assert.equal(done.statusCode, 303, done.body);
      const consents = await queryRows<{ withdrawn_via: string | null }>(
        t.database.db,
        sql`select withdrawn_via from newsletter_consents where subscriber_id = ${ann}`,
      );
      assert.deepEqual(
        consents.map((row) => row.withdrawn_via),
        ["staff", "staff"],
      );
    });

    it("refuses an import in which a row does not say where the consent was given, and stores nothing", async () => {
      const before = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from newsletter_subscribers`,
      );
      const noColumn = await upload(privacy, "email;name;topics\ncarla@example.be;Carla;news\n");
      assert.equal(noColumn.statusCode, 400);
      assert.match(noColumn.body, /Regel 1: de eerste rij moet minstens de kolommen/);
      const emptySource = await upload(
        privacy,
        "email;name;topics;consent_source\ncarla@example.be;Carla;news;beurs 2026\ndirk@example.be;Dirk;tips;\n",
      );
      assert.equal(emptySource.statusCode, 400);
      assert.match(emptySource.body, /Regel 3: de herkomst van de toestemming/);
      const after = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from newsletter_subscribers`,
      );
      assert.equal(after[0]?.n, before[0]?.n, "all or nothing");
    });

    it("imports readers with the origin of each consent", async () => {
      const response = await upload(
        privacy,
        "email,name,topics,consent_source,consent_date,locale\nelke@example.be,Elke,news|tips,inschrijvingslijst beurs 2026,2026-03-12,fr\n",
      );
      assert.equal(response.statusCode, 200, response.body);
      assert.match(response.body, /1 lezers geïmporteerd/);
      const proof = await queryRows<{ source: string; source_detail: string; wording: string }>(
        t.database.db,
        sql`select c.source, c.source_detail, c.wording from newsletter_consents c
            join newsletter_subscribers s on s.id = c.subscriber_id
            where s.locale = 'fr' order by c.topic`,
      );
      assert.deepEqual(
        proof.map((row) => [row.source, row.source_detail]),
        [
          ["import", "inschrijvingslijst beurs 2026"],
          ["import", "inschrijvingslijst beurs 2026"],
        ],
      );
      assert.match(proof[0]?.wording ?? "", /^Actualités de WITS/);
    });

    it("marks a reader undeliverable after a hard bounce, and not again once they signed up anew", async () => {
      const bounced = await reader("kapot@example.be", "Kapot", ["news"]);
      const mailId = randomUUID();
      const campaignId = randomUUID();
      const now = t.clock.now();
      await t.database.db.execute(sql`
        insert into outbox (id, created_at, purpose, locale, from_address, to_address, subject,
          text_body, status, next_attempt_at, hard_bounce)
        values (${mailId}, ${now}, 'newsletter.campaign', 'nl', 'nieuws@wits.be',
          'kapot@example.be', 'Nieuws', 'tekst', 'failed', ${now}, true)`);
      await t.database.db.execute(sql`
        insert into newsletter_campaigns (id, kind, subject, markdown, topics, status, created_by,
          created_at, updated_at)
        values (${campaignId}, 'newsletter', 'Nieuws', 'tekst', '["news"]'::jsonb, 'sent',
          ${randomUUID()}, ${now}, ${now})`);
      await t.database.db.execute(sql`
        insert into newsletter_deliveries (campaign_id, subscriber_id, outbox_id, queued_at)
        values (${campaignId}, ${bounced}, ${mailId}, ${now})`);
      assert.equal(await applyHardBounces({ db: t.database.db, clock: t.clock }), 1);
      const [row] = await queryRows<{ undeliverable_at: Date | null }>(
        t.database.db,
        sql`select undeliverable_at from newsletter_subscribers where id = ${bounced}`,
      );
      assert.ok(row?.undeliverable_at);
      t.clock.advance(60_000);
      await reader("kapot@example.be", "Kapot", ["tips"]);
      assert.equal(await applyHardBounces({ db: t.database.db, clock: t.clock }), 0);
    });
  });
}
