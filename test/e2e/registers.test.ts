import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { queryRows } from "../../src/core/db/database.ts";
import type { RunningServer } from "../../src/main.ts";
import { checkPage, hasChromium, launchChromium, viewports } from "../helpers/browser.ts";
import { enrolStaffInBrowser } from "../helpers/browser-staff.ts";
import { startTestServer } from "../helpers/server.ts";

/** The human check refuses a form sent within 3 seconds of showing it. */
const readingTime = 3_100;

describe("the registers from a phone: a misuse report, a breach, a disclosure, the processors", {
  skip: !hasChromium && "no chromium",
  timeout: 300_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let staffContext: BrowserContext;
  let visitor: Page;
  let officer: Page;
  const reporterEmail = `an.${Date.now()}@voorbeeld.be`;

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    visitorContext = await browser.newContext({ locale: "nl-BE", viewport: viewports.phone });
    staffContext = await browser.newContext({ locale: "nl-BE", viewport: viewports.phone });
    visitor = await visitorContext.newPage();
    officer = await staffContext.newPage();
    await enrolStaffInBrowser(officer, server, {
      email: "petra.privacy@wits.be",
      displayName: "Petra",
      role: "privacy",
    });
  });
  after(async () => {
    await visitorContext?.close();
    await staffContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it("takes a misuse report on /security without JavaScript's help", async () => {
    await visitor.goto(`${server.url}/security`);
    await checkPage(visitor, "registers", "security");
    await visitor
      .getByLabel("Wat zag je, waar en wanneer?")
      .fill("Ik kreeg gisteren een factuur van iemand anders in mijn mailbox.");
    await visitor.getByLabel("E-mailadres").fill(reporterEmail);
    await visitor.waitForTimeout(readingTime);
    await visitor.getByRole("button", { name: "Melding versturen" }).click();
    await visitor.getByRole("heading", { name: "Bedankt voor je melding" }).waitFor();
    await checkPage(visitor, "registers", "security-sent");
  });

  it("lets the officer treat the report as a breach, with its 72-hour clock", async () => {
    await officer.goto(`${server.url}/admin/breaches`);
    assert.match((await officer.textContent("main")) ?? "", /Meldingen te beoordelen/);
    await checkPage(officer, "registers", "breaches-list");
    await officer.locator("main table a").first().click();
    await officer.waitForURL(/\/admin\/breaches\/[0-9a-f-]{36}$/);
    await checkPage(officer, "registers", "breach-triage");
    await officer.getByRole("button", { name: "Behandelen als datalek" }).click();
    await officer.waitForURL(/\/admin\/breaches\/[0-9a-f-]{36}/);
    assert.match((await officer.textContent("main")) ?? "", /nog 7[12] uur om te melden/);
    await checkPage(officer, "registers", "breach-open");
    const [row] = await queryRows<{ status: string }>(
      server.database.db,
      sql`select status from breaches`,
    );
    assert.equal(row?.status, "open");
  });

  it("registers a police request for the reporter and lists it", async () => {
    await officer.goto(`${server.url}/admin/disclosures/new`);
    await officer.getByLabel("Verzoekende instantie").fill("Federale politie, zone Gent");
    await officer.getByLabel("Rechtsgrond").fill("art. 46bis Wetboek van strafvordering");
    await officer.getByLabel("Referentie van de instantie").fill("GE.12.LB.004512/2026");
    await officer.getByLabel("Verstrekte gegevens").fill("naam, e-mailadres, IP-adressen");
    await officer.getByLabel("Betrokken personen").fill(reporterEmail);
    await checkPage(officer, "registers", "disclosure-new");
    await officer.getByRole("button", { name: "Verstrekking registreren" }).click();
    await officer.waitForURL(/\/admin\/disclosures\/[0-9a-f-]{36}/);
    await checkPage(officer, "registers", "disclosure-detail");
    await officer.goto(`${server.url}/admin/disclosures`);
    assert.match((await officer.textContent("main")) ?? "", /Federale politie, zone Gent/);
    await checkPage(officer, "registers", "disclosures-list");
  });

  it("shows the processors register and takes a signed contract as a PDF", async () => {
    await officer.goto(`${server.url}/admin/processors`);
    await checkPage(officer, "registers", "processors-list");
    await officer.locator("main table a").first().click();
    await officer.waitForURL(/\/admin\/processors\/[^/]+$/);
    await officer.getByLabel(/PDF-bestand/).setInputFiles({
      name: "verwerkersovereenkomst.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    });
    await officer.getByRole("button", { name: "Opladen" }).click();
    await officer.getByText(/Huidig document: verwerkersovereenkomst\.pdf/).waitFor();
    await checkPage(officer, "registers", "processor-detail");
  });
});
