import assert from "node:assert/strict";
import os from "node:os";
import { after, before, beforeEach, describe, it } from "node:test";
import { inArray, like, sql } from "drizzle-orm";
import { pino } from "pino";
import { stringify } from "yaml";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { type OpenedMail, openedOutbox } from "../../../test/helpers/outbox.ts";
import { openProductTest, type ProductTest } from "../../../test/helpers/product-test.ts";
import { loadConfig } from "../../core/config.ts";
import { queryRows } from "../../core/db/database.ts";
import type { Locale } from "../../core/i18n/index.ts";
import { outbox as outboxTable } from "../../core/mail/outbox.tables.ts";
import { recordRestriction } from "../../datamap/index.ts";
import {
  loadActivePolicy,
  type Policy,
  PolicyStore,
  pendingPolicyNotices,
} from "../../policy/index.ts";
import { createCustomer, endAgreement, startAgreement } from "../customers/index.ts";
import { prepareCampaign, renderCampaign } from "./campaign-render.ts";
import { newsletterCampaignsJob } from "./campaigns.job.ts";
import {
  type CampaignDeps,
  CampaignError,
  campaignContent,
  campaignProgress,
  createCampaign,
  enqueueDueCampaigns,
  noticeCampaignId,
  readCampaign,
  scheduleCampaign,
  sendCampaignNow,
  sendTestMail,
  updateCampaign,
} from "./campaigns.ts";
import type { NewsletterDeps } from "./newsletter-deps.ts";
import { markUndeliverable, unsubscribeAll, updatePreferences } from "./preferences.ts";
import { subscriberLinks } from "./subscriber-links.ts";
import { grantTopics } from "./subscriber-store.ts";

const publicUrl = "https://privacy.example.be";
const minute = 60_000;
const staffId = "00000000-0000-4000-8000-0000000000aa";
const staff = { type: "staff", id: staffId } as const;

/** By address, as `order by to_address` did before the address was sealed (code-unit order). */
const byAddress = <Mail extends OpenedMail>(mails: Mail[]): Mail[] =>
  mails.sort((a, b) => (a.toAddress < b.toAddress ? -1 : a.toAddress > b.toAddress ? 1 : 0));

const { policy } = await loadActivePolicy(undefined);

describe("campaign rendering (one Markdown, a mail per reader)", () => {
  const links = {
    unsubscribe: `${publicUrl}/newsletter/unsubscribe/s1?sig=abc`,
    preferences: `${publicUrl}/newsletter/preferences/s1?sig=abc`,
    oneClick: `${publicUrl}/api/newsletter/unsubscribe/s1?sig=abc`,
  };
  const content = campaignContent({
    kind: "newsletter",
    topics: ["news"],
    subject: "Nieuws voor {{name}}",
    markdown:
      "Dag {{ name }},\n\n<script>alert(1)</script> en **vet** en [site](https://wits.be/?n={{name}})",
    createdBy: staffId,
  });

  it("escapes the name and raw HTML in the HTML part, and keeps the text part plain", () => {
    const mail = renderCampaign(content, policy, { name: "<b>Jan</b>", locale: "nl", links });
    assert.match(mail.html, /Dag &lt;b&gt;Jan&lt;\/b&gt;,/);
    assert.doesNotMatch(mail.html, /<b>Jan<\/b>/);
    assert.match(mail.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(mail.html, /<script>/);
    assert.match(mail.html, /<strong>vet<\/strong>/);
    assert.match(mail.html, /href="https:\/\/wits\.be\/\?n=%3Cb%3EJan%3C%2Fb%3E"/);
    assert.match(mail.html, /<title>Nieuws voor &lt;b&gt;Jan&lt;\/b&gt;<\/title>/);
    assert.match(mail.text, /^Dag <b>Jan<\/b>,/);
    assert.equal(mail.subject, "Nieuws voor <b>Jan</b>");
  });

  it("puts a visible unsubscribe link in both parts and the RFC 8058 headers", () => {
    const mail = renderCampaign(content, policy, { name: "An", locale: "en", links });
    assert.ok(mail.text.includes(`Unsubscribe (one click): ${links.unsubscribe}`), mail.text);
    assert.ok(mail.text.includes(links.preferences));
    assert.match(mail.text, /subscribed to: News about WITS\./);
    assert.ok(mail.html.includes(`<a href="${links.unsubscribe}">Unsubscribe</a>`), mail.html);
    assert.deepEqual(mail.headers, {
      "List-Unsubscribe": `<${links.oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("states why a service notice is sent, with no unsubscribe link or header", () => {
    const notice = campaignContent({
      kind: "service_notice",
      topics: [],
      subject: "Nieuwe voorwaarden",
      markdown: "Onze voorwaarden wijzigen.",
      createdBy: staffId,
    });
    const mail = renderCampaign(notice, policy, { name: "An", locale: "fr", links });
    assert.match(mail.text, /Ceci est un avis de service\./);
    assert.match(mail.html, /Ceci est un avis de service\./);
    assert.ok(!mail.text.includes(links.unsubscribe));
    assert.ok(!mail.html.includes(links.unsubscribe));
    assert.deepEqual(mail.headers, {});
  });

  it("renders the Markdown once per language, not once per reader", () => {
    const render = prepareCampaign(content, policy);
    const first = render({ name: "A", locale: "nl", links });
    const second = render({ name: "B", locale: "nl", links });
    assert.match(first.text, /^Dag A,/);
    assert.match(second.text, /^Dag B,/);
  });
});

for (const kind of databaseKinds) {
  describe(`newsletter campaigns on ${kind} (issue 8, staff side)`, () => {
    let product: ProductTest;

    const newsletterDeps = (): NewsletterDeps => ({
      db: product.database.db,
      vault: product.vault,
      dataMap: product.dataMap,
      clock: product.clock,
      config: { MAIL_FROM: "WITS <nieuws@wits.be>", PUBLIC_URL: publicUrl },
      policy: () => policy,
      policyVersion: () => "test-policy",
    });
    const deps = (): CampaignDeps => newsletterDeps();
    const db = () => product.database.db;

    const subscribe = async (
      name: string,
      email: string,
      topics: string[],
      locale: Locale = "nl",
    ): Promise<{ id: string; subjectId: string; email: string }> => {
      const { subjectId } = await product.vault.ensureSubject(db(), { email, name });
      const id = await grantTopics(newsletterDeps(), {
        subjectId,
        name,
        email,
        locale,
        ip: "198.51.100.7",
        grants: topics.map((topic) => ({
          topic,
          wording: `wording ${topic}`,
          source: "form" as const,
          policyVersion: "test-policy",
        })),
      });
      return { id, subjectId, email };
    };
    const customerOf = async (subjectId: string, name: string) => {
      const customer = await createCustomer(
        { db: db(), vault: product.vault, dataMap: product.dataMap, clock: product.clock },
        { kind: "person", contact: { subjectId, name }, actor: staff },
      );
      const agreementId = await startAgreement(
        { db: db(), vault: product.vault, dataMap: product.dataMap, clock: product.clock },
        {
          customerId: customer.id,
          service: "Beheerd netwerk",
          startsOn: "2026-01-01",
          actor: staff,
        },
      );
      return { customerId: customer.id, agreementId };
    };
    /** The mails whose purpose starts with the prefix, opened, by address. */
    const outbox = async (purposePrefix = "newsletter.") =>
      byAddress(
        await openedOutbox(
          { db: db(), vault: product.vault },
          like(outboxTable.purpose, `${purposePrefix}%`),
        ),
      );
    /** A campaign's mails, opened, each with the reader its delivery row names, by address. */
    const mailsOf = async (campaignId: string) => {
      const deliveries = await queryRows<{ outbox_id: string; subscriber_id: string }>(
        db(),
        sql`select outbox_id::text as outbox_id, subscriber_id::text as subscriber_id
            from newsletter_deliveries where campaign_id = ${campaignId}`,
      );
      if (deliveries.length === 0) return [];
      const reader = new Map(deliveries.map((row) => [row.outbox_id, row.subscriber_id]));
      const mails = await openedOutbox(
        { db: db(), vault: product.vault },
        inArray(outboxTable.id, [...reader.keys()]),
      );
      assert.equal(mails.length, deliveries.length, "every delivery row has its mail");
      return byAddress(mails.map((mail) => ({ ...mail, subscriberId: reader.get(mail.id) ?? "" })));
    };
    const draft = (
      overrides: Partial<Parameters<typeof createCampaign>[1]["draft"]> = {},
    ): Parameters<typeof createCampaign>[1]["draft"] => ({
      kind: "newsletter",
      subject: "Nieuws voor {{name}}",
      markdown: "Dag {{name}},\n\nOns nieuws. <i>geen html</i>",
      topics: ["news"],
      ...overrides,
    });
    const sendNow = async (campaignDraft = draft()) => {
      const campaign = await createCampaign(deps(), { draft: campaignDraft, staffId });
      await sendCampaignNow(deps(), { campaignId: campaign.id, staffId });
      return campaign;
    };
    const emptyOutbox = async () => {
      await db().execute(sql`delete from newsletter_deliveries`);
      await db().execute(sql`delete from outbox`);
    };

    before(async () => {
      product = await openProductTest(kind);
    });
    after(() => product.database.close());
    beforeEach(async () => {
      await emptyOutbox();
      // Each test has its own readers: everyone from before leaves every topic.
      await db().execute(sql`update newsletter_subscribers set topics = '[]'::jsonb,
                             unsubscribed_at = coalesce(unsubscribed_at, now())`);
      await db().execute(sql`update agreements set status = 'ended'`);
      await db().execute(sql`update newsletter_campaigns set status = 'sent'`);
    });

    it("sends a topic's campaign only to its readers who can be mailed, each with their own link and name", async () => {
      const a = await subscribe("<b>Jan</b>", "jan@example.be", ["news"]);
      const ab = await subscribe("Marie", "marie@example.be", ["news", "tips"], "fr");
      await subscribe("Piet", "piet@example.be", ["tips"]);
      const bounced = await subscribe("Bounce", "bounce@example.be", ["news"]);
      await markUndeliverable(newsletterDeps(), [bounced.id]);
      const objected = await subscribe("Object", "object@example.be", ["news"]);
      await recordRestriction(db(), product.clock, {
        subjectId: objected.subjectId,
        kind: "objection",
        purpose: "newsletter",
        actor: { type: "subject", id: objected.subjectId },
      });
      const restricted = await subscribe("Restricted", "restricted@example.be", ["news"]);
      await recordRestriction(db(), product.clock, {
        subjectId: restricted.subjectId,
        kind: "restriction",
        actor: { type: "subject", id: restricted.subjectId },
      });
      const gone = await subscribe("Gone", "gone@example.be", ["news"]);
      await unsubscribeAll(newsletterDeps(), { subscriberId: gone.id, via: "unsubscribe_link" });

      const campaign = await sendNow();
      const summary = await enqueueDueCampaigns(deps());
      assert.equal(summary.started, 1);
      assert.equal(summary.queued, 2);
      assert.equal(summary.finished, 1);

      const mails = await mailsOf(campaign.id);
      assert.deepEqual(
        mails.map((mail) => mail.toAddress),
        ["jan@example.be", "marie@example.be"],
        "a campaign about news reaches only news readers who can be mailed",
      );
      for (const mail of mails) {
        const links = subscriberLinks(product.vault, publicUrl, mail.subscriberId);
        assert.equal(mail.purpose, "newsletter.campaign");
        assert.equal(mail.status, "queued");
        assert.ok(mail.textBody.includes(links.unsubscribe), "the text part links its reader out");
        assert.ok(mail.htmlBody?.includes(`href="${links.unsubscribe}"`), "and so does the HTML");
        assert.equal(mail.headers["List-Unsubscribe"], `<${links.oneClick}>`);
        assert.equal(mail.headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
        assert.doesNotMatch(mail.htmlBody ?? "", /<i>geen html<\/i>/);
        assert.match(mail.htmlBody ?? "", /&lt;i&gt;geen html&lt;\/i&gt;/);
      }
      const [jan, marie] = mails;
      assert.equal(jan?.subscriberId, a.id);
      assert.equal(marie?.subscriberId, ab.id);
      // Each mail is sealed under its reader's "newsletter" key; the row names no one.
      assert.equal(jan?.vaultPurpose, "newsletter");
      assert.equal(jan?.subjectId, a.subjectId);
      assert.equal(marie?.vaultPurpose, "newsletter");
      assert.equal(marie?.subjectId, ab.subjectId);
      const plain = await queryRows<{
        to_address: string | null;
        subject: string | null;
        text_body: string | null;
        html_body: string | null;
        headers: Record<string, string>;
        sealed_content: string | null;
        dump: string;
      }>(
        db(),
        sql`select to_address, subject, text_body, html_body, headers, sealed_content,
                   row_to_json(o)::text as dump
            from outbox o where id in (${jan?.id ?? null}, ${marie?.id ?? null})`,
      );
      assert.equal(plain.length, 2);
      for (const row of plain) {
        assert.ok(row.sealed_content, "the content is sealed");
        assert.equal(row.to_address, null);
        assert.equal(row.subject, null);
        assert.equal(row.text_body, null);
        assert.equal(row.html_body, null);
        assert.deepEqual(row.headers, {});
        assert.doesNotMatch(row.dump, /jan@|marie@|Jan|Marie|unsubscribe/);
      }
      assert.match(jan?.htmlBody ?? "", /Dag &lt;b&gt;Jan&lt;\/b&gt;,/);
      assert.doesNotMatch(jan?.htmlBody ?? "", /<b>Jan<\/b>/);
      assert.equal(jan?.subject, "Nieuws voor <b>Jan</b>");
      assert.match(jan?.textBody ?? "", /Uitschrijven \(één klik\)/);
      assert.equal(marie?.locale, "fr");
      assert.match(marie?.textBody ?? "", /Se désinscrire \(un clic\)/);
      assert.match(marie?.textBody ?? "", /inscrit à : Actualités de WITS\./);
      assert.equal(marie?.headers["List-Unsubscribe"]?.includes(ab.id), true);

      const stored = await readCampaign(db(), campaign.id);
      assert.equal(stored?.status, "sent");
      assert.ok(stored?.startedAt && stored.finishedAt);
    });

    it("does not queue twice when the job runs again or restarts in the middle", async () => {
      for (let i = 0; i < 5; i++) await subscribe(`Lezer ${i}`, `lezer${i}@example.be`, ["tips"]);
      const campaign = await sendNow(draft({ topics: ["tips"] }));
      // A shutdown after the first batch of two: the campaign stays "sending".
      let checks = 0;
      const stopping = {
        get aborted() {
          checks += 1;
          return checks > 2;
        },
      } as AbortSignal;
      const first = await enqueueDueCampaigns(deps(), { signal: stopping, batchSize: 2 });
      assert.equal(first.queued, 2);
      assert.equal((await readCampaign(db(), campaign.id))?.status, "sending");

      const second = await enqueueDueCampaigns(deps(), { batchSize: 2 });
      assert.equal(second.queued, 3);
      assert.equal(second.finished, 1);
      const third = await enqueueDueCampaigns(deps());
      assert.deepEqual(third, { started: 0, queued: 0, finished: 0, notices: 0 });

      const mails = await mailsOf(campaign.id);
      assert.equal(mails.length, 5);
      assert.equal(new Set(mails.map((mail) => mail.toAddress)).size, 5);
      assert.equal((await outbox()).length, 5);
      assert.equal((await campaignProgress(db(), campaign.id)).recipients, 5);
    });

    it("queues each reader once when two processes run the job at the same time", async () => {
      for (let i = 0; i < 6; i++) await subscribe(`Twee ${i}`, `twee${i}@example.be`, ["tips"]);
      const campaign = await sendNow(draft({ topics: ["tips"] }));
      const runs = await Promise.all([
        enqueueDueCampaigns(deps(), { batchSize: 2 }),
        enqueueDueCampaigns(deps(), { batchSize: 2 }),
      ]);
      // Whoever did not finish it leaves the rest to the next minute; nothing is queued twice.
      await enqueueDueCampaigns(deps(), { batchSize: 2 });
      assert.ok(runs.every((run) => run.queued <= 6));
      const mails = await mailsOf(campaign.id);
      assert.equal(mails.length, 6);
      assert.equal(new Set(mails.map((mail) => mail.subscriberId)).size, 6);
      assert.equal((await outbox()).length, 6, "no mail without its delivery row");
      assert.equal((await readCampaign(db(), campaign.id))?.status, "sent");
    });

    it("runs as the newsletter.campaigns job with the job's context", async () => {
      await subscribe("Job", "job@example.be", ["news"]);
      const campaign = await sendNow();
      const job = newsletterCampaignsJob(() => ({ vault: product.vault, policy: () => policy }));
      assert.equal(job.name, "newsletter.campaigns");
      const summary = await job.run({
        db: db(),
        clock: product.clock,
        log: pino({ level: "silent" }),
        config: loadConfig({ DATA_DIR: os.tmpdir(), PUBLIC_URL: publicUrl }),
        signal: new AbortController().signal,
      });
      assert.deepEqual(summary, { started: 1, queued: 1, finished: 1, notices: 0 });
      const [mail] = await mailsOf(campaign.id);
      assert.ok(
        mail?.headers["List-Unsubscribe"]?.startsWith(`<${publicUrl}/api/newsletter/unsubscribe/`),
      );
    });

    it("starts a scheduled campaign at its time, not before", async () => {
      await subscribe("Later", "later@example.be", ["news"]);
      const campaign = await createCampaign(deps(), { draft: draft(), staffId });
      await scheduleCampaign(deps(), {
        campaignId: campaign.id,
        staffId,
        at: new Date(product.clock.now().getTime() + 10 * minute),
      });
      assert.equal((await enqueueDueCampaigns(deps())).queued, 0);
      assert.equal((await readCampaign(db(), campaign.id))?.status, "scheduled");
      product.clock.advance(10 * minute);
      const run = await enqueueDueCampaigns(deps());
      assert.equal(run.started, 1);
      assert.equal(run.queued, 1);
    });

    it("cancels a queued mail when its reader unsubscribes, and counts them as unsubscribed afterwards", async () => {
      const leaver = await subscribe("Leaver", "leaver@example.be", ["news"]);
      const switcher = await subscribe("Switcher", "switcher@example.be", ["news", "tips"]);
      const stayer = await subscribe("Stayer", "stayer@example.be", ["news"]);
      const campaign = await sendNow();
      await enqueueDueCampaigns(deps());
      product.clock.advance(minute);
      await unsubscribeAll(newsletterDeps(), { subscriberId: leaver.id, via: "one_click" });
      await updatePreferences(newsletterDeps(), {
        subscriberId: switcher.id,
        name: "Switcher",
        topics: ["tips"],
        ip: "198.51.100.8",
      });
      const mails = await mailsOf(campaign.id);
      const status = new Map(mails.map((mail) => [mail.subscriberId, mail.status]));
      assert.equal(status.get(leaver.id), "cancelled");
      assert.equal(status.get(switcher.id), "cancelled", "withdrew the campaign's only topic");
      assert.equal(status.get(stayer.id), "queued");
      const progress = await campaignProgress(db(), campaign.id);
      assert.equal(progress.recipients, 3);
      assert.equal(progress.queued, 1);
      assert.equal(progress.cancelled, 2);
      assert.equal(progress.unsubscribedAfterwards, 2);
      assert.equal(progress.sent, 0);
    });

    it("sends a service notice to customers with a running service only, even after they unsubscribed", async () => {
      const customer = await subscribe("Klant", "klant@example.be", ["news"]);
      await customerOf(customer.subjectId, "Klant");
      await unsubscribeAll(newsletterDeps(), {
        subscriberId: customer.id,
        via: "unsubscribe_link",
      });
      const reader = await subscribe("Lezer", "lezer@example.be", ["news"]);
      const former = await subscribe("Oud", "oud@example.be", ["tips"]);
      const ended = await customerOf(former.subjectId, "Oud");
      await endAgreement(
        { db: db(), vault: product.vault, dataMap: product.dataMap, clock: product.clock },
        { agreementId: ended.agreementId, actor: staff },
      );
      const topicsCustomer = await subscribe("Klant2", "klant2@example.be", ["tips"], "en");
      await customerOf(topicsCustomer.subjectId, "Klant2");

      await assert.rejects(
        createCampaign(deps(), { draft: draft({ kind: "service_notice" }), staffId }),
        (error: unknown) => error instanceof CampaignError && error.problem === "notice_topics",
      );
      const campaign = await sendNow(
        draft({ kind: "service_notice", subject: "Nieuwe voorwaarden", topics: [] }),
      );
      await enqueueDueCampaigns(deps());
      const mails = await mailsOf(campaign.id);
      assert.deepEqual(
        mails.map((mail) => mail.toAddress),
        ["klant2@example.be", "klant@example.be"],
      );
      assert.ok(!mails.some((mail) => mail.subscriberId === reader.id));
      for (const mail of mails) {
        assert.equal(mail.purpose, "newsletter.service_notice");
        assert.deepEqual(mail.headers, {});
        assert.doesNotMatch(mail.textBody, /newsletter\/unsubscribe/);
      }
      assert.match(mails[1]?.textBody ?? "", /Dit is een dienstmededeling\./);
      assert.match(mails[0]?.textBody ?? "", /This is a service notice\./);

      // An unsubscribe cancels newsletters, not a service notice.
      await unsubscribeAll(newsletterDeps(), {
        subscriberId: topicsCustomer.id,
        via: "unsubscribe_link",
      });
      const after = await mailsOf(campaign.id);
      assert.ok(after.every((mail) => mail.status === "queued"));
    });

    it("sends a pending policy notice once, in each customer's language, and marks it sent", async () => {
      const nl = await subscribe("Klant NL", "klant-nl@example.be", ["news"]);
      await customerOf(nl.subjectId, "Klant NL");
      const en = await subscribe("Customer EN", "customer-en@example.be", [], "en");
      await customerOf(en.subjectId, "Customer EN");
      await subscribe("Alleen lezer", "lezer-policy@example.be", ["news"]);

      const changed: Policy = structuredClone(policy);
      changed.version = {
        changelog: "Verwerkers bijgewerkt.",
        effectiveDate: "2026-12-01",
        notify: true,
      };
      await PolicyStore.open(db(), {
        clock: product.clock,
        policy: changed,
        source: stringify(changed),
        publicUrl,
      });
      const [notice] = await pendingPolicyNotices(db());
      assert.ok(notice, "the policy module queued a notice");

      const run = await enqueueDueCampaigns(deps());
      assert.equal(run.notices, 1);
      assert.equal(run.queued, 2);
      assert.deepEqual(await pendingPolicyNotices(db()), []);
      const mails = await mailsOf(noticeCampaignId(notice.contentHash));
      assert.deepEqual(
        mails.map((mail) => [mail.toAddress, mail.locale, mail.subject]),
        [
          ["customer-en@example.be", "en", notice.subject.en],
          ["klant-nl@example.be", "nl", notice.subject.nl],
        ],
      );
      assert.ok(mails[0]?.textBody.includes("Verwerkers bijgewerkt."));
      assert.match(mails[1]?.htmlBody ?? "", /<a href="https:\/\/privacy\.example\.be\/privacy">/);
      const campaign = await readCampaign(db(), noticeCampaignId(notice.contentHash));
      assert.equal(campaign?.kind, "service_notice");
      assert.equal(campaign?.status, "sent");

      const again = await enqueueDueCampaigns(deps());
      assert.equal(again.queued, 0);
      assert.equal((await mailsOf(noticeCampaignId(notice.contentHash))).length, 2);
    });

    it("changes drafts only, refuses a newsletter without topics or with an unknown placeholder, and audits without personal data", async () => {
      await assert.rejects(
        createCampaign(deps(), { draft: draft({ markdown: "Dag {{voornaam}}" }), staffId }),
        (error: unknown) =>
          error instanceof CampaignError && error.problem === "unknown_placeholder",
      );
      await assert.rejects(
        createCampaign(deps(), { draft: draft({ topics: ["nope"] }), staffId }),
        (error: unknown) => error instanceof CampaignError && error.problem === "unknown_topic",
      );
      const empty = await createCampaign(deps(), { draft: draft({ topics: [] }), staffId });
      await assert.rejects(
        sendCampaignNow(deps(), { campaignId: empty.id, staffId }),
        (error: unknown) => error instanceof CampaignError && error.problem === "no_topics",
      );
      const campaign = await createCampaign(deps(), { draft: draft(), staffId });
      const updated = await updateCampaign(deps(), {
        campaignId: campaign.id,
        draft: draft({ subject: "Ander onderwerp" }),
        staffId,
      });
      assert.equal(updated.subject, "Ander onderwerp");
      await sendTestMail(deps(), {
        campaignId: campaign.id,
        staffId,
        to: "medewerker@wits.be",
        name: "Medewerker",
        locale: "nl",
      });
      await sendCampaignNow(deps(), { campaignId: campaign.id, staffId });
      await assert.rejects(
        updateCampaign(deps(), { campaignId: campaign.id, draft: draft(), staffId }),
        (error: unknown) => error instanceof CampaignError && error.problem === "not_draft",
      );
      const [test] = await outbox("newsletter.test");
      assert.equal(test?.toAddress, "medewerker@wits.be");
      assert.equal(test?.subject, "[TEST] Ander onderwerp");
      assert.match(test?.textBody ?? "", /^Dag Medewerker,/);

      const entries = await queryRows<{ action: string; details: unknown }>(
        db(),
        sql`select action, details from audit_log
            where record_id = ${campaign.id} order by seq`,
      );
      assert.deepEqual(
        entries.map((entry) => entry.action),
        [
          "newsletter.campaign_created",
          "newsletter.campaign_updated",
          "newsletter.campaign_test_sent",
          "newsletter.campaign_scheduled",
        ],
      );
      assert.doesNotMatch(JSON.stringify(entries), /medewerker@|Medewerker/);
    });

    it("queues nothing for a reader whose data was erased", async () => {
      const erased = await subscribe("Erased", "erased@example.be", ["news"]);
      const kept = await subscribe("Kept", "kept@example.be", ["news"]);
      await product.vault.shred(db(), {
        subjectId: erased.subjectId,
        purpose: "newsletter",
        reason: "rights.erasure",
      });
      const campaign = await sendNow();
      const run = await enqueueDueCampaigns(deps());
      assert.equal(run.queued, 1);
      const mails = await mailsOf(campaign.id);
      assert.deepEqual(
        mails.map((mail) => mail.subscriberId),
        [kept.id],
      );
      assert.equal((await readCampaign(db(), campaign.id))?.status, "sent");
    });
  });
}
