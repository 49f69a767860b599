import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { createTestDatabase } from "../../../test/helpers/database.ts";
import { openedOutbox } from "../../../test/helpers/outbox.ts";
import { runCookieScan } from "../../cli/cookies.ts";
import { fakeClock } from "../../core/clock.ts";
import { loadConfig } from "../../core/config.ts";
import type { Database } from "../../core/db/database.ts";
import { outbox } from "../../core/mail/outbox.tables.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import { openTestVault } from "../../vault/test-vault.ts";
import { createStaffAccount } from "../staff/index.ts";
import { cookieScanJob } from "./cookie-scan.job.ts";
import { scanCookies } from "./cookie-scan.ts";
import {
  type CookieObservation,
  type CookieScanReport,
  compareWithInventory,
  matchInventory,
} from "./cookie-scan-report.ts";

// The tests' own lookup of the browser: src reads no environment outside config.ts.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const noChromium = existsSync(chromiumPath)
  ? false
  : `chromium is not installed at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;

const text = { nl: "x", en: "x", fr: "x" };
const declared = (name: string, category: "necessary" | "analytics") => ({
  name,
  provider: "WITS",
  purpose: text,
  category,
  duration: text,
  party: "first" as const,
});
/** The default policy's inventory, as far as the scanner reads it. */
const policy: Pick<Policy, "cookies"> = {
  cookies: [
    declared("lang", "necessary"),
    declared("wits_consent", "necessary"),
    declared("_ga", "analytics"),
    declared("_ga_<id>", "analytics"),
  ],
};

const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>fixture</title></head><body>${body}</body></html>`;

/**
 * A banner as a site would have one: hidden once a choice is stored, analytics only after
 * "accept". The buttons are given as HTML so one page uses the data-consent-action attributes
 * and another only its labels.
 */
const banner = (buttons: string) => `
<div id="banner" role="dialog" aria-label="cookies">${buttons}</div>
<script>
  function choose(accept) {
    document.cookie = "wits_consent=" + (accept ? "analytics1" : "analytics0") + "; path=/";
    if (accept) document.cookie = "_ga=GA1.1.2; path=/";
    document.getElementById("banner").hidden = true;
  }
  if (/wits_consent=/.test(document.cookie)) document.getElementById("banner").hidden = true;
  if (/wits_consent=analytics1/.test(document.cookie)) document.cookie = "_ga=GA1.1.2; path=/";
</script>`;

const fixtures: Record<string, string> = {
  // Tags fire on arrival, whatever the banner says.
  "/bad": page(
    "en",
    `<script>document.cookie = "_ga=GA1.1.1; path=/"; document.cookie = "tracker_id=abc; path=/";</script>
    ${banner(`<button onclick="choose(true)" data-consent-action="accept_all">Accept all</button>
      <button onclick="choose(false)" data-consent-action="reject_all">Reject all</button>`)}`,
  ),
  "/good": page(
    "nl",
    banner(`<button onclick="choose(true)" data-consent-action="accept_all">Alles aanvaarden</button>
      <button onclick="choose(false)" data-consent-action="reject_all">Alles weigeren</button>
      <button>Instellingen</button>`),
  ),
  // No attributes, and a decoy that says "accepter" but refuses.
  "/labels": page(
    "fr",
    banner(`<button onclick="choose(false)">Continuer sans accepter</button>
      <button onclick="choose(true)">Tout accepter</button>
      <button onclick="choose(false)">Tout refuser</button>`),
  ),
};

/** Collects what a command writes, to read it back as one string. */
function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

describe("cookie inventory matching", () => {
  it("treats <...> in an inventory name as a wildcard, and prefers an exact name", () => {
    assert.equal(matchInventory(policy.cookies, "_ga")?.name, "_ga");
    assert.equal(matchInventory(policy.cookies, "_ga_ABC123")?.name, "_ga_<id>");
    assert.equal(matchInventory(policy.cookies, "_ga_"), undefined);
    assert.equal(matchInventory(policy.cookies, "x_ga_1"), undefined);
    assert.equal(matchInventory([declared("a.b", "necessary")], "aXb"), undefined);
  });

  it("judges storage keys like cookies, and reports a missing button without failing", () => {
    const observation: CookieObservation = {
      url: "https://example.be/",
      scannedAt: new Date("2026-03-01T06:40:00Z"),
      phases: [
        {
          phase: "before_choice",
          items: [
            { kind: "cookie", name: "lang", domain: "example.be" },
            { kind: "localStorage", name: "_ga_XYZ", domain: "https://example.be" },
          ],
        },
        { phase: "after_reject", items: [], button: undefined },
        { phase: "after_accept", items: [] },
      ],
    };
    const report = compareWithInventory(observation, policy);
    const kinds = report.findings.map((finding) => `${finding.kind}:${finding.name}`);
    assert.ok(kinds.includes("set_before_choice:_ga_XYZ"), kinds.join(", "));
    assert.ok(!kinds.some((kind) => kind.endsWith(":lang") && !kind.startsWith("declared")));
    assert.ok(kinds.includes("choice_button_missing:reject all"));
    assert.ok(kinds.includes("declared_not_seen:_ga"));
    assert.equal(report.serious, true);
  });
});

describe("COOKIE_SCAN_URLS", () => {
  it("is a list of web addresses, empty by default", () => {
    assert.deepEqual(loadConfig({}).COOKIE_SCAN_URLS, []);
    assert.deepEqual(
      loadConfig({ COOKIE_SCAN_URLS: "https://www.wits.be/, https://www.wits.be/contact," })
        .COOKIE_SCAN_URLS,
      ["https://www.wits.be/", "https://www.wits.be/contact"],
    );
    assert.throws(
      () => loadConfig({ COOKIE_SCAN_URLS: "www.wits.be" }),
      /COOKIE_SCAN_URLS="www.wits.be" must be http or https URLs.*example: COOKIE_SCAN_URLS=https:/,
    );
  });
});

describe("cookies scan command", () => {
  it("exits 2 and names the fix when chromium is missing or the URL is not a web page", async () => {
    const missing = path.join(os.tmpdir(), "no-such-chromium");
    const err = sink();
    const code = await runCookieScan({
      url: "http://127.0.0.1:9/",
      policy,
      chromiumPath: missing,
      stderr: err.stream,
    });
    assert.equal(code, 2);
    assert.match(
      err.text(),
      /chromium not found at .*no-such-chromium: install it \(apt-get install chromium\) or set CHROMIUM_PATH/,
    );
    const usage = sink();
    assert.equal(
      await runCookieScan({ url: "www.wits.be", policy, chromiumPath, stderr: usage.stream }),
      2,
    );
    assert.match(usage.text(), /give a URL starting with http:\/\/ or https:\/\//);
  });
});

describe("cookie scan in chromium", { skip: noChromium }, () => {
  let server: Server;
  let base: string;

  before(async () => {
    server = createServer((request, response) => {
      const body = fixtures[request.url ?? ""];
      response.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      response.end(body ?? "not found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("flags a page that sets analytics and undeclared cookies before any choice (exit 1)", async () => {
    const out = sink();
    const err = sink();
    const code = await runCookieScan({
      url: `${base}/bad`,
      json: true,
      policy,
      chromiumPath,
      stdout: out.stream,
      stderr: err.stream,
    });
    assert.equal(code, 1, err.text());
    assert.match(err.text(), /^opening http:\/\/127\.0\.0\.1:\d+\/bad/m);
    assert.match(err.text(), /^rejecting all/m);
    const report = JSON.parse(out.text()) as CookieScanReport;
    const findings = report.findings.map((finding) => `${finding.kind}:${finding.name}`);
    for (const expected of [
      "set_before_choice:_ga",
      "set_before_choice:tracker_id",
      "set_after_reject:_ga",
      "undeclared:tracker_id",
    ]) {
      assert.ok(findings.includes(expected), `${expected} in ${findings.join(", ")}`);
    }
    assert.ok(!findings.includes("undeclared:_ga"), "_ga is declared");
    assert.ok(!JSON.stringify(report).includes("GA1.1.1"), "no cookie value in the report");
  });

  it("passes a page that sets only necessary cookies until “accept all” (exit 0)", async () => {
    const out = sink();
    const err = sink();
    const code = await runCookieScan({
      url: `${base}/good`,
      policy,
      chromiumPath,
      stdout: out.stream,
      stderr: err.stream,
    });
    assert.equal(code, 0, `${out.text()}\n${err.text()}`);
    const report = out.text();
    assert.match(report, /“Alles weigeren” \(found by data-consent-action\)/);
    assert.match(report, /^_ga +cookie +127\.0\.0\.1 +analytics \(_ga\) +- +- +yes$/m);
    assert.match(report, /^wits_consent +cookie .* +- +yes +yes$/m);
    assert.match(report, /INFO +_ga_<id> \(analytics\) is in the inventory but was not seen/);
    assert.doesNotMatch(report, /SERIOUS/);
    assert.match(report, /Result: nothing beyond the necessary cookies/);
  });

  it("finds a banner's buttons by their labels, and never takes “without accepting” as accept", async () => {
    const report = await scanCookies({ url: `${base}/labels`, policy, chromiumPath });
    const [before, rejected, accepted] = report.phases.map((phase) => phase.button?.label);
    assert.equal(before, undefined);
    // Either is a refusal; what matters is that acceptance skips the decoy.
    assert.match(rejected ?? "", /^(Tout refuser|Continuer sans accepter)$/);
    assert.equal(accepted, "Tout accepter");
    assert.equal(report.serious, false);
    const ga = report.rows.find((row) => row.name === "_ga");
    assert.deepEqual(ga?.phases, ["after_accept"]);
  });
});

describe("cookies.scan job", () => {
  let database: Database;
  let vault: Vault;
  const clock = fakeClock("2026-03-02T05:40:00Z");
  const silent = pino({ level: "silent" });

  before(async () => {
    database = await createTestDatabase("pglite");
    ({ vault } = await openTestVault(database.db));
    for (const [email, role] of [
      ["privacy@wits.test", "privacy"],
      ["support@wits.test", "support"],
    ] as const) {
      await createStaffAccount({ db: database.db, clock }, { email, displayName: email, role });
    }
  });

  after(async () => {
    await database.close();
  });

  const context = (urls: string) => ({
    db: database.db,
    clock,
    log: silent,
    config: loadConfig({ COOKIE_SCAN_URLS: urls }),
    signal: new AbortController().signal,
  });
  /** A scan that needs no browser: /bad pages break consent, others do not. */
  const fakeScan: typeof scanCookies = async ({ url }) =>
    compareWithInventory(
      {
        url,
        scannedAt: clock.now(),
        phases: [
          {
            phase: "before_choice",
            items: url.endsWith("/bad") ? [{ kind: "cookie", name: "_ga", domain: "x" }] : [],
          },
        ],
      },
      policy,
    );
  const mails = () =>
    openedOutbox({ db: database.db, vault }, eq(outbox.purpose, "consent.cookie_scan"));

  it("does nothing, and opens nothing, without COOKIE_SCAN_URLS", async () => {
    const job = cookieScanJob(() => assert.fail("no dependency is needed"));
    assert.deepEqual(await job.run(context("")), { pages: 0, serious: 0, failed: 0, mails: 0 });
  });

  it("mails the privacy officers the failing page and its findings, nothing else", async () => {
    const job = cookieScanJob(() => ({ policy: () => policy, vault, scan: fakeScan }));
    const summary = await job.run(context("https://www.wits.be/,https://www.wits.be/bad"));
    assert.deepEqual(summary, { pages: 2, serious: 1, failed: 0, mails: 1 });
    const [mail, ...more] = await mails();
    assert.equal(more.length, 0, "one mail: only the privacy role");
    assert.equal(mail?.toAddress, "privacy@wits.test");
    assert.equal(mail?.erased, false);
    assert.equal(mail?.subjectId, null, "staff mail is sealed with the installation key");
    assert.equal(mail?.vaultPurpose, null);
    assert.ok(mail?.sealedContent, "the content is sealed");
    assert.equal(mail?.locale, "nl", "staff mails speak the organisation's first language");
    assert.match(mail?.subject ?? "", /^Cookiescan: toestemming niet gerespecteerd op 1 pagina/);
    assert.match(mail?.textBody ?? "", /https:\/\/www\.wits\.be\/bad/);
    assert.match(mail?.textBody ?? "", /_ga \(cookie on x\) is set before any choice/);
    assert.doesNotMatch(mail?.textBody ?? "", /Cookie scan of https:\/\/www\.wits\.be\/ at/);
  });

  it("fails the run, naming the fix, when a page cannot be scanned", async () => {
    const job = cookieScanJob(() => ({
      policy: () => policy,
      vault,
      chromiumPath: path.join(os.tmpdir(), "no-such-chromium"),
    }));
    await assert.rejects(
      job.run(context("https://www.wits.be/")),
      /could not scan 1 of 1 pages: chromium not found at .*apt-get install chromium/,
    );
  });
});
