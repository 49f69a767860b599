import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { stringify } from "yaml";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { CookieJar, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import {
  contentHashOf,
  loadActivePolicy,
  type Policy,
  PolicyStore,
  pendingPolicyNotices,
} from "../../policy/index.ts";
import { inventoryVersion, parseConsentCookie } from "../consent/index.ts";

/**
 * What the seed statement (privacy-statement.nl.txt) promises, in its own words: the rendered
 * Dutch page must carry each, or the software and the statement have drifted apart.
 */
const seedCommitments = [
  "naam, telefoonnummer, e-mailadres, ip-adres",
  "tot 1 jaar nadien",
  "6 maanden",
  "7 jaar",
  "zolang je klant bent bij WITS en tot 1 jaar nadien",
  "TeamViewer",
  "geen opnames",
  "enkel je teamviewer ID",
  "niet gericht aan minderjarigen",
  "onmiddellijk worden verwijderd",
  "Google Analytics",
  "cookiebeleid",
  "kaartnummer",
  "pasfoto",
  "30 dagen",
  "gegevensoverdraagbaarheid",
  "politie",
  "derde partijen",
  "eenzijdig te wijzigen",
  "Gegevensbeschermingsautoriteit",
];

const seedSectionOrder = [
  "Persoonlijke gegevens die we verwerken",
  "Bijzondere (gevoelige) persoonsgegevens",
  "Gebruik van cookies",
  "Beveiliging van persoonsgegevens",
  "Gegevens inzien, aanpassen of verwijderen",
  "Ontvangers van gegevens",
  "Externe links",
  "Wijzigingen in deze verklaring",
  "Klacht indienen",
];

/** The visible text of a page: tags out, entities of the few characters preact escapes back in. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, " ");
}

describe("privacy statement and cookie policy from the policy file", () => {
  const kind = databaseKinds[0] ?? "pglite";
  let t: TestApp;
  let policy: Policy;

  before(async () => {
    t = await createTestApp(kind);
    ({ policy } = await loadActivePolicy(undefined));
  });
  after(() => t.close());

  const page = async (url: string, language = "nl") => {
    const response = await t.app.inject({ url, headers: { "accept-language": language } });
    assert.equal(response.statusCode, 200, url);
    return { html: response.body, text: visibleText(response.body), response };
  };

  it("carries every commitment of the seed statement, in Dutch", async () => {
    const { text } = await page("/privacy");
    const missing = seedCommitments.filter(
      (phrase) => !text.toLowerCase().includes(phrase.toLowerCase()),
    );
    assert.deepEqual(missing, []);
  });

  it("keeps the seed statement's section order", async () => {
    const { text } = await page("/privacy");
    const positions = seedSectionOrder.map((heading) => text.indexOf(heading));
    assert.ok(
      positions.every((position) => position >= 0),
      JSON.stringify(positions),
    );
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
  });

  it("shows for each purpose its data, its legal basis and how long it is kept", async () => {
    const { text } = await page("/privacy");
    for (const purpose of policy.purposes) {
      assert.ok(text.includes(purpose.name.nl), purpose.id);
      assert.ok(text.includes(purpose.retention.text.nl.slice(0, 60)), `${purpose.id} retention`);
      for (const category of purpose.dataCategories) {
        assert.ok(text.includes(category.label.nl), `${purpose.id}: ${category.label.nl}`);
      }
    }
    for (const processor of policy.processors) assert.ok(text.includes(processor.name));
    assert.ok(text.includes("wettelijke verplichting"));
  });

  it("shows the privacy e-mail address only after the visitor asks, without JavaScript", async () => {
    const hidden = await page("/privacy");
    assert.equal(hidden.html.includes(policy.organisation.privacyEmail), false);
    assert.match(hidden.html, /<form method="get" action="\/privacy#contact"/);
    const shown = await page("/privacy?contact=show");
    assert.match(shown.html, new RegExp(`href="mailto:${policy.organisation.privacyEmail}"`));
    assert.equal(shown.response.headers["x-robots-tag"], "noindex");
  });

  it("renders in English and French from the same policy", async () => {
    const english = await page("/privacy", "en");
    assert.match(english.html, /<html lang="en"/);
    assert.ok(english.text.includes(policy.rights.idCopyInstructions.en.slice(0, 50)));
    const french = await page("/privacy", "fr");
    assert.match(french.html, /<html lang="fr"/);
    assert.ok(french.text.includes("Déclaration de confidentialité"));
    assert.ok(french.text.includes(policy.changes.fr.slice(0, 50)));
  });

  it("lists every cookie of the inventory under its category on /cookies", async () => {
    const { text, html } = await page("/cookies");
    for (const cookie of policy.cookies) assert.ok(text.includes(cookie.name), cookie.name);
    const analytics = html.slice(html.indexOf('id="cookies-analytics"'));
    assert.match(analytics, /_ga/);
    assert.doesNotMatch(html.slice(0, html.indexOf('id="cookies-analytics"')), /<code>_ga<\/code>/);
  });

  it("shows on /cookies that the visitor has not chosen, with a way to choose without JavaScript", async () => {
    const { text, html } = await page("/cookies");
    assert.match(text, /Je hebt nog geen keuze gemaakt/);
    assert.match(html, /<a href="#cookie-choice-form" data-consent-open>/);
    assert.match(html, /<form method="post" action="\/cookies\/choice" id="cookie-choice-form">/);
    assert.match(html, /name="_csrf" value="/);
    assert.match(html, /<button type="submit" name="action" value="accept_all">Alles aanvaarden/);
    assert.match(html, /<button type="submit" name="action" value="reject_all">Alles weigeren/);
    assert.ok(text.includes(policy.consent.proofRetention.text.nl.slice(0, 60)));
    const english = await page("/cookies", "en");
    assert.match(english.text, /You have not chosen yet/);
  });

  it("records a refusal made on /cookies without JavaScript, and shows it with its consent id", async () => {
    const jar = new CookieJar();
    const refused = await submitForm(t, jar, "/cookies", "/cookies/choice", {
      action: "reject_all",
    });
    assert.equal(refused.statusCode, 303, refused.body);
    assert.equal(refused.headers.location, "/cookies");
    const setCookie = [refused.headers["set-cookie"]].flat().map(String);
    const consentCookie = setCookie.find((header) => header.startsWith("wits_consent="));
    assert.ok(consentCookie, "the choice is remembered in the wits_consent cookie");
    assert.match(consentCookie, /Max-Age=15724800/);
    assert.match(consentCookie, /SameSite=Lax/);
    assert.doesNotMatch(consentCookie, /HttpOnly/, "the banner's script reads it");
    const cookie = parseConsentCookie(/^wits_consent=([^;]+)/.exec(consentCookie)?.[1]);
    assert.ok(cookie);
    assert.deepEqual(cookie.choices, { necessary: true, analytics: false });
    assert.equal(cookie.inventoryVersion, inventoryVersion(policy));

    const shown = async (language: string) =>
      visibleText(
        (
          await t.app.inject({
            url: "/cookies",
            headers: { cookie: jar.header, "accept-language": language },
          })
        ).body,
      );
    const dutch = await shown("nl");
    assert.match(dutch, /Je hebt op \d+ \w+ \d{4} analytische cookies geweigerd/);
    assert.ok(dutch.includes(cookie.consentId), "the consent id, to quote in a rights request");
    const english = await shown("en");
    assert.match(english, /You refused analytics cookies on/);
    assert.ok(english.includes(cookie.consentId));

    const proof = await queryRows<{ action: string; page: string; consent_id: string }>(
      t.database.db,
      sql`select action, page, consent_id::text from consent_records
          where consent_id = ${cookie.consentId}`,
    );
    assert.deepEqual(proof, [
      { action: "reject_all", page: "/cookies", consent_id: cookie.consentId },
    ]);

    // Accepting later keeps the same consent id: a new row beside the refusal, never over it.
    const accepted = await submitForm(t, jar, "/cookies", "/cookies/choice", {
      action: "accept_all",
    });
    assert.equal(accepted.statusCode, 303);
    assert.match(await shown("nl"), /analytische cookies aanvaard/);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from consent_records where consent_id = ${cookie.consentId}`,
    );
    assert.equal(rows[0]?.n, 2);
  });

  it("says a choice under an older cookie list will be asked again, and refuses a post without its token", async () => {
    const older = `${randomUUID()}.0123456789ab.analytics1.1767225600`;
    const response = await t.app.inject({
      url: "/cookies",
      headers: { cookie: `wits_consent=${older}`, "accept-language": "nl" },
    });
    assert.match(visibleText(response.body), /gold voor een oudere lijst van cookies/);
    const forged = await t.app.inject({
      method: "POST",
      url: "/cookies/choice",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "action=accept_all",
    });
    assert.equal(forged.statusCode, 403);
  });

  it("keeps every version readable, and shows only the changed sections between two", async () => {
    const changed: Policy = structuredClone(policy);
    changed.version = { changelog: "Externe links verduidelijkt.", effectiveDate: "2026-12-01" };
    changed.externalLinks.nl = `${policy.externalLinks.nl} Nieuwe zin over externe links.`;
    changed.version.notify = true;
    const newer = await PolicyStore.open(t.database.db, {
      clock: t.clock,
      policy: changed,
      source: stringify(changed),
      publicUrl: "https://privacy.example.be",
    });
    const notices = await pendingPolicyNotices(t.database.db);
    assert.equal(notices.length, 1, "a new policy file with notify: true queues its notice");
    assert.match(notices[0]?.body.nl ?? "", /https:\/\/privacy\.example\.be\/privacy/);
    const oldHash = contentHashOf(policy);
    const list = await page("/privacy/versions");
    assert.match(list.html, new RegExp(`href="/privacy/versions/${newer.currentHash}"`));
    assert.match(list.text, /Externe links verduidelijkt\./);

    const older = await page(`/privacy/versions/${newer.currentHash}`);
    assert.match(older.text, /Nieuwe zin over externe links/);

    const diff = await page(`/privacy/versions/${oldHash}/diff?against=${newer.currentHash}`);
    assert.match(diff.html, /<ins>[^<]*Nieuwe zin over externe links/);
    assert.match(diff.html, /<h2>Externe links<\/h2>/);
    assert.equal((diff.html.match(/<section class="diff-section">/g) ?? []).length, 1);
    const unknown = await t.app.inject({ url: "/privacy/versions/0123456789abcdef" });
    assert.equal(unknown.statusCode, 404);
  });

  it("serves the same rendering again from its cache", async () => {
    const first = await page("/privacy", "fr");
    const second = await page("/privacy", "fr");
    assert.equal(first.html, second.html);
  });
});
