import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { systemClock } from "../../src/core/clock.ts";
import type { RunningServer } from "../../src/main.ts";
import { createStaffAccount, totpCodeAt } from "../../src/modules/staff/index.ts";
import { checkPage, hasChromium, launchChromium, viewports } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const password = "een lange zin als wachtwoord";

describe("the back office in a real browser", {
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
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const check = (name: string) => checkPage(page, "admin", name);

  it("a new admin sets up the account with a second factor and signs in again", async () => {
    const { setupToken } = await createStaffAccount(
      { db: server.database.db, clock: systemClock },
      { email: "eva.admin@wits.be", displayName: "Eva", role: "admin" },
    );
    await page.goto(`${server.url}/admin/setup/${setupToken}`);
    await check("setup");
    await page.getByLabel("Nieuw wachtwoord").fill(password);
    await page.getByLabel("Herhaal het wachtwoord").fill(password);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();

    await page.waitForURL(/\/admin\/enrol$/);
    await check("enrol");
    const secret = (await page.locator("figcaption code").textContent())?.replaceAll(" ", "") ?? "";
    await page.getByLabel("Code").fill(totpCodeAt(secret, new Date()));
    await page.getByRole("button", { name: "Activeren" }).click();
    await page.getByRole("heading", { name: "Je herstelcodes" }).waitFor();
    assert.equal(await page.locator(".recovery-codes li").count(), 10);
    await page.getByRole("link", { name: "Ik heb ze bewaard" }).click();
    await page.getByRole("heading", { name: "Welkom, Eva" }).waitFor();
    await check("dashboard");

    await page.getByRole("button", { name: "Afmelden" }).click();
    await page.waitForURL(/\/admin\/login$/);
    await check("login");
    await page.getByLabel("E-mailadres").fill("eva.admin@wits.be");
    await page.getByLabel("Wachtwoord").fill(password);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.waitForURL(/\/admin\/login\/code\?next=%2Fadmin$/);
    await check("code");
    // The code of the next 30-second step: the current one was used to enrol, and a step counts once.
    await page.getByLabel("Code").fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.getByRole("heading", { name: "Welkom, Eva" }).waitFor();
  });

  it("the staff, account, audit and record pages are usable on a phone", async () => {
    for (const [name, url] of [
      ["staff", "/admin/staff"],
      ["account", "/admin/account"],
      ["audit", "/admin/audit"],
      ["record", "/admin/record"],
      ["policy", "/admin/policy"],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      assert.equal(new URL(page.url()).pathname, url, `${name} is reachable when signed in`);
      await check(name);
    }
    await page.goto(`${server.url}/admin/audit`);
    assert.match((await page.textContent("table")) ?? "", /staff\.login/);
  });

  it("an order taken on the phone: entry, exact totals and invoice, usable on a phone", async () => {
    await page.goto(`${server.url}/admin/orders/new`);
    await check("order-new");
    await page.getByLabel("E-mailadres").fill("ilse@bakkerij.be");
    await page.getByLabel("Naam", { exact: true }).fill("Ilse Claes");
    await page.getByLabel("Straat en nummer").fill("Kerkstraat 1");
    await page.getByLabel("Postcode").fill("9000");
    await page.getByLabel("Gemeente").fill("Gent");
    await page.locator('[name="lines.0.description"]').fill("Installatie (uur)");
    await page.locator('[name="lines.0.quantity"]').fill("1,5");
    await page.locator('[name="lines.0.unitPrice"]').fill("60");
    await page.getByRole("button", { name: "Bestelling bewaren" }).click();
    await page.waitForURL(/\/admin\/orders\/[0-9a-f-]{36}\?done=created$/);
    assert.match((await page.textContent("main")) ?? "", /108,90/, "90.00 + 21 % VAT");
    await page.getByRole("button", { name: "Afronden en factureren" }).click();
    await page.waitForURL(/\?done=completed$/);
    await page.getByText(/^Factuur \d{4}-\d{6}$/).waitFor();
    await check("order");
    await page.goto(`${server.url}/admin/orders`);
    await check("orders");
  });

  it("a customer with an agreement: the customer page and list pass axe and fit a phone", async () => {
    await page.goto(`${server.url}/admin/customers/new`);
    await check("customer-new");
    await page.locator('[name="companyName"]').fill("Garage Maes BV");
    await page.locator('[name="email"]').fill("pieter@garage-maes.be");
    await page.locator('[name="name"]').fill("Pieter Maes");
    await page.locator('[name="service"]').fill("Beheerd netwerk");
    await page.locator('[name="kind"][value="company"]').check();
    await page.locator('form button[type="submit"]').last().click();
    await page.waitForURL(/\/admin\/customers\/[0-9a-f-]{36}/);
    assert.match((await page.textContent("main")) ?? "", /Beheerd netwerk/);
    await check("customer");
    await page.goto(`${server.url}/admin/customers`);
    await check("customers");
  });
});
