import assert from "node:assert/strict";
import { after, before, describe, it, type TestContext } from "node:test";
import type { Browser, BrowserContext } from "playwright-core";
import type { RunningServer } from "../../src/main.ts";
import { chromiumPath, hasChromium, launchChromium, viewports } from "../helpers/browser.ts";
import { enrolStaffInBrowser } from "../helpers/browser-staff.ts";
import { startE2eServer } from "../helpers/e2e-server.ts";
import { type Audience, auditPage, contentTypeOf, pageRoutes } from "../helpers/page-audit.ts";

const noChromium = `no chromium at ${chromiumPath} (apt-get install chromium)`;
if (!hasChromium) process.stdout.write(`every-page browser test skipped: ${noChromium}\n`);

describe("every page in the route catalogue: no serious axe finding at phone and desktop width", {
  skip: !hasChromium && noChromium,
  timeout: 300_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    // One browser opens every page within a minute or two, probing each first: far more than
    // one visitor does, so the per-address limit (tested elsewhere) must not turn pages into 429s.
    server = await startE2eServer({ env: { RATE_LIMIT_PER_MINUTE: "5000" } });
    browser = await launchChromium();
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  async function browse(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: "nl-BE", viewport: viewports.phone });
    contexts.push(context);
    return context;
  }

  /** One subtest per route; a route that answers something other than HTML is skipped, named. */
  async function auditAll(t: TestContext, context: BrowserContext, audience: Audience) {
    const page = context.pages()[0] ?? (await context.newPage());
    let pages = 0;
    for (const path of pageRoutes(server.app, audience)) {
      await t.test(path, async (sub) => {
        const type = await contentTypeOf(context, `${server.url}${path}`);
        if (!type.startsWith("text/html")) return sub.skip(`not a page: ${type}`);
        pages += 1;
        await auditPage(page, `${server.url}${path}`, path);
        if (audience === "admin" && !path.startsWith("/admin/login")) {
          assert.doesNotMatch(page.url(), /\/admin\/login/, `${path} is open to a signed-in admin`);
        }
      });
    }
    return pages;
  }

  it("public pages, as an anonymous visitor", async (t) => {
    const pages = await auditAll(t, await browse(), "anonymous");
    assert.ok(pages >= 10, `only ${pages} public pages were found`);
  });

  it("back-office pages, as an admin signed in with a second factor", async (t) => {
    const context = await browse();
    await enrolStaffInBrowser(await context.newPage(), server, {
      email: "axe.admin@wits.be",
      displayName: "Axel",
      role: "admin",
    });
    const pages = await auditAll(t, context, "admin");
    assert.ok(pages >= 20, `only ${pages} back-office pages were found`);
  });
});
