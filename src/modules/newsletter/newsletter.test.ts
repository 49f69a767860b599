import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, inArray, sql } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf, openedOutbox } from "../../../test/helpers/outbox.ts";
import { openProductTest } from "../../../test/helpers/product-test.ts";
import type { FakeClock } from "../../core/clock.ts";
import { type Database, queryRows } from "../../core/db/database.ts";
import { outbox } from "../../core/mail/outbox.tables.ts";
import { type DataMap, sweepRetention } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import { createCustomer, endAgreement, startAgreement } from "../customers/index.ts";
import type { NewsletterDeps } from "./newsletter-deps.ts";
import { unsubscribeAll, unsubscribeSubject, updatePreferences } from "./preferences.ts";
import { readSubscriber } from "./subscriber-store.ts";
import {
  confirmSubscription,
  NoTopicChosenError,
  requestSubscription,
  type SubscriptionRequest,
} from "./subscription.ts";

const day = 24 * 60 * 60 * 1000;
const staff = { type: "staff", id: "00000000-0000-4000-8000-0000000000cc" } as const;

for (const kind of databaseKinds) {
  describe(`newsletter subscriptions on ${kind} (statement: "Voor nieuwsbrieven")`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    let policy: Policy;

    before(async () => {
      ({ database, vault, clock, dataMap } = await openProductTest(kind));
      ({ policy } = await loadActivePolicy(undefined));
    });
    after(() => database.close());

    const deps = (): NewsletterDeps => ({
      db: database.db,
      vault,
      dataMap,
      clock,
      config: { MAIL_FROM: "nieuws@wits.be", PUBLIC_URL: "https://privacy.example.be" },
      policy: () => policy,
      policyVersion: () => "v-test-hash",
    });
    const signUp = (overrides: Partial<SubscriptionRequest> = {}): SubscriptionRequest => ({
      name: "Lotte",
      email: "lotte@example.be",
      topics: ["news"],
      locale: "nl",
      ip: "203.0.113.9",
      source: "form",
      ...overrides,
    });
    /** Signs up and clicks the link the mail carries, as the person would. */
    const subscribe = async (overrides: Partial<SubscriptionRequest> = {}) => {
      const request = signUp(overrides);
      await requestSubscription(deps(), request);
      // The mail is read once and removed, so the next sign-up's is the only one.
      const mails = (await mailsOf({ db: database.db, vault }, "newsletter.confirm")).filter(
        (one) => one.toAddress.toLowerCase() === request.email.toLowerCase(),
      );
      assert.equal(mails.length, 1, `one confirmation mail to ${request.email}`);
      await database.db.delete(outbox).where(
        inArray(
          outbox.id,
          mails.map((one) => one.id),
        ),
      );
      const token = /token=([\w-]+)/.exec(mails[0]?.textBody ?? "")?.[1] ?? "";
      const outcome = await confirmSubscription(deps(), { token, ip: "198.51.100.4" });
      assert.equal(outcome.status, "confirmed");
      return outcome.status === "confirmed" ? outcome.subscriberId : "";
    };
    const subscriberRow = (id: string) =>
      queryRows<{ retain_until: Date | string | null; code: string; topics: string[] }>(
        database.db,
        sql`select retain_until, retention_reason->>'code' as code, topics
            from newsletter_subscribers where id = ${id}`,
      ).then((rows) => rows[0]);

    it("keeps an unconfirmed sign-up 7 days, sends nothing but the confirmation, and refuses an expired link", async () => {
      clock.set("2026-03-01T08:00:00Z");
      await requestSubscription(deps(), signUp({ email: "traag@example.be" }));
      const mails = (await openedOutbox({ db: database.db, vault })).filter(
        (one) => one.toAddress === "traag@example.be",
      );
      assert.equal(mails.length, 1, "only the confirmation is sent");
      const [mail] = mails;
      assert.ok(mail);
      assert.equal(mail.purpose, "newsletter.confirm");
      assert.match(mail.textBody, /Nieuws over WITS/);
      // Sealed under the person's "newsletter" key: the row itself names no one.
      const [signup] = await queryRows<{ subject_id: string }>(
        database.db,
        sql`select subject_id::text as subject_id from newsletter_signups`,
      );
      assert.ok(signup);
      assert.equal(mail.vaultPurpose, "newsletter");
      assert.equal(mail.subjectId, signup.subject_id);
      const [row] = await database.db.select().from(outbox).where(eq(outbox.id, mail.id));
      assert.ok(row?.sealedContent, "the content is sealed");
      assert.equal(row.toAddress, null);
      assert.equal(row.subject, null);
      assert.equal(row.textBody, null);
      assert.equal(row.htmlBody, null);
      assert.deepEqual(row.headers, {});
      assert.deepEqual(row.attachments, []);
      assert.doesNotMatch(JSON.stringify(row), /traag|Lotte|token=/);
      const token = /token=([\w-]+)/.exec(mail.textBody)?.[1] ?? "";
      clock.advance(8 * day);
      assert.deepEqual(await confirmSubscription(deps(), { token, ip: "203.0.113.9" }), {
        status: "expired",
      });
      await sweepRetention(deps());
      const left = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from newsletter_signups`,
      );
      assert.equal(left[0]?.n, 0, "unconfirmed sign-ups are deleted after 7 days");
    });

    it("refuses a sign-up without a topic the policy offers", async () => {
      await assert.rejects(
        requestSubscription(deps(), signUp({ topics: ["gokken"] })),
        NoTopicChosenError,
      );
    });

    it("keeps proof of consent per topic: when, from which form and policy version, the IP, and the wording shown", async () => {
      clock.set("2026-03-10T08:00:00Z");
      const id = await subscribe({ email: "bewijs@example.be", topics: ["news", "tips"] });
      const proof = await queryRows<{
        topic: string;
        source: string;
        policy_version: string;
        wording: string;
        ip_ciphertext: string | null;
        requested_at: Date | string | null;
      }>(
        database.db,
        sql`select topic, source, policy_version, wording, ip_ciphertext, requested_at
            from newsletter_consents where subscriber_id = ${id} order by topic`,
      );
      assert.deepEqual(
        proof.map((row) => [row.topic, row.source, row.policy_version]),
        [
          ["news", "form", "v-test-hash"],
          ["tips", "form", "v-test-hash"],
        ],
      );
      assert.match(proof[0]?.wording ?? "", /^Nieuws over WITS: /);
      assert.match(proof[0]?.ip_ciphertext ?? "", /^v2\./, "the IP address is kept, encrypted");
      assert.ok(proof[0]?.requested_at, "when the form was sent, apart from the confirmation");
    });

    it("a second confirmed sign-up adds topics to the same subscriber, without repeating a live consent", async () => {
      const first = await subscribe({ email: "twee@example.be", topics: ["news"] });
      const second = await subscribe({ email: "TWEE@example.be", topics: ["news", "tips"] });
      assert.equal(first, second);
      const consents = await queryRows<{ topic: string }>(
        database.db,
        sql`select topic from newsletter_consents where subscriber_id = ${first} order by topic`,
      );
      assert.deepEqual(
        consents.map((row) => row.topic),
        ["news", "tips"],
      );
    });

    it("deletes a non-customer 6 months after unsubscribing from every topic", async () => {
      clock.set("2026-04-01T08:00:00Z");
      const id = await subscribe({ email: "weg@example.be" });
      assert.equal((await subscriberRow(id))?.retain_until, null, "kept while subscribed");
      clock.set("2026-05-01T08:00:00Z");
      await unsubscribeAll(deps(), { subscriberId: id, via: "unsubscribe_link" });
      assert.equal(
        new Date((await subscriberRow(id))?.retain_until ?? 0).toISOString(),
        "2026-11-01T08:00:00.000Z",
      );
      clock.set("2026-10-31T08:00:00Z");
      await sweepRetention(deps());
      assert.ok(await subscriberRow(id));
      clock.set("2026-11-02T08:00:00Z");
      await sweepRetention(deps());
      assert.equal(await subscriberRow(id), undefined);
      const consents = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from newsletter_consents where subscriber_id = ${id}`,
      );
      assert.equal(consents[0]?.n, 0, "the proof goes with it");
    });

    it("keeps a customer with a running service who unsubscribed, and starts the 6 months when the last agreement ends", async () => {
      clock.set("2026-01-05T08:00:00Z");
      const id = await subscribe({ email: "klant@example.be" });
      const subscriber = await readSubscriber(deps(), { id });
      const customer = await createCustomer(deps(), {
        kind: "person",
        contact: { subjectId: subscriber?.subjectId ?? "", name: "Lotte" },
        actor: staff,
      });
      const agreementId = await startAgreement(deps(), {
        customerId: customer.id,
        service: "Onderhoud",
        startsOn: "2026-01-05",
        actor: staff,
      });
      clock.set("2026-02-01T08:00:00Z");
      await unsubscribeAll(deps(), { subscriberId: id, via: "one_click" });
      const kept = await subscriberRow(id);
      assert.equal(kept?.retain_until, null);
      assert.equal(kept?.code, "while_condition");
      assert.deepEqual(kept?.topics, [], "only service notices from now on");
      clock.set("2027-06-01T08:00:00Z");
      await sweepRetention(deps());
      assert.ok(await subscriberRow(id), "a customer is kept while the service runs");
      await endAgreement(deps(), { agreementId, actor: staff });
      assert.equal(
        new Date((await subscriberRow(id))?.retain_until ?? 0).toISOString(),
        "2027-12-01T08:00:00.000Z",
        "6 months from the end of the last agreement",
      );
    });

    it("a reader who unsubscribed and subscribes again starts afresh: the old clock no longer applies", async () => {
      clock.set("2026-03-01T08:00:00Z");
      const id = await subscribe({ email: "terug@example.be" });
      await unsubscribeAll(deps(), { subscriberId: id, via: "unsubscribe_link" });
      clock.set("2026-06-01T08:00:00Z");
      const again = await subscribe({ email: "terug@example.be", topics: ["tips"] });
      assert.equal(again, id);
      const row = await subscriberRow(id);
      assert.equal(row?.retain_until, null);
      assert.deepEqual(row?.topics, ["tips"]);
      clock.set("2027-01-01T08:00:00Z");
      await sweepRetention(deps());
      assert.ok(await subscriberRow(id), "subscribed again: kept");
    });

    it("changes topics and name in the preference centre, with the withdrawal recorded", async () => {
      const id = await subscribe({ email: "voorkeur@example.be", topics: ["news", "tips"] });
      const changed = await updatePreferences(deps(), {
        subscriberId: id,
        name: "Lotje",
        topics: ["tips", "service_notices"],
        ip: "203.0.113.10",
      });
      assert.deepEqual(changed, { added: ["service_notices"], removed: ["news"] });
      const after = await readSubscriber(deps(), { id });
      assert.equal(after?.name, "Lotje");
      assert.deepEqual(after?.topics, ["tips", "service_notices"]);
      const news = await queryRows<{ withdrawn_via: string | null }>(
        database.db,
        sql`select withdrawn_via from newsletter_consents where subscriber_id = ${id} and topic = 'news'`,
      );
      assert.equal(news[0]?.withdrawn_via, "preference_centre");
    });

    it("a reader who unsubscribed and only changes their name keeps the 6-month clock", async () => {
      clock.set("2026-03-01T08:00:00Z");
      const id = await subscribe({ email: "hernoemd@example.be" });
      await unsubscribeAll(deps(), { subscriberId: id, via: "unsubscribe_link" });
      const due = (await subscriberRow(id))?.retain_until;
      assert.ok(due);
      await updatePreferences(deps(), {
        subscriberId: id,
        name: "Nieuwe naam",
        topics: [],
        ip: "192.0.2.9",
      });
      const after = await readSubscriber(deps(), { id });
      assert.equal(after?.name, "Nieuwe naam");
      assert.ok(after?.unsubscribedAt, "still unsubscribed");
      assert.equal(
        new Date((await subscriberRow(id))?.retain_until ?? 0).toISOString(),
        new Date(due).toISOString(),
      );
    });

    it("unsubscribes from every topic when consent is withdrawn through a rights request", async () => {
      const id = await subscribe({ email: "intrekken@example.be", topics: ["news", "tips"] });
      const subscriber = await readSubscriber(deps(), { id });
      assert.equal(
        await unsubscribeSubject(deps(), {
          subjectId: subscriber?.subjectId ?? "",
          via: "rights_request",
          actor: staff,
        }),
        true,
      );
      const after = await readSubscriber(deps(), { id });
      assert.deepEqual(after?.topics, []);
      assert.ok(after?.unsubscribedAt);
    });
  });
}
