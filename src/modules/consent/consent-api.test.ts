import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { queryRows } from "../../core/db/database.ts";
import { addPeriod, sweepRetention } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { browserFamily } from "./browser-family.ts";
import { inventoryVersion } from "./inventory-version.ts";
import { ipPrefix } from "./ip-prefix.ts";

const userAgents = {
  chrome:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70",
  firefox: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  safari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  opera:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
  iosChrome:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
};

describe("ip prefix and browser family", () => {
  it("cuts IPv4 to its /24 and IPv6 to its /48, and never returns the address itself", () => {
    assert.equal(ipPrefix("203.0.113.77"), "203.0.113.0");
    assert.equal(ipPrefix("2001:db8:1234:5678::1"), "2001:db8:1234::/48");
    assert.equal(ipPrefix("2001:0db8:0000:abcd:1:2:3:4"), "2001:db8::/48");
    assert.equal(ipPrefix("::ffff:198.51.100.200"), "198.51.100.0");
    assert.equal(ipPrefix("fe80::1%eth0"), "fe80::/48");
    assert.equal(ipPrefix("not an address"), null);
    assert.equal(ipPrefix(undefined), null);
  });

  it("names six families from the user agent, Edge and Opera before Chrome", () => {
    assert.equal(browserFamily(userAgents.chrome), "Chrome");
    assert.equal(browserFamily(userAgents.edge), "Edge");
    assert.equal(browserFamily(userAgents.firefox), "Firefox");
    assert.equal(browserFamily(userAgents.safari), "Safari");
    assert.equal(browserFamily(userAgents.opera), "Opera");
    assert.equal(browserFamily(userAgents.iosChrome), "Chrome");
    assert.equal(browserFamily("curl/8.5.0"), "other");
    assert.equal(browserFamily(undefined), "other");
  });
});

interface StoredChoice {
  id: string;
  subject_id: string | null;
  consent_id: string;
  action: string;
  choices: Record<string, boolean>;
  inventory_version: string;
  decided_at: string;
  retain_until: string;
  retention_reason: { code: string };
  page: string | null;
  ip_prefix: string | null;
  browser_family: string | null;
}

for (const kind of databaseKinds) {
  describe(`POST /api/consent on ${kind} (statement: "Gebruik van cookies")`, () => {
    let t: TestApp;
    let policy: Policy;
    let version: string;

    before(async () => {
      t = await createTestApp(kind, { env: { CONTACT_CORS_ORIGINS: "https://www.wits.be" } });
      ({ policy } = await loadActivePolicy(undefined));
      version = inventoryVersion(policy);
    });
    after(() => t.close());

    const post = (
      payload: object,
      options: { ip?: string; userAgent?: string; language?: string } = {},
    ) =>
      t.app.inject({
        method: "POST",
        url: "/api/consent",
        remoteAddress: options.ip ?? "198.51.100.9",
        headers: {
          origin: "https://www.wits.be",
          "accept-language": options.language ?? "nl",
          "user-agent": options.userAgent ?? userAgents.firefox,
        },
        payload,
      });

    const rows = (consentId: string) =>
      queryRows<StoredChoice>(
        t.database.db,
        sql`select id::text, subject_id::text, consent_id::text, action, choices,
              inventory_version, decided_at::text, retain_until::text, retention_reason, page,
              ip_prefix, browser_family
            from consent_records where consent_id = ${consentId} order by decided_at`,
      );

    const count = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from consent_records`,
        )
      )[0]?.n;

    it("stores an acceptance with the truncated IPv4 address, the browser family and the path", async () => {
      const consentId = randomUUID();
      const response = await post(
        {
          consentId,
          action: "accept_all",
          choices: { necessary: true, analytics: true },
          inventoryVersion: version,
          page: "https://www.wits.be/diensten/netwerk?email=jan%40example.be#top",
        },
        { ip: "203.0.113.77", userAgent: userAgents.edge },
      );
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.headers["access-control-allow-origin"], "https://www.wits.be");
      const [stored] = await rows(consentId);
      assert.ok(stored);
      assert.equal(response.json().id, stored.id);
      assert.equal(stored.subject_id, null);
      assert.equal(stored.action, "accept_all");
      assert.deepEqual(stored.choices, { necessary: true, analytics: true });
      assert.equal(stored.inventory_version, version);
      assert.equal(stored.page, "/diensten/netwerk");
      assert.equal(stored.ip_prefix, "203.0.113.0");
      assert.equal(stored.browser_family, "Edge");
      assert.equal(new Date(stored.decided_at).toISOString(), t.clock.now().toISOString());
    });

    it("stores a refusal as durably as an acceptance, and a withdrawal as a new row", async () => {
      const consentId = randomUUID();
      const accept = await post({
        consentId,
        action: "custom",
        choices: { analytics: true },
        inventoryVersion: version,
        page: "/",
      });
      assert.equal(accept.statusCode, 201, accept.body);
      t.clock.advance(60_000);
      const refuse = await post(
        { consentId, action: "reject_all", choices: {}, inventoryVersion: version, page: "/" },
        { ip: "2001:db8:1234:5678::1", userAgent: userAgents.safari },
      );
      assert.equal(refuse.statusCode, 201, refuse.body);
      const stored = await rows(consentId);
      assert.deepEqual(
        stored.map((row) => [row.action, row.choices.analytics, row.ip_prefix, row.browser_family]),
        [
          ["custom", true, "198.51.100.0", "Firefox"],
          ["reject_all", false, "2001:db8:1234::/48", "Safari"],
        ],
      );
      const [first, second] = stored;
      assert.equal(first?.retain_until.slice(0, 4), second?.retain_until.slice(0, 4));
      assert.deepEqual(second?.retention_reason, { code: "expires" });
    });

    it("records an older inventory version as sent: it is what the visitor agreed to", async () => {
      const consentId = randomUUID();
      const response = await post({
        consentId,
        action: "reject_all",
        choices: { analytics: false },
        inventoryVersion: "0123456789ab",
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal((await rows(consentId))[0]?.inventory_version, "0123456789ab");
    });

    it("refuses unknown categories, a bad consent id, a huge page and a contradiction with a 400 in the caller's language", async () => {
      const before = await count();
      const good = {
        consentId: randomUUID(),
        action: "custom",
        choices: { analytics: false },
        inventoryVersion: version,
        page: "/",
      };
      const unknown = await post({ ...good, choices: { marketing: true } });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, "validation");
      assert.match(JSON.stringify(unknown.json().error.fields), /Onbekende cookiecategorie/);
      assert.equal(unknown.headers["access-control-allow-origin"], "https://www.wits.be");
      const english = await post({ ...good, choices: { tracking: true } }, { language: "en" });
      assert.match(JSON.stringify(english.json().error.fields), /Unknown cookie category/);
      const necessary = await post({ ...good, choices: { necessary: false } }, { language: "fr" });
      assert.equal(necessary.statusCode, 400);
      assert.match(JSON.stringify(necessary.json().error.fields), /ne peuvent pas être refusés/);
      const badId = await post({ ...good, consentId: "not-a-uuid" });
      assert.equal(badId.statusCode, 400);
      assert.match(JSON.stringify(badId.json().error.fields), /consentId/);
      const huge = await post({ ...good, page: `/${"a".repeat(5000)}` });
      assert.equal(huge.statusCode, 400);
      const notAPath = await post({ ...good, page: "javascript:alert(1)" }, { language: "en" });
      assert.equal(notAPath.statusCode, 400);
      assert.match(JSON.stringify(notAPath.json().error.fields), /must be a path/);
      const contradiction = await post({
        ...good,
        action: "accept_all",
        choices: { analytics: false },
      });
      assert.equal(contradiction.statusCode, 400);
      const badVersion = await post({ ...good, inventoryVersion: "v1; drop table" });
      assert.equal(badVersion.statusCode, 400);
      assert.equal(await count(), before, "nothing refused was stored");
    });

    it("keeps only the first 300 characters of a long path", async () => {
      const consentId = randomUUID();
      const response = await post({
        consentId,
        action: "reject_all",
        choices: {},
        inventoryVersion: version,
        page: `/${"b".repeat(1000)}?q=1`,
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal((await rows(consentId))[0]?.page?.length, 300);
    });

    it("answers the CORS preflight for an allowed origin only", async () => {
      const preflight = (origin: string) =>
        t.app.inject({
          method: "OPTIONS",
          url: "/api/consent",
          headers: {
            origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
          },
        });
      const allowed = await preflight("https://www.wits.be");
      assert.equal(allowed.statusCode, 204);
      assert.equal(allowed.headers["access-control-allow-origin"], "https://www.wits.be");
      assert.match(String(allowed.headers["access-control-allow-methods"]), /POST/);
      assert.match(String(allowed.headers["access-control-allow-headers"]), /content-type/);
      const other = await preflight("https://evil.example");
      assert.equal(other.headers["access-control-allow-origin"], undefined);
    });

    it("never keeps or logs a full IP address", async () => {
      const dump = await queryRows<{ row: string }>(
        t.database.db,
        sql`select row_to_json(consent_records)::text as row from consent_records`,
      );
      const everything = `${dump.map((line) => line.row).join("\n")}\n${t.logs.join("")}`;
      for (const full of ["203.0.113.77", "2001:db8:1234:5678", "198.51.100.9"]) {
        assert.equal(everything.includes(full), false, `${full} is stored or logged`);
      }
      assert.ok(dump.length >= 5, "choices were stored");
      assert.ok(t.logs.join("").length > 0, "the app logged something");
    });
    it("keeps the proof for the policy's period, then the sweep removes it", async () => {
      const consentId = randomUUID();
      const response = await post({
        consentId,
        action: "reject_all",
        choices: { analytics: false },
        inventoryVersion: version,
      });
      assert.equal(response.statusCode, 201);
      const [stored] = await rows(consentId);
      assert.ok(stored);
      const decided = new Date(stored.decided_at);
      assert.equal(policy.consent.proofRetention.years, 2);
      assert.equal(
        new Date(stored.retain_until).toISOString(),
        addPeriod(decided, { years: 2 }).toISOString(),
      );
      assert.deepEqual(stored.retention_reason, { code: "expires" });

      const deps = {
        db: t.database.db,
        clock: t.clock,
        vault: t.vault,
        dataMap: createDataMap(() => policy),
      };
      t.clock.set(new Date(new Date(stored.retain_until).getTime() - 60_000));
      await sweepRetention(deps);
      assert.equal((await rows(consentId)).length, 1, "kept until its date");
      t.clock.set(new Date(new Date(stored.retain_until).getTime() + 60_000));
      const report = await sweepRetention(deps);
      assert.equal((await rows(consentId)).length, 0, "gone after it");
      assert.ok((report.byType["consent.choice"]?.erased ?? 0) >= 1);
    });
  });
}
