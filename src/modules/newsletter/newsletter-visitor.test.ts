import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf, openedOutbox } from "../../../test/helpers/outbox.ts";
import { type SmtpSink, startSmtpSink } from "../../../test/helpers/smtp-sink.ts";
import { CookieJar, csrfFrom } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import { deliverMail, smtpTransport } from "../../core/mail/index.ts";

const day = 24 * 60 * 60 * 1000;
const form = { "content-type": "application/x-www-form-urlencoded" };

/** A urlencoded body as a browser sends it: one `topics` pair per ticked box. */
function formBody(fields: Record<string, string | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === "string" ? [value] : value) params.append(name, item);
  }
  return params.toString();
}

/** What a person reads on a page: the text of <main>, without markup or hidden tokens. */
function pageText(html: string): string {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html;
  return main
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const htmlDecoded = (href: string) => href.replaceAll("&amp;", "&");

let nextIp = 1;
const freshIp = () => `203.0.113.${nextIp++}`;

for (const kind of databaseKinds) {
  describe(`the newsletter's visitor side on ${kind} (statement: "Voor nieuwsbrieven")`, () => {
    let t: TestApp;
    let sink: SmtpSink;

    before(async () => {
      t = await createTestApp(kind, {
        env: {
          CONTACT_CORS_ORIGINS: "https://www.wits.be",
          PUBLIC_URL: "https://privacy.wits.be",
        },
      });
      sink = await startSmtpSink();
    });
    after(async () => {
      await sink.close();
      await t.close();
    });

    const count = async (table: "newsletter_signups" | "newsletter_subscribers") => {
      const [row] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      );
      return row?.n ?? -1;
    };
    const stored = async () => ({
      signups: await count("newsletter_signups"),
      subscribers: await count("newsletter_subscribers"),
    });

    /** Opens /newsletter as a browser, waits like a person, then sends the form. */
    const signUp = async (
      fields: Record<string, string | readonly string[]>,
      options: { language?: string; waitMs?: number; ip?: string } = {},
    ) => {
      const jar = new CookieJar();
      const ip = options.ip ?? freshIp();
      const language = { "accept-language": options.language ?? "nl" };
      const page = await t.app.inject({ url: "/newsletter", remoteAddress: ip, headers: language });
      assert.equal(page.statusCode, 200);
      jar.take(page.headers["set-cookie"]);
      const rendered = /name="rendered" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(rendered, "the form carries its signed render time");
      t.clock.advance(options.waitMs ?? 5_000);
      return t.app.inject({
        method: "POST",
        url: "/newsletter",
        remoteAddress: ip,
        headers: { ...language, ...form, cookie: jar.header },
        payload: formBody({
          _csrf: csrfFrom(page.body),
          rendered,
          website: "",
          ...fields,
        }),
      });
    };

    /** GETs a page, then posts its form back with its token and cookie, as a browser does. */
    const postFrom = async (
      page: LightMyRequestResponse,
      action: string,
      fields: Record<string, string | readonly string[]>,
      ip: string,
      headers: Record<string, string> = {},
    ) => {
      const jar = new CookieJar();
      jar.take(page.headers["set-cookie"]);
      return t.app.inject({
        method: "POST",
        url: action,
        remoteAddress: ip,
        headers: { ...headers, ...form, cookie: jar.header },
        payload: formBody({ _csrf: csrfFrom(page.body), ...fields }),
      });
    };

    /** The confirmation link as the queued mail has it (the SMTP path is tested on its own). */
    const queuedToken = async (email: string) => {
      // Oldest first: the last one is the newest.
      const mail = (await mailsOf(t, "newsletter.confirm", email)).at(-1);
      const token = /\/newsletter\/confirm\?token=([\w-]+)/.exec(mail?.textBody ?? "")?.[1];
      assert.ok(token, `a confirmation mail to ${email} is queued`);
      return token;
    };

    /** Confirms as a person does: GET the link's page, press its button. */
    const confirm = async (token: string, ip = freshIp()) => {
      const page = await t.app.inject({ url: `/newsletter/confirm?token=${token}` });
      assert.equal(page.statusCode, 200);
      return postFrom(page, "/newsletter/confirm", { token }, ip);
    };

    /** A confirmed reader, made through the API and the confirmation page. */
    const subscriber = async (email: string, topics: string[], name = "Lien") => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/newsletter/subscribe",
        remoteAddress: freshIp(),
        payload: { name, email, topics },
      });
      assert.equal(response.statusCode, 202, response.body);
      const confirmed = await confirm(await queuedToken(email));
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const href = /href="(\/newsletter\/preferences\/[0-9a-f-]{36}\?sig=[^"&]+)"/.exec(
        confirmed.body,
      )?.[1];
      assert.ok(href, "the confirmation page links to the preference centre");
      const preferences = htmlDecoded(href);
      const id = /preferences\/([0-9a-f-]{36})\?/.exec(preferences)?.[1];
      assert.ok(id);
      return {
        id,
        preferences,
        unsubscribe: preferences.replace("/preferences/", "/unsubscribe/"),
        // The List-Unsubscribe header's URL: an API route, posted by mail providers' servers.
        oneClick: preferences.replace("/newsletter/preferences/", "/api/newsletter/unsubscribe/"),
      };
    };

    const subscriberRow = async (id: string) => {
      const [row] = await queryRows<{
        subject_id: string;
        period_id: string;
        topics: string[];
        unsubscribed_at: Date | null;
        retain_until: Date | null;
        name_ciphertext: string;
      }>(
        t.database.db,
        sql`select subject_id, period_id, topics, unsubscribed_at, retain_until, name_ciphertext
            from newsletter_subscribers where id = ${id}`,
      );
      assert.ok(row, `subscriber ${id} exists`);
      return row;
    };

    const consentsOf = (id: string) =>
      queryRows<{
        id: string;
        topic: string;
        source: string;
        wording: string;
        policy_version: string;
        ip_ciphertext: string | null;
        requested_at: Date | null;
        withdrawn_at: Date | null;
        withdrawn_via: string | null;
      }>(
        t.database.db,
        sql`select id, topic, source, wording, policy_version, ip_ciphertext, requested_at,
                   withdrawn_at, withdrawn_via
            from newsletter_consents where subscriber_id = ${id} order by given_at, topic`,
      );

    it("we collect your name or nickname, e-mail and IP address, per topic: the form asks exactly that, one unticked box per policy topic, and says what is kept and how long", async () => {
      const page = await t.app.inject({ url: "/newsletter" });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<label for="newsletter-name">Naam of bijnaam/);
      assert.match(page.body, /<label for="newsletter-email">E-mailadres/);
      assert.match(page.body, /<fieldset class="topic-choices"[^>]*><legend>Onderwerpen<\/legend>/);
      for (const topic of ["news", "tips", "service_notices"]) {
        assert.match(
          page.body,
          new RegExp(
            `<label for="newsletter-topic-${topic}"><input id="newsletter-topic-${topic}" type="checkbox" name="topics" value="${topic}" aria-describedby="newsletter-topic-${topic}-description"/>`,
          ),
          `${topic} has its own box, not ticked`,
        );
      }
      assert.doesNotMatch(page.body, /checked/);
      assert.match(page.body, /Nieuws over WITS/);
      assert.match(page.body, /Nieuwe diensten en producten van WITS\./);
      assert.match(page.body, /aria-hidden="true"><label for="newsletter-website"/);
      assert.match(
        page.body,
        /Wat we bewaren: naam of bijnaam, e-mailadres, ip-adres[^<]*6 maanden[^<]*<a href="\/privacy">/,
      );
    });

    it("double opt-in: the form sends only a confirmation mail, a GET of its link changes nothing, the button confirms with proof of consent per topic", async () => {
      const email = "an.desmet@example.be";
      const before = await stored();
      const response = await signUp({
        name: "An",
        email,
        topics: ["news", "service_notices"],
      });
      assert.equal(response.statusCode, 303, response.body);
      assert.equal(response.headers.location, "/newsletter/check-your-mail");
      assert.deepEqual(await stored(), { ...before, signups: before.signups + 1 });

      const transport = smtpTransport(sink.url);
      try {
        await deliverMail({ db: t.database.db, clock: t.clock, transport, vault: t.vault });
      } finally {
        await transport.close();
      }
      const mails = (await sink.parsed()).filter((mail) =>
        JSON.stringify(mail.to ?? "").includes(email),
      );
      assert.equal(mails.length, 1, "exactly one mail, the confirmation, reaches the address");
      const [mail] = mails;
      assert.equal(mail?.subject, "Bevestig je inschrijving op onze nieuwsbrief");
      const link = /https:\/\/privacy\.wits\.be(\/newsletter\/confirm\?token=[\w-]+)/.exec(
        mail?.text ?? "",
      )?.[1];
      assert.ok(link, "the mail carries the confirmation link");

      // A mail scanner prefetching the link: a page with a button, nothing confirmed.
      const scanned = await t.app.inject({ url: link, remoteAddress: "192.0.2.99" });
      assert.equal(scanned.statusCode, 200);
      assert.match(scanned.body, /<button type="submit">Mijn inschrijving bevestigen<\/button>/);
      assert.match(scanned.body, /<form method="post" action="\/newsletter\/confirm">/);
      assert.deepEqual(await stored(), { ...before, signups: before.signups + 1 });

      const token = new URL(link, "https://x.invalid").searchParams.get("token") ?? "";
      const confirmed = await postFrom(scanned, "/newsletter/confirm", { token }, "192.0.2.10");
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.match(confirmed.body, /Je bent ingeschreven/);
      assert.match(confirmed.body, /Nieuws over WITS/);
      assert.match(confirmed.body, /Onderhoud en storingen/);
      assert.doesNotMatch(confirmed.body, /Tips en handleidingen/);
      assert.match(confirmed.body, /href="\/newsletter\/preferences\/[0-9a-f-]{36}\?sig=[\w-]+"/);
      assert.deepEqual(await stored(), {
        signups: before.signups,
        subscribers: before.subscribers + 1,
      });

      const [row] = await queryRows<{ id: string; subject_id: string }>(
        t.database.db,
        sql`select id, subject_id from newsletter_subscribers order by created_at desc limit 1`,
      );
      assert.ok(row);
      const consents = await consentsOf(row.id);
      assert.deepEqual(
        consents.map((consent) => [consent.topic, consent.source]),
        [
          ["news", "form"],
          ["service_notices", "form"],
        ],
      );
      for (const consent of consents) {
        assert.match(consent.wording, /^(Nieuws over WITS|Onderhoud en storingen): /);
        assert.match(consent.policy_version, /\w{16,}/);
        assert.ok(consent.requested_at, "when the form was sent is kept");
        assert.ok(consent.ip_ciphertext, "the IP address is kept, encrypted");
        const ip = await t.vault.decryptField(t.database.db, {
          subjectId: row.subject_id,
          purpose: "newsletter",
          table: "newsletter_consents",
          column: "ip_ciphertext",
          recordId: consent.id,
          ciphertext: consent.ip_ciphertext,
        });
        assert.equal(ip, "192.0.2.10", "the address that pressed the button");
      }

      const again = await postFrom(scanned, "/newsletter/confirm", { token }, "192.0.2.10");
      assert.equal(again.statusCode, 404, "a link works once");
      assert.match(again.body, /Deze link is niet geldig/);
      assert.match(again.body, /werd al gebruikt/);
      assert.match(again.body, /<a href="\/newsletter">/);
    });

    it("double opt-in: a confirmation link older than 7 days is refused with 410 and the advice to sign up again", async () => {
      const email = "old.link@example.be";
      const response = await signUp({ name: "Oud", email, topics: "tips" });
      assert.equal(response.statusCode, 303);
      const token = await queuedToken(email);
      const page = await t.app.inject({ url: `/newsletter/confirm?token=${token}` });
      t.clock.advance(8 * day);
      const before = await stored();
      const expired = await postFrom(page, "/newsletter/confirm", { token }, freshIp());
      assert.equal(expired.statusCode, 410);
      assert.match(expired.body, /Deze link is verlopen/);
      assert.match(expired.body, /werkt 7 dagen/);
      assert.match(expired.body, /<a href="\/newsletter">/);
      assert.deepEqual(await stored(), before);
    });

    it("double opt-in: a made-up or missing token is not valid, and the page says so", async () => {
      const made = await t.app.inject({ url: "/newsletter/confirm" });
      assert.equal(made.statusCode, 404);
      assert.match(made.body, /Deze link is niet geldig/);
      const page = await t.app.inject({ url: "/newsletter/confirm?token=abc", headers: {} });
      const invalid = await postFrom(page, "/newsletter/confirm", { token: "abc" }, freshIp());
      assert.equal(invalid.statusCode, 404);
    });

    it("double opt-in: a confirmation without the page's CSRF token is refused", async () => {
      const email = "no.csrf@example.be";
      await signUp({ name: "Nee", email, topics: "news" });
      const token = await queuedToken(email);
      const forged = await t.app.inject({
        method: "POST",
        url: "/newsletter/confirm",
        headers: form,
        payload: formBody({ token }),
      });
      assert.equal(forged.statusCode, 403);
      const still = await confirm(token);
      assert.equal(still.statusCode, 200, "the link still works for the person");
    });

    const badInputs: {
      name: string;
      fields: Record<string, string>;
      api: Record<string, unknown>;
      nl: RegExp;
      en: RegExp;
      fr: RegExp;
    }[] = [
      {
        name: "no topic",
        fields: { name: "Jo", email: "jo@example.be" },
        api: { name: "Jo", email: "jo@example.be", topics: [] },
        nl: /Kies minstens één onderwerp/,
        en: /Choose at least one topic/,
        fr: /Choisissez au moins un sujet/,
      },
      {
        name: "only a topic the policy does not have",
        fields: { name: "Jo", email: "jo@example.be", topics: "casino" },
        api: { name: "Jo", email: "jo@example.be", topics: ["casino"] },
        nl: /Kies minstens één onderwerp/,
        en: /Choose at least one topic/,
        fr: /Choisissez au moins un sujet/,
      },
      {
        name: "a bad e-mail address",
        fields: { name: "Jo", email: "jo-at-example", topics: "news" },
        api: { name: "Jo", email: "jo-at-example", topics: ["news"] },
        nl: /Vul een geldig e-mailadres in/,
        en: /Enter a valid e-mail address/,
        fr: /Indiquez une adresse e-mail valide/,
      },
      {
        name: "a missing e-mail address",
        fields: { name: "Jo", topics: "news" },
        api: { name: "Jo", topics: ["news"] },
        nl: /Vul een geldig e-mailadres in/,
        en: /Enter a valid e-mail address/,
        fr: /Indiquez une adresse e-mail valide/,
      },
      {
        name: "a name of a megabyte",
        fields: { name: "x".repeat(1_000_000), email: "jo@example.be", topics: "news" },
        api: { name: "x".repeat(1_000_000), email: "jo@example.be", topics: ["news"] },
        nl: /Vul je naam of een bijnaam in \(hoogstens 200 tekens\)/,
        en: /Enter your name or a nickname \(at most 200 characters\)/,
        fr: /Indiquez votre nom ou un pseudonyme \(200 caractères au plus\)/,
      },
    ];

    for (const bad of badInputs) {
      for (const language of ["nl", "en", "fr"] as const) {
        it(`consent is asked per topic, with clear errors: the form refuses ${bad.name} in ${language} and stores nothing`, async () => {
          const before = await stored();
          const response = await signUp(bad.fields, { language });
          assert.equal(response.statusCode, 400);
          assert.match(response.body, bad[language]);
          assert.match(response.body, /role="alert"/);
          assert.match(response.body, /aria-invalid="true"/);
          assert.match(
            response.body,
            /aria-describedby="[^"]*newsletter-(name|email|topics)-error/,
          );
          assert.ok(response.body.length < 100_000, "a megabyte is not echoed back whole");
          assert.deepEqual(await stored(), before);
        });

        it(`consent is asked per topic, with clear errors: the API refuses ${bad.name} in ${language} and stores nothing`, async () => {
          const before = await stored();
          const response = await t.app.inject({
            method: "POST",
            url: "/api/newsletter/subscribe",
            remoteAddress: freshIp(),
            headers: { "accept-language": language },
            payload: bad.api,
          });
          assert.equal(response.statusCode, 400, response.body);
          assert.equal(response.json().error.code, "validation");
          assert.match(JSON.stringify(response.json().error.fields), bad[language]);
          assert.deepEqual(await stored(), before);
        });
      }
    }

    it("consent is asked per topic, with clear errors: what was typed and ticked comes back with the error, escaped", async () => {
      const response = await signUp({ name: "Bram <b>", email: "", topics: ["tips"] });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /value="Bram &lt;b>"/);
      assert.match(response.body, /value="tips" checked/);
      assert.doesNotMatch(response.body, /value="news" checked/);
    });

    it("nothing is sent before confirmation: a form filled in by a script (honeypot, too fast) stores and mails nothing", async () => {
      const before = await stored();
      const fields = { name: "Bot", email: "bot@example.be", topics: "news" };
      const honeypot = await signUp({ ...fields, website: "https://spam.example" });
      assert.equal(honeypot.statusCode, 400);
      assert.match(honeypot.body, /automatisch werd verstuurd/);
      const tooFast = await signUp(fields, { waitMs: 500 });
      assert.equal(tooFast.statusCode, 400);
      assert.match(tooFast.body, /automatisch werd verstuurd/);
      assert.deepEqual(await stored(), before);
    });

    it("nothing is sent before confirmation: a sign-up posted from another site (no CSRF token) is refused", async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/newsletter",
        remoteAddress: freshIp(),
        headers: form,
        payload: formBody({ name: "X", email: "x@example.be", topics: "news" }),
      });
      assert.equal(response.statusCode, 403);
    });

    it("repeated sign-ups do not reveal whether an address is subscribed: the same answer as a new address", async () => {
      const known = "known.reader@example.be";
      await subscriber(known, ["news"]);
      const answer = async (email: string) => {
        const response = await signUp({ name: "Wie", email, topics: "news" });
        const page = await t.app.inject({ url: String(response.headers.location) });
        return {
          status: response.statusCode,
          location: response.headers.location,
          body: response.body,
          page: { status: page.statusCode, text: pageText(page.body) },
        };
      };
      const forKnown = await answer(known);
      const forNew = await answer("nobody.yet@example.be");
      assert.deepEqual(forKnown, forNew);
      assert.match(forNew.page.text, /Kijk in je mailbox/);

      const api = async (email: string) => {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/newsletter/subscribe",
          remoteAddress: freshIp(),
          payload: { name: "Wie", email, topics: ["news"] },
        });
        return { status: response.statusCode, body: response.json() };
      };
      assert.deepEqual(await api(known), await api("another.new@example.be"));
      assert.deepEqual(await api(known), { status: 202, body: { status: "check_your_mail" } });
    });

    it("double opt-in through the API too: 202 check_your_mail, CORS only for the configured origins, the mail in the asked language", async () => {
      const email = "api.reader@example.be";
      const response = await t.app.inject({
        method: "POST",
        url: "/api/newsletter/subscribe",
        remoteAddress: freshIp(),
        headers: { origin: "https://www.wits.be" },
        payload: { name: "Api", email, topics: ["tips"], locale: "fr" },
      });
      assert.equal(response.statusCode, 202, response.body);
      assert.deepEqual(response.json(), { status: "check_your_mail" });
      assert.equal(response.headers["access-control-allow-origin"], "https://www.wits.be");
      const [mail, ...more] = (await openedOutbox(t)).filter((one) => one.toAddress === email);
      assert.equal(more.length, 0, "one mail to the address");
      assert.equal(mail?.locale, "fr");
      const preflight = await t.app.inject({
        method: "OPTIONS",
        url: "/api/newsletter/subscribe",
        headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
      });
      assert.equal(preflight.headers["access-control-allow-origin"], undefined);
    });

    it("nothing is sent before confirmation except one mail per sign-up: at most ten sign-ups a minute from one address, then 429", async () => {
      const ip = freshIp();
      const statuses: number[] = [];
      for (let n = 0; n < 11; n += 1) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/newsletter/subscribe",
          remoteAddress: ip,
          payload: { name: "" },
        });
        statuses.push(response.statusCode);
      }
      assert.deepEqual(statuses, [...Array(10).fill(400), 429]);
    });

    it("preference centre: a link with a wrong signature or id is a 404 page, for GET and POST", async () => {
      const reader = await subscriber("wrong.sig@example.be", ["news"]);
      const wrong = reader.preferences.replace(/sig=[\w-]+/, "sig=AAAA");
      const page = await t.app.inject({ url: wrong });
      assert.equal(page.statusCode, 404);
      assert.match(page.body, /Deze link is niet geldig/);
      assert.equal(
        (await t.app.inject({ url: `/newsletter/preferences/${reader.id}` })).statusCode,
        404,
      );
      assert.equal(
        (await t.app.inject({ url: "/newsletter/preferences/not-a-uuid?sig=x" })).statusCode,
        404,
      );
      const good = await t.app.inject({ url: reader.preferences });
      const posted = await postFrom(good, wrong, { name: "X", topics: [] }, freshIp());
      assert.equal(posted.statusCode, 404);
      assert.deepEqual((await subscriberRow(reader.id)).topics, ["news"]);
      const unsubscribe = await t.app.inject({
        url: reader.unsubscribe.replace(/sig=[\w-]+/, "sig=AAAA"),
      });
      assert.equal(unsubscribe.statusCode, 404);
    });

    it("preference centre: changing topics and name withdraws and adds consents through the preference centre, without login", async () => {
      const reader = await subscriber("prefs@example.be", ["news", "tips"], "Lien");
      const page = await t.app.inject({ url: reader.preferences });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /prefs@example\.be/);
      assert.match(page.body, /value="Lien"/);
      assert.match(page.body, /value="news" checked/);
      assert.match(page.body, /value="tips" checked/);
      assert.doesNotMatch(page.body, /value="service_notices" checked/);
      assert.match(page.body, /name="intent" value="unsubscribe_all"/);

      const saved = await postFrom(
        page,
        reader.preferences,
        { name: "Lien V.", topics: ["tips", "service_notices"] },
        "192.0.2.20",
      );
      assert.equal(saved.statusCode, 303, saved.body);
      const location = String(saved.headers.location);
      assert.equal(location, `${reader.preferences}&done=saved`);
      const after = await t.app.inject({ url: location });
      assert.match(after.body, /Je voorkeuren zijn bewaard/);
      assert.match(after.body, /value="Lien V\."/);
      assert.match(after.body, /value="service_notices" checked/);

      const row = await subscriberRow(reader.id);
      assert.deepEqual([...row.topics].sort(), ["service_notices", "tips"]);
      const name = await t.vault.decryptField(t.database.db, {
        subjectId: row.subject_id,
        purpose: "newsletter",
        table: "newsletter_subscribers",
        column: "name_ciphertext",
        recordId: reader.id,
        ciphertext: row.name_ciphertext,
      });
      assert.equal(name, "Lien V.");
      const consents = await consentsOf(reader.id);
      const news = consents.find((consent) => consent.topic === "news");
      assert.ok(news?.withdrawn_at, "the news consent is withdrawn");
      assert.equal(news.withdrawn_via, "preference_centre");
      const tips = consents.find((consent) => consent.topic === "tips");
      assert.equal(tips?.withdrawn_at, null, "tips was kept, not asked again");
      const added = consents.find((consent) => consent.topic === "service_notices");
      assert.equal(added?.source, "preference_centre");
      assert.ok(added?.ip_ciphertext);
      assert.equal(added?.withdrawn_at, null);
    });

    it("preference centre: refuses a name of more than 200 characters in the visitor's language and changes nothing", async () => {
      const reader = await subscriber("long.name@example.be", ["news"]);
      const page = await t.app.inject({
        url: reader.preferences,
        headers: { "accept-language": "en" },
      });
      const refused = await postFrom(
        page,
        reader.preferences,
        { name: "y".repeat(201), topics: ["news", "tips"] },
        freshIp(),
        { "accept-language": "en" },
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Enter your name or a nickname \(at most 200 characters\)/);
      assert.match(refused.body, /value="tips" checked/, "the ticks are kept");
      assert.deepEqual((await subscriberRow(reader.id)).topics, ["news"]);
    });

    it("preference centre: unsubscribe from everything, then tick topics again to re-subscribe with a new consent", async () => {
      const reader = await subscriber("leave.and.back@example.be", ["news", "tips"]);
      const page = await t.app.inject({ url: reader.preferences });
      const left = await postFrom(
        page,
        reader.preferences,
        { intent: "unsubscribe_all" },
        freshIp(),
      );
      assert.equal(left.statusCode, 303);
      assert.equal(left.headers.location, `${reader.preferences}&done=unsubscribed`);
      const gone = await subscriberRow(reader.id);
      assert.deepEqual(gone.topics, []);
      assert.ok(gone.unsubscribed_at);
      const withdrawn = await consentsOf(reader.id);
      assert.ok(withdrawn.every((consent) => consent.withdrawn_via === "preference_centre"));

      const unsubscribedPage = await t.app.inject({ url: String(left.headers.location) });
      assert.match(unsubscribedPage.body, /Je bent uitgeschreven/);
      assert.match(unsubscribedPage.body, /voor geen enkel onderwerp ingeschreven/);
      assert.doesNotMatch(unsubscribedPage.body, / checked/, "no box is ticked");
      assert.doesNotMatch(unsubscribedPage.body, /name="intent"/);

      // Saving a name alone changes nothing for a reader without topics: still unsubscribed.
      const nameOnly = await postFrom(
        unsubscribedPage,
        reader.preferences,
        { name: "Andere naam" },
        freshIp(),
      );
      assert.equal(nameOnly.statusCode, 303);
      const still = await subscriberRow(reader.id);
      assert.deepEqual(still.unsubscribed_at, gone.unsubscribed_at);
      assert.equal(still.period_id, gone.period_id);

      const back = await postFrom(
        unsubscribedPage,
        reader.preferences,
        { name: "Lien", topics: "tips" },
        freshIp(),
      );
      assert.equal(back.statusCode, 303);
      const again = await subscriberRow(reader.id);
      assert.deepEqual(again.topics, ["tips"]);
      assert.equal(again.unsubscribed_at, null);
      assert.notEqual(again.period_id, gone.period_id, "a new subscription period");
      const consents = await consentsOf(reader.id);
      const fresh = consents.filter((consent) => consent.withdrawn_at === null);
      assert.deepEqual(
        fresh.map((consent) => [consent.topic, consent.source]),
        [["tips", "preference_centre"]],
      );
    });

    it("preference centre: unticking every topic unsubscribes like the link in the mail", async () => {
      const reader = await subscriber("untick@example.be", ["news"]);
      const page = await t.app.inject({ url: reader.preferences });
      const saved = await postFrom(page, reader.preferences, { name: "Lien" }, freshIp());
      assert.equal(saved.headers.location, `${reader.preferences}&done=unsubscribed`);
      const row = await subscriberRow(reader.id);
      assert.deepEqual(row.topics, []);
      assert.ok(row.unsubscribed_at);
    });

    it("unsubscribe link in every newsletter: a GET shows one button and changes nothing; the button unsubscribes from all", async () => {
      const reader = await subscriber("link.leaver@example.be", ["news", "tips"]);
      const page = await t.app.inject({ url: reader.unsubscribe });
      assert.equal(page.statusCode, 200);
      assert.equal(page.body.match(/<button/g)?.length, 1, "one button");
      assert.match(page.body, /Uitschrijven voor alles<\/button>/);
      assert.deepEqual((await subscriberRow(reader.id)).topics, ["news", "tips"]);
      const done = await postFrom(page, reader.unsubscribe, {}, freshIp());
      assert.equal(done.statusCode, 200, done.body);
      assert.match(done.body, /Je bent uitgeschreven/);
      assert.match(done.body, /6 maanden/);
      const row = await subscriberRow(reader.id);
      assert.deepEqual(row.topics, []);
      assert.ok(row.unsubscribed_at);
      const consents = await consentsOf(reader.id);
      assert.ok(consents.every((consent) => consent.withdrawn_via === "unsubscribe_link"));
      const forged = await t.app.inject({
        method: "POST",
        url: reader.unsubscribe,
        headers: form,
        payload: "",
      });
      assert.equal(forged.statusCode, 403, "the page's button needs its CSRF token");
    });

    it("one-click unsubscribe (RFC 8058): a POST of List-Unsubscribe=One-Click without cookies unsubscribes at once", async () => {
      const reader = await subscriber("one.click@example.be", ["news", "service_notices"]);
      const response = await t.app.inject({
        method: "POST",
        url: reader.oneClick,
        remoteAddress: "198.51.100.200",
        headers: form,
        payload: "List-Unsubscribe=One-Click",
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers["content-type"]), /^text\/plain/);
      assert.ok(response.body.length < 100, "no page, a tiny answer");
      assert.equal(response.headers["set-cookie"], undefined, "no cookie is set");
      assert.equal(
        (await t.app.inject({ url: reader.oneClick })).headers.location,
        reader.unsubscribe,
        "a client that opens the header's URL lands on the unsubscribe page",
      );
      const row = await subscriberRow(reader.id);
      assert.deepEqual(row.topics, []);
      assert.ok(row.unsubscribed_at);
      assert.ok(row.retain_until, "the 6-month clock runs");
      assert.ok(
        new Date(row.retain_until).getTime() >= t.clock.now().getTime() + 180 * day,
        "kept no less than about 6 months after unsubscribing",
      );
      const consents = await consentsOf(reader.id);
      assert.ok(consents.every((consent) => consent.withdrawn_via === "one_click"));
      const anchors = await queryRows<{ event: string }>(
        t.database.db,
        sql`select event from retention_anchors
            where subject_id = ${row.subject_id} and key = ${row.period_id}`,
      );
      assert.deepEqual(
        anchors.map((anchor) => anchor.event),
        ["newsletter.unsubscribed"],
      );

      const twice = await t.app.inject({
        method: "POST",
        url: reader.oneClick,
        headers: form,
        payload: "List-Unsubscribe=One-Click",
      });
      assert.equal(twice.statusCode, 200, "a repeated one-click is answered the same");
    });

    it("one-click unsubscribe (RFC 8058): also as multipart/form-data, which the RFC allows", async () => {
      const reader = await subscriber("one.click.multipart@example.be", ["tips"]);
      const boundary = "----oneClick9f";
      const response = await t.app.inject({
        method: "POST",
        url: reader.oneClick,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual((await subscriberRow(reader.id)).topics, []);
    });

    it("one-click unsubscribe (RFC 8058): a wrong signature is a 404 and unsubscribes nobody", async () => {
      const reader = await subscriber("one.click.wrong@example.be", ["news"]);
      const response = await t.app.inject({
        method: "POST",
        url: reader.oneClick.replace(/sig=[\w-]+/, "sig=forged"),
        headers: form,
        payload: "List-Unsubscribe=One-Click",
      });
      assert.equal(response.statusCode, 404);
      const missing = await t.app.inject({
        method: "POST",
        url: `/api/newsletter/unsubscribe/${reader.id}`,
        headers: form,
        payload: "List-Unsubscribe=One-Click",
      });
      assert.equal(missing.statusCode, 404);
      assert.deepEqual((await subscriberRow(reader.id)).topics, ["news"]);
    });

    it("preference centre from every mail, without login: switching language keeps the reader on their signed page", async () => {
      const reader = await subscriber("switch@example.be", ["news"]);
      const page = await t.app.inject({ url: reader.preferences });
      const english = /href="([^"]+&amp;lang=en)"/.exec(page.body)?.[1];
      assert.ok(english);
      const switched = await t.app.inject({ url: htmlDecoded(english) });
      assert.equal(switched.statusCode, 200);
      assert.match(switched.body, /Your newsletter preferences/);
      assert.match(switched.body, /value="news" checked/);
    });

    it("Beveiliging: a reader's name, e-mail address and link signature never reach the logs", () => {
      const logs = t.logs.join("");
      assert.ok(logs.length > 0, "the app logged something");
      for (const value of ["an.desmet@example.be", "prefs@example.be", "Lien V.", "sig="]) {
        assert.ok(!logs.includes(value), `${value} is in the logs`);
      }
    });
  });
}
