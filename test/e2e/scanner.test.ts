import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { systemClock } from "../../src/core/clock.ts";
import { queryRows } from "../../src/core/db/database.ts";
import type { RunningServer } from "../../src/main.ts";
import { runStoredScan } from "../../src/modules/scanner/index.ts";
import { loadActivePolicy } from "../../src/policy/index.ts";
import { createDataMap } from "../../src/record-types.ts";
import { checkPage, hasChromium, launchChromium, viewports } from "../helpers/browser.ts";
import { enrolStaffInBrowser } from "../helpers/browser-staff.ts";
import { startTestServer } from "../helpers/server.ts";

/** The human check refuses a form sent within 3 seconds of showing it. */
const readingTime = 3_100;

function nationalNumber(first9: string): string {
  const check = String(97 - (Number(first9) % 97)).padStart(2, "0");
  return `${first9.slice(0, 2)}.${first9.slice(2, 4)}.${first9.slice(4, 6)}-${first9.slice(6)}.${check}`;
}

describe("sensitive data from a phone's contact form to the privacy officer's decision", {
  skip: !hasChromium && "no chromium",
  timeout: 300_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let staffContext: BrowserContext;
  let visitor: Page;
  let officer: Page;

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

  const sendContactForm = async (message: string) => {
    await visitor.goto(`${server.url}/contact`);
    await visitor.getByLabel("Naam").fill("Lotte Peeters");
    await visitor.getByLabel("E-mailadres").fill(`lotte.${Date.now()}@voorbeeld.be`);
    await visitor.getByLabel("Onderwerp").fill("Laptop");
    await visitor.getByLabel("Bericht").fill(message);
    await visitor.waitForTimeout(readingTime);
    await visitor.getByRole("button", { name: "Versturen" }).click();
    await visitor.waitForURL(/\/contact\/sent\?/);
  };

  it("tells the visitor what was removed, and stores the message without it", async () => {
    const number = nationalNumber("790412105");
    await sendContactForm(`Mijn rijksregisternummer is ${number}. Mijn laptop start niet op.`);
    const notice = await visitor.getByRole("region", { name: "Over je bericht" }).textContent();
    assert.match(notice ?? "", /We hebben uit je bericht verwijderd: rijksregisternummer/);
    await checkPage(visitor, "scanner", "contact-sent-redacted");
    const rows = await queryRows<{ message_ciphertext: string }>(
      server.database.db,
      sql`select message_ciphertext from contact_requests`,
    );
    assert.ok(rows.every((row) => !row.message_ciphertext.includes(number)));
  });

  it("holds a message about health for the officer, who releases it as a false positive", async () => {
    await sendContactForm(
      "Door mijn epilepsie mag ik niet lang naar een scherm kijken. Kan de helderheid omlaag?",
    );
    const notice = await visitor.getByRole("region", { name: "Over je bericht" }).textContent();
    assert.match(notice ?? "", /Alleen onze privacyverantwoordelijke bekijkt het/);

    await officer.goto(`${server.url}/admin/quarantine`);
    await checkPage(officer, "scanner", "quarantine-list");
    await officer
      .getByRole("link", { name: /contactaanvraag|bekijken/i })
      .first()
      .click();
    await officer.waitForURL(/\/admin\/quarantine\/[0-9a-f-]{36}$/);
    assert.equal(await officer.locator("mark").first().textContent(), "epilepsie");
    await checkPage(officer, "scanner", "quarantine-detail");
    await officer.getByRole("button", { name: "Vals alarm — vrijgeven" }).click();
    await officer.waitForURL(/done=released/);
    assert.match((await officer.textContent("main")) ?? "", /Vrijgegeven/);
    const [held] = await queryRows<{ status: string }>(
      server.database.db,
      sql`select status from record_quarantines order by held_at desc limit 1`,
    );
    assert.equal(held?.status, "released");
  });

  it("shows the scan of stored data with its progress and report", async () => {
    await officer.goto(`${server.url}/admin/quarantine#scan`);
    await officer.getByRole("button", { name: "Scan starten" }).click();
    await officer.waitForURL(/done=scan/);
    await officer.getByRole("link", { name: /Volg de voortgang/ }).click();
    // Jobs are off in browser tests: the job's work runs here, as the scheduler would run it.
    const { policy } = await loadActivePolicy(undefined);
    await runStoredScan({
      db: server.database.db,
      clock: systemClock,
      vault: server.vault,
      dataMap: createDataMap(() => policy),
      policy: () => policy,
    });
    const scanned = await officer
      .waitForFunction(
        () => document.body.textContent?.includes("Laatste scan: klaar"),
        undefined,
        { timeout: 30_000 },
      )
      .catch(async () => {
        throw new Error((await officer.textContent("main")) ?? "");
      });
    assert.ok(scanned);
    assert.equal(
      await officer.locator("progress").getAttribute("value"),
      await officer.locator("progress").getAttribute("max"),
    );
    await officer.goto(`${server.url}/admin/quarantine#scan`);
    await checkPage(officer, "scanner", "quarantine-scan-report");
  });
});
