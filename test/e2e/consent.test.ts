import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadConfig } from "../../src/core/config.ts";
import { createLogger } from "../../src/core/log.ts";
import { type RunningServer, startServer } from "../../src/main.ts";
import {
  consentRecords,
  formatConsentCookie,
  inventoryVersion,
  parseConsentCookie,
} from "../../src/modules/consent/index.ts";
import { loadActivePolicy } from "../../src/policy/index.ts";
import {
  chromiumPath,
  hasChromium,
  launchChromium,
  screenshot,
  seriousViolations,
  viewports,
} from "../helpers/browser.ts";

const fixtures = new URL("../fixtures/consent/", import.meta.url);

/** The seven Consent Mode v2 signals as the banner sets them, analytics granted or not. */
const signals = (analytics: "granted" | "denied") => ({
  ad_storage: "denied",
  ad_user_data: "denied",
  ad_personalization: "denied",
  analytics_storage: analytics,
  functionality_storage: "granted",
  personalization_storage: "denied",
  security_storage: "granted",
});
const consentDefault = ["consent", "default", { ...signals("denied"), wait_for_update: 500 }];

/**
 * A company page as the integrator writes it: one script tag for the banner, Google Analytics
 * (here a fake that sets `_ga` and says it ran) marked text/plain with its category, and a
 * "cookie settings" link in the footer. Served by the real server, so its CSP applies too.
 */
function demoPage(lang: string): string {
  const text = "<p>Wij herstellen computers en netwerken voor kleine bedrijven in Vlaanderen.</p>";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo shop</title>
<script src="/test/layout-shifts.js"></script>
<script src="/consent.js" defer></script>
<script type="text/plain" data-category="analytics" src="/test/fake-analytics.js"></script>
</head>
<body>
<header><h1>Demo shop</h1></header>
<main>${text.repeat(12)}</main>
<footer><a href="#cookie-settings">Cookie settings</a></footer>
</body>
</html>`;
}

async function registerDemo(app: FastifyInstance): Promise<void> {
  const scripts = {
    "fake-analytics.js": await readFile(new URL("fake-analytics.js", fixtures), "utf8"),
    "layout-shifts.js": await readFile(new URL("layout-shifts.js", fixtures), "utf8"),
  };
  app.get("/test/consent-demo", async (request, reply) => {
    const { lang } = request.query as { lang?: string };
    reply.type("text/html; charset=utf-8");
    return demoPage(lang && /^[a-z]{2}(-[A-Z]{2})?$/.test(lang) ? lang : "en");
  });
  for (const [name, body] of Object.entries(scripts)) {
    app.get(`/test/${name}`, async (_request, reply) =>
      reply
        .type("text/javascript; charset=utf-8")
        .header("cross-origin-resource-policy", "cross-origin")
        .send(body),
    );
  }
}

async function startConsentServer(): Promise<RunningServer> {
  const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-consent-e2e-"));
  return startServer({
    config: loadConfig({ DATA_DIR, PORT: "0", HOST: "127.0.0.1", JOBS_ENABLED: "false" }),
    log: createLogger({ level: "silent" }),
    beforeListen: registerDemo,
  });
}

interface Visit {
  context: BrowserContext;
  page: Page;
}

/** What the page pushed to the data layer, each gtag() call as an array. */
function consentCalls(page: Page): Promise<unknown[][]> {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? []).map((call) =>
      Array.from(call),
    ),
  );
}

const fakeAnalyticsRuns = (page: Page) =>
  page.evaluate(() => (window as unknown as { fakeAnalyticsRuns?: number }).fakeAnalyticsRuns);
/** Cumulative layout shift, and the shifts that made it up for the failure message. */
async function assertNoLayoutShift(page: Page): Promise<void> {
  const { total, shifts } = await page.evaluate(() => {
    const recorded = window as unknown as { layoutShift: number; layoutShifts: string[] };
    return { total: recorded.layoutShift, shifts: recorded.layoutShifts };
  });
  assert.equal(total, 0, `the page moved: ${shifts.join("; ")}`);
}

async function analyticsCookies(context: BrowserContext): Promise<string[]> {
  return (await context.cookies())
    .map((cookie) => cookie.name)
    .filter((name) => name.startsWith("_ga"));
}

async function storedChoice(context: BrowserContext) {
  const cookie = (await context.cookies()).find((each) => each.name === "wits_consent");
  return { cookie, parsed: parseConsentCookie(cookie?.value) };
}

/** The banner script has run (witsConsent exists) and the page is otherwise idle. */
async function bannerScriptRan(page: Page): Promise<void> {
  await page.waitForFunction(() => "witsConsent" in window);
  await page.waitForLoadState("load");
}

if (!hasChromium) {
  process.stdout.write(`# consent browser tests skipped: no chromium at ${chromiumPath}\n`);
}

describe("the cookie banner in a real browser", {
  skip: !hasChromium && "no chromium",
  timeout: 180_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let version: string;
  const contexts: BrowserContext[] = [];

  before(async () => {
    server = await startConsentServer();
    browser = await launchChromium();
    version = inventoryVersion((await loadActivePolicy(undefined)).policy);
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  async function visit(lang = "en"): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/test/consent-demo?lang=${lang}`);
    return { context, page };
  }
  const choiceButton = (page: Page, action: string) =>
    page.locator(`#wits-consent [data-consent-action="${action}"]`).filter({ visible: true });
  const proofOf = (page: Page) =>
    page.waitForResponse(
      (response) =>
        response.url().endsWith("/api/consent") && response.request().method() === "POST",
    );

  it("before a choice: a banner with three equal choices, no analytics, everything denied", async () => {
    const { context, page } = await visit();
    await choiceButton(page, "accept_all").waitFor();
    assert.equal(await fakeAnalyticsRuns(page), undefined);
    assert.deepEqual(await analyticsCookies(context), []);
    assert.equal((await storedChoice(context)).cookie, undefined);
    assert.deepEqual(await consentCalls(page), [consentDefault]);

    const region = page.getByRole("region", { name: "Cookies on this website" });
    assert.ok(await region.isVisible(), "the first layer is a labelled region");
    assert.equal(
      await page.locator("#wits-consent").evaluate((banner) => getComputedStyle(banner).position),
      "fixed",
    );
    // Equal prominence: the same box and the same look for accept, reject and settings.
    const looks = await page
      .locator('#wits-consent [data-consent-action]:not([data-consent-action="close"])')
      .filter({ visible: true })
      .evaluateAll((buttons) =>
        buttons.map((button) => {
          const style = getComputedStyle(button);
          const box = button.getBoundingClientRect();
          return [
            style.backgroundColor,
            style.color,
            style.fontSize,
            style.fontWeight,
            style.borderColor,
            Math.round(box.width),
            Math.round(box.height),
          ].join(" ");
        }),
      );
    assert.equal(looks.length, 3);
    assert.equal(new Set(looks).size, 1, looks.join(" | "));
    assert.deepEqual(await seriousViolations(page), []);
    await assertNoLayoutShift(page);
    await screenshot(page, "consent-banner-desktop");
    await page.setViewportSize(viewports.phone);
    await screenshot(page, "consent-banner-phone");
  });

  it("Reject all: stored and proven, no analytics, and not asked again after a reload", async () => {
    const { context, page } = await visit();
    const proof = proofOf(page);
    await choiceButton(page, "reject_all").click();
    const response = await proof;
    assert.equal(response.status(), 201);
    const posted = response.request().postDataJSON();
    assert.equal(posted.action, "reject_all");
    assert.deepEqual(posted.choices, { analytics: false });
    assert.equal(posted.inventoryVersion, version);
    assert.equal(posted.page, "/test/consent-demo");
    const rows = await server.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.consentId, posted.consentId));
    assert.deepEqual(
      rows.map((row) => row.action),
      ["reject_all"],
    );

    await page.locator("#wits-consent").waitFor({ state: "hidden" });
    const { cookie, parsed } = await storedChoice(context);
    assert.equal(parsed?.consentId, posted.consentId);
    assert.deepEqual(parsed?.choices, { necessary: true, analytics: false });
    assert.equal(cookie?.sameSite, "Lax");
    const lifetime = (cookie?.expires ?? 0) - Date.now() / 1000;
    assert.ok(Math.abs(lifetime - 182 * 86_400) < 60, `the choice holds ${lifetime} s`);
    assert.deepEqual(await analyticsCookies(context), []);
    assert.equal(await fakeAnalyticsRuns(page), undefined);
    assert.deepEqual(await consentCalls(page), [
      consentDefault,
      ["consent", "update", signals("denied")],
    ]);

    await page.reload();
    await bannerScriptRan(page);
    assert.equal(await page.locator("#wits-consent").count(), 0, "a refusal is asked again");
    assert.deepEqual(await analyticsCookies(context), []);
    assert.equal(await fakeAnalyticsRuns(page), undefined);
    assert.deepEqual(await consentCalls(page), [
      consentDefault,
      ["consent", "update", signals("denied")],
    ]);
    await assertNoLayoutShift(page);
  });

  it("Accept all runs analytics; withdrawing through the settings link deletes its cookies", async () => {
    const { context, page } = await visit();
    await choiceButton(page, "accept_all").click();
    await page.waitForFunction(() => "fakeAnalyticsRuns" in window);
    assert.equal(await fakeAnalyticsRuns(page), 1);
    assert.deepEqual((await analyticsCookies(context)).sort(), ["_ga", "_ga_TEST123"]);
    assert.deepEqual(await consentCalls(page), [
      consentDefault,
      ["consent", "update", signals("granted")],
    ]);
    const accepted = (await storedChoice(context)).parsed;
    assert.deepEqual(accepted?.choices, { necessary: true, analytics: true });

    await page.getByRole("link", { name: "Cookie settings" }).click();
    const settings = page.getByRole("dialog", { name: "Cookie settings" });
    await settings.waitFor();
    const analytics = settings.getByRole("switch", { name: "Analytics" });
    assert.ok(await analytics.isChecked(), "the switch shows the current choice");
    assert.ok(await settings.getByText("_ga_<id>").isVisible(), "the cookies of each category");
    await analytics.click();
    const proof = proofOf(page);
    const reloaded = page.waitForEvent("load");
    await settings.locator('[data-consent-action="custom"]').click();
    const posted = (await proof).request().postDataJSON();
    assert.equal(posted.action, "custom");
    assert.deepEqual(posted.choices, { analytics: false });
    assert.equal(posted.consentId, accepted?.consentId, "a withdrawal keeps the consent id");
    // The running script cannot be unloaded: the page reloads without it.
    await reloaded;
    await bannerScriptRan(page);
    assert.deepEqual(await analyticsCookies(context), []);
    assert.equal(await fakeAnalyticsRuns(page), undefined);
    assert.deepEqual((await storedChoice(context)).parsed?.choices, {
      necessary: true,
      analytics: false,
    });
    assert.equal(await page.locator("#wits-consent").isVisible(), false);
  });

  it("works with the keyboard alone; Escape is not a choice", async () => {
    const { context, page } = await visit();
    await choiceButton(page, "accept_all").waitFor();
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute("data-consent-action") ?? null);
    const order: (string | null)[] = [];
    for (let step = 0; step < 3; step++) {
      await page.keyboard.press("Tab");
      order.push(await focused());
    }
    assert.deepEqual(order, ["accept_all", "reject_all", "settings"]);

    await page.keyboard.press("Enter");
    const settings = page.getByRole("dialog", { name: "Cookie settings" });
    await settings.waitFor();
    const analytics = settings.getByRole("switch", { name: "Analytics" });
    const necessary = settings.getByRole("switch", { name: "Necessary (always on)" });
    assert.ok(await necessary.isChecked());
    assert.ok(await necessary.isDisabled());
    assert.equal(await analytics.isChecked(), false, "nothing is pre-ticked");
    assert.ok(
      await analytics.evaluate((input) => input === document.activeElement),
      "focus moves to the first switch",
    );
    assert.deepEqual(await seriousViolations(page), []);
    await page.setViewportSize(viewports.phone);
    await screenshot(page, "consent-settings-phone");

    await page.keyboard.press("Escape");
    await settings.waitFor({ state: "hidden" });
    assert.equal(await focused(), "settings", "focus returns to the Settings button");
    assert.equal((await storedChoice(context)).cookie, undefined, "Escape is not consent");
    assert.deepEqual(await consentCalls(page), [consentDefault]);

    await page.keyboard.press("Enter");
    await settings.waitFor();
    await page.keyboard.press("Space");
    assert.ok(await analytics.isChecked());
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "custom");
    const proof = proofOf(page);
    await page.keyboard.press("Enter");
    assert.deepEqual((await proof).request().postDataJSON().choices, { analytics: true });
    await page.waitForFunction(() => "fakeAnalyticsRuns" in window);
    assert.deepEqual((await storedChoice(context)).parsed?.choices, {
      necessary: true,
      analytics: true,
    });
    await assertNoLayoutShift(page);
  });

  it("speaks the page's language: French, English, and Dutch by default", async () => {
    for (const [lang, accept] of [
      ["fr-BE", "Tout accepter"],
      ["en", "Accept all"],
      ["nl", "Alles accepteren"],
      ["de", "Alles accepteren"],
    ] as const) {
      const { page } = await visit(lang);
      const button = choiceButton(page, "accept_all");
      await button.waitFor();
      assert.equal((await button.textContent())?.trim(), accept, lang);
    }
  });

  it("asks again when the cookie inventory changed or the choice is older than its lifetime", async () => {
    const consentId = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    const cases = [
      { inventoryVersion: "000000000000", daysAgo: 1, asked: true },
      { inventoryVersion: version, daysAgo: 183, asked: true },
      { inventoryVersion: version, daysAgo: 181, asked: false },
    ];
    for (const { inventoryVersion: stored, daysAgo, asked } of cases) {
      const context = await browser.newContext();
      contexts.push(context);
      const value = formatConsentCookie({
        consentId,
        inventoryVersion: stored,
        choices: { analytics: false },
        decidedAt: new Date(Date.now() - daysAgo * 86_400_000),
      });
      // A `_ga` left from before the banner: gone without consent, asked or not.
      await context.addCookies([
        { name: "wits_consent", value, url: server.url },
        { name: "_ga", value: "GA1.1.1.1", url: server.url },
      ]);
      const page = await context.newPage();
      await page.goto(`${server.url}/test/consent-demo`);
      await bannerScriptRan(page);
      if (asked) await choiceButton(page, "reject_all").waitFor();
      else assert.equal(await page.locator("#wits-consent").count(), 0);
      assert.deepEqual(await analyticsCookies(context), []);
    }
  });

  it("embeds on another site with one script tag", async () => {
    const context = await browser.newContext();
    contexts.push(context);
    // Chromium's Local Network Access would block a public site from loading a script from the
    // privacy server on 127.0.0.1; in production both sit on the public internet.
    await context.grantPermissions(["local-network-access"]);
    const page = await context.newPage();
    // Another origin and site than the privacy server, answered inside the browser.
    await page.route("https://shop.example/**", (route) =>
      route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="fr"><head><title>Boutique</title><script src="${server.url}/consent.js" defer></script></head><body><h1>Boutique</h1></body></html>`,
      }),
    );
    await page.goto("https://shop.example/");
    const reject = choiceButton(page, "reject_all");
    await reject.waitFor();
    assert.equal((await reject.textContent())?.trim(), "Tout refuser");
    assert.equal(
      await page.locator("#wits-consent").evaluate((banner) => getComputedStyle(banner).position),
      "fixed",
      "the stylesheet loads across sites",
    );
    await reject.click();
    const stored = await storedChoice(context);
    assert.deepEqual(stored.parsed?.choices, { necessary: true, analytics: false });
    assert.equal(stored.cookie?.domain, "shop.example", "a first-party cookie of the site");
    assert.equal(stored.cookie?.secure, true, "Secure on https");
  });
});

describe("/consent.js and /consent.css", () => {
  let server: RunningServer;
  before(async () => {
    server = await startConsentServer();
  });
  after(async () => {
    await server?.stop();
  });

  it("are cacheable, typed, loadable from other sites, and small", async () => {
    const script = await server.app.inject({ url: "/consent.js" });
    assert.equal(script.statusCode, 200);
    assert.equal(script.headers["content-type"], "text/javascript; charset=utf-8");
    assert.equal(script.headers["cross-origin-resource-policy"], "cross-origin");
    assert.match(String(script.headers["cache-control"]), /max-age=300/);
    const etag = String(script.headers.etag);
    const again = await server.app.inject({
      url: "/consent.js",
      headers: { "if-none-match": etag },
    });
    assert.equal(again.statusCode, 304);
    const versioned = await server.app.inject({ url: `/consent.js?v=${etag.replaceAll('"', "")}` });
    assert.match(String(versioned.headers["cache-control"]), /immutable/);

    const css = await server.app.inject({ url: "/consent.css" });
    assert.equal(css.statusCode, 200);
    assert.equal(css.headers["content-type"], "text/css; charset=utf-8");
    assert.equal(css.headers["cross-origin-resource-policy"], "cross-origin");
    const cssVersion = String(css.headers.etag).replaceAll('"', "");
    assert.ok(
      script.body.includes(`consent.css?v=${cssVersion}`) || script.body.includes(cssVersion),
    );

    const gzipped = gzipSync(script.body).length + gzipSync(css.body).length;
    assert.ok(gzipped <= 5120, `consent.js + consent.css are ${gzipped} bytes gzipped`);
  });
});
