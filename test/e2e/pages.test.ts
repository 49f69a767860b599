import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import type { RunningServer } from "../../src/main.ts";
import {
  chromiumPath,
  hasChromium,
  launchChromium,
  screenshot,
  seriousViolations,
  viewports,
} from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const pages = [
  { name: "home-nl", url: "/", locale: "nl-BE", lang: "nl" },
  { name: "home-fr", url: "/?lang=fr", locale: "nl-BE", lang: "fr" },
  { name: "not-found-en", url: "/nowhere", locale: "en-GB", lang: "en" },
  { name: "privacy-nl", url: "/privacy", locale: "nl-BE", lang: "nl" },
  { name: "privacy-email-fr", url: "/privacy?contact=show", locale: "fr-BE", lang: "fr" },
  { name: "cookies-en", url: "/cookies", locale: "en-GB", lang: "en" },
  { name: "versions-nl", url: "/privacy/versions", locale: "nl-BE", lang: "nl" },
  { name: "contact-nl", url: "/contact", locale: "nl-BE", lang: "nl" },
  {
    name: "contact-sent-en",
    url: "/contact/sent?ref=C-7K3Q9X&lang=en",
    locale: "en-GB",
    lang: "en",
  },
  { name: "newsletter-nl", url: "/newsletter", locale: "nl-BE", lang: "nl" },
  { name: "support-connect-nl", url: "/support/connect", locale: "nl-BE", lang: "nl" },
  { name: "newsletter-check-fr", url: "/newsletter/check-your-mail", locale: "fr-BE", lang: "fr" },
  { name: "security-nl", url: "/security", locale: "nl-BE", lang: "nl" },
  {
    name: "contact-sent-removed-nl",
    url: "/contact/sent?ref=C-7K3Q9X&removed=national_number,credential&held=held&hours=24",
    locale: "nl-BE",
    lang: "nl",
  },
];

if (!hasChromium) {
  process.stdout.write(
    `# browser tests skipped: no chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)\n`,
  );
}

describe("public pages in a real browser", {
  skip: !hasChromium && "no chromium",
  timeout: 120_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const { name, url, locale, lang } of pages) {
    for (const [width, viewport] of Object.entries(viewports)) {
      it(`${name} at ${width} width: no serious axe finding, no sideways scrolling`, async () => {
        // axe runs as a script in the page; the pages themselves ship none (checked below).
        const context = await browser.newContext({ viewport, locale });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on("console", (message) => {
          if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
        });
        page.on("response", (response) => {
          const isDocument = response.request().resourceType() === "document";
          if (!isDocument && response.status() >= 400) {
            problems.push(`${response.status()} ${response.url()}`);
          }
        });
        await page.goto(`${server.url}${url}`);
        assert.equal(await page.getAttribute("html", "lang"), lang);
        assert.deepEqual(await seriousViolations(page), []);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
        assert.deepEqual(
          problems,
          [],
          "every stylesheet and icon loads, none is blocked by the CSP",
        );
        assert.equal(await page.locator("script").count(), 0, "the page works without JavaScript");
        await screenshot(page, `${name}-${width}`);
        await context.close();
      });
    }
  }

  it("keeps the chosen language while navigating, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "nl-BE" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    assert.equal(await page.getAttribute("html", "lang"), "nl");
    await page.getByRole("link", { name: "English" }).click();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.goto(`${server.url}/nowhere`);
    assert.match((await page.textContent("main")) ?? "", /This page does not exist/);
    await context.close();
  });
});
