import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { RunningServer } from "../../src/main.ts";
import { checkPage, hasChromium, launchChromium, viewports } from "../helpers/browser.ts";
import { enrolStaffInBrowser } from "../helpers/browser-staff.ts";
import { startTestServer } from "../helpers/server.ts";

describe("the campaign pages in a real browser", {
  skip: !hasChromium && "no chromium",
  timeout: 180_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ locale: "nl-BE", viewport: viewports.phone });
    page = await context.newPage();
    await enrolStaffInBrowser(page, server, {
      email: "nina.privacy@wits.be",
      displayName: "Nina",
      role: "privacy",
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const check = (name: string) => checkPage(page, "newsletter-campaign", name);

  it("writes, previews and schedules a campaign with no serious accessibility finding", async () => {
    await page.goto(`${server.url}/admin/newsletter/campaigns`);
    await check("list-empty");
    await page.getByRole("link", { name: "Nieuwe campagne" }).click();
    await page.waitForURL(/\/campaigns\/new$/);
    await check("new");
    await page.getByLabel("Onderwerp van de mail").fill("Nieuws voor {{name}}");
    await page
      .getByLabel("Tekst (Markdown)")
      .fill("Dag {{name}},\n\n**Nieuw**: back-ups. <script>alert(1)</script>");
    await page.getByLabel("Nieuws over WITS").check();
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.waitForURL(/\?done=created$/);
    await page.getByRole("heading", { name: "Voorbeeld" }).waitFor();
    assert.match(
      (await page.locator(".campaign-preview").textContent()) ?? "",
      /<script>alert\(1\)<\/script>/,
      "raw HTML shows as text",
    );
    await check("draft");

    await page.getByLabel(/Versturen op/).fill("2030-01-01T09:00");
    await page.getByRole("button", { name: "Opslaan en inplannen" }).click();
    await page.waitForURL(/\?done=scheduled$/);
    await check("scheduled");
    await page.goto(`${server.url}/admin/newsletter/campaigns`);
    await check("list");
  });
});
