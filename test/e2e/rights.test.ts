import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { queryRows } from "../../src/core/db/database.ts";
import type { RunningServer } from "../../src/main.ts";
import { isErased } from "../../src/vault/index.ts";
import { checkPage, hasChromium, launchChromium, viewports } from "../helpers/browser.ts";
import { enrolStaffInBrowser } from "../helpers/browser-staff.ts";
import { mailsOf } from "../helpers/outbox.ts";
import { startTestServer } from "../helpers/server.ts";

const email = "els.wouters@voorbeeld.be";
/** A 1×1 PNG: the ID copy the person uploads. */
const idPhoto = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
/** The human check refuses a form sent within 3 seconds of showing it. */
const readingTime = 3_100;

describe("a rights request from form to reply letter, in a real browser", {
  skip: !hasChromium && "no chromium",
  timeout: 300_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let staffContext: BrowserContext;
  let visitor: Page;
  let staff: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    visitorContext = await browser.newContext({ locale: "nl-BE", viewport: viewports.phone });
    staffContext = await browser.newContext({ locale: "nl-BE", viewport: viewports.phone });
    visitor = await visitorContext.newPage();
    staff = await staffContext.newPage();
    await enrolStaffInBrowser(staff, server, {
      email: "pieter.privacy@wits.be",
      displayName: "Pieter",
      role: "admin",
    });
  });
  after(async () => {
    await visitorContext?.close();
    await staffContext?.close();
    await browser?.close();
    await server?.stop();
  });

  const db = () => server.database.db;
  const lastMail = async (to: string, purpose: string) => {
    const mail = (await mailsOf(server, purpose, to)).at(-1);
    assert.ok(mail, `a ${purpose} mail to the person`);
    return mail.textBody;
  };
  const linkIn = (text: string, path: string) => {
    const link = new RegExp(`https?://[^\\s]+${path}[^\\s]*`).exec(text)?.[0];
    assert.ok(link, `a ${path} link in the mail`);
    // The mail names the public URL; the browser talks to the test server.
    const url = new URL(link);
    return `${server.url}${url.pathname}${url.search}`;
  };
  const subjectRows = async (table: string) =>
    queryRows<{ id: string }>(
      db(),
      sql`select id::text as id from ${sql.identifier(table)} where subject_id is not null`,
    );

  it("subscribes, writes, orders, then asks erasure and access: kept what the law needs, nothing else", async () => {
    // The person's history: a newsletter subscription, a contact request, a completed order.
    await visitor.goto(`${server.url}/newsletter`);
    await visitor.locator('[name="name"]').fill("Els");
    await visitor.locator('[name="email"]').fill(email);
    await visitor.locator('[name="topics"]').first().check();
    await visitor.waitForTimeout(readingTime);
    await visitor.getByRole("button", { name: "Inschrijven" }).click();
    await visitor.goto(linkIn(await lastMail(email, "newsletter.confirm"), "/newsletter/confirm"));
    await visitor.getByRole("button", { name: "Mijn inschrijving bevestigen" }).click();
    await visitor.getByRole("heading", { name: "Je bent ingeschreven" }).waitFor();

    await visitor.goto(`${server.url}/contact`);
    await visitor.getByLabel("Naam").fill("Els Wouters");
    await visitor.getByLabel("E-mailadres").fill(email);
    await visitor.getByLabel("Onderwerp").fill("Herstelling");
    await visitor.getByLabel("Bericht").fill("Kunnen jullie mijn laptop nakijken?");
    await visitor.waitForTimeout(readingTime);
    await visitor.getByRole("button", { name: "Versturen" }).click();
    await visitor.waitForURL(/\/contact\/sent\?/).catch(async (error) => {
      throw new Error(`${error}: ${await visitor.textContent("main")}`);
    });

    await staff.goto(`${server.url}/admin/orders/new`);
    await staff.getByLabel("E-mailadres").fill(email);
    await staff.getByLabel("Naam", { exact: true }).fill("Els Wouters");
    await staff.getByLabel("Straat en nummer").fill("Kerkstraat 1");
    await staff.getByLabel("Postcode").fill("9000");
    await staff.getByLabel("Gemeente").fill("Gent");
    await staff.locator('[name="lines.0.description"]').fill("Herstelling laptop");
    await staff.locator('[name="lines.0.quantity"]').fill("1");
    await staff.locator('[name="lines.0.unitPrice"]').fill("80");
    await staff.getByRole("button", { name: "Bestelling bewaren" }).click();
    await staff.waitForURL(/\?done=created$/);
    await staff.getByRole("button", { name: "Afronden en factureren" }).click();
    await staff.waitForURL(/\?done=completed$/);

    const [contactBefore] = await queryRows<{ id: string; subject_id: string; email: string }>(
      db(),
      sql`select id::text, subject_id::text, email_ciphertext as email from contact_requests`,
    );
    assert.ok(contactBefore, "the contact request is stored");

    // The request, as the person makes it.
    await visitor.goto(`${server.url}/privacy/request`);
    await checkPage(visitor, "rights", "form");
    await visitor.getByLabel("verwijdering").check();
    await visitor.getByLabel("inzage").check();
    await visitor.locator("#portal-email").fill(email);
    await visitor.waitForTimeout(readingTime);
    await visitor.getByRole("button", { name: "Verzoek versturen" }).click();
    await visitor.getByRole("heading", { name: "Kijk in je mailbox" }).waitFor();
    await checkPage(visitor, "rights", "check-mail");

    await visitor.goto(linkIn(await lastMail(email, "rights.confirm"), "/privacy/request/confirm"));
    await checkPage(visitor, "rights", "confirm");
    await visitor.getByRole("button", { name: "Ja, ik diende dit verzoek in" }).click();
    await visitor.getByRole("heading", { name: /^Je verzoek R-/ }).waitFor();
    const statusUrl = visitor.url();
    await checkPage(visitor, "rights", "status-id-needed");
    await visitor.getByLabel("Foto of scan van de voorzijde").setInputFiles({
      name: "identiteitskaart.png",
      mimeType: "image/png",
      buffer: idPhoto,
    });
    await visitor.getByRole("button", { name: "Kopie opladen" }).click();
    await visitor.getByText("Opgeladen op").waitFor();
    await checkPage(visitor, "rights", "status-id-uploaded");

    // The privacy officer: the queue, the identity, the execution, the letter.
    await staff.goto(`${server.url}/admin/rights/new`);
    await checkPage(staff, "rights", "staff-entry");
    await staff.goto(`${server.url}/admin/rights`);
    await checkPage(staff, "rights", "queue");
    await staff.getByRole("link", { name: /^R-/ }).first().click();
    await staff.waitForURL(/\/admin\/rights\/[0-9a-f-]{36}/);
    const requestUrl = staff.url();
    await checkPage(staff, "rights", "request-identity");
    assert.equal(
      await staff
        .locator('img[src$="/id-copy"]')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
      1,
      "the ID copy shows to the officer",
    );
    await staff.getByLabel("kopie van het identiteitsbewijs gecontroleerd").check();
    await staff
      .getByRole("button", { name: /identiteit/i })
      .first()
      .click();
    await staff.getByText("De identiteit is gecontroleerd").waitFor();
    const copies = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from rights_id_copies`,
    );
    assert.equal(copies[0]?.n, 0, "the ID copy is destroyed once the decision is recorded");

    await executeAccess(staff, requestUrl);
    // The person downloads the package before the erasure takes it away with everything else.
    await visitor.goto(linkIn(await lastMail(email, "rights.export_ready"), "/privacy/export/"));
    await checkPage(visitor, "rights", "package");
    const form = visitor.locator('form[action$="/package.zip"]');
    const action = (await form.getAttribute("action")) ?? "";
    const token = (await form.locator('[name="token"]').getAttribute("value")) ?? "";
    const zip = await visitor.request.get(`${server.url}${action}?token=${token}`);
    assert.equal((await zip.body()).subarray(0, 2).toString(), "PK", "the package is a ZIP file");
    await eraseAndAnswer(staff, requestUrl);

    // What is left.
    assert.deepEqual(await subjectRows("newsletter_subscribers"), [], "newsletter data gone");
    assert.deepEqual(await subjectRows("contact_requests"), [], "contact data gone");
    const contactMails = await mailsOf(server, "contact.confirmation");
    assert.equal(contactMails.length, 1, "the contact form's confirmation was queued");
    assert.deepEqual(
      contactMails.map((mail) => ({ erased: mail.erased, to: mail.toAddress })),
      [{ erased: true, to: "" }],
      "its sealed copy in the outbox no longer opens",
    );
    const erasedEmail = await server.vault.decryptField(db(), {
      subjectId: contactBefore.subject_id,
      purpose: "contact",
      table: "contact_requests",
      column: "email_ciphertext",
      recordId: contactBefore.id,
      ciphertext: contactBefore.email,
    });
    assert.ok(isErased(erasedEmail), "a copy of the old ciphertext can no longer be read");
    assert.equal((await subjectRows("orders")).length, 1, "the order is kept");
    const restrictions = await queryRows<{ kind: string; kept_for: string | null }>(
      db(),
      sql`select kind, "except" as kept_for from processing_restrictions where purpose = 'orders'`,
    );
    assert.deepEqual(restrictions, [{ kind: "restriction", kept_for: "legal_obligation" }]);
    const destroyed = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'rights.id_copy_destroyed'`,
    );
    assert.equal(destroyed[0]?.n, 1, "the destruction is in the audit log");

    // The person reads the answer.
    await visitor.goto(statusUrl);
    await visitor.getByRole("heading", { name: "Ons antwoord" }).waitFor();
    const answer = (await visitor.textContent("main")) ?? "";
    const keptUntil = new Date().getUTCFullYear() + 7;
    assert.match(
      answer,
      new RegExp(
        `Bewaard: bestelling \\(1\\); factuur of creditnota \\(1\\)\\. De wet verplicht ons deze gegevens te bewaren tot \\d+ \\S+ ${keptUntil} \\(Belgisch Wetboek`,
      ),
      "the letter keeps the order 7 years, with the law that says so",
    );
    assert.match(answer, /Gegevensbeschermingsautoriteit/);
    await checkPage(visitor, "rights", "status-answered");
  });
});

/** The privacy officer reads the plan and runs the access step. */
async function executeAccess(staff: Page, requestUrl: string): Promise<void> {
  await staff.goto(requestUrl);
  await staff.getByRole("heading", { name: "Uitvoering" }).waitFor();
  await checkPage(staff, "rights", "request-plan");
  const plan = (await staff.textContent("main")) ?? "";
  assert.match(plan, /BTW-Wetboek/, "the plan shows the order is kept under the legal obligation");
  await staff.getByRole("button", { name: /^inzage uitvoeren$/i }).click();
  await staff.getByText(/Pakket gemaakt, link geldig tot/).waitFor();
}

/** Then the erasure, and the reply letter goes out. */
async function eraseAndAnswer(staff: Page, requestUrl: string): Promise<void> {
  await staff.goto(requestUrl);
  await staff.getByRole("button", { name: /^verwijdering uitvoeren$/i }).click();
  await staff
    .getByText(/verwijderd/)
    .first()
    .waitFor();
  await checkPage(staff, "rights", "request-executed");
  await staff.getByRole("button", { name: "Antwoord versturen" }).click();
  await staff.getByText(/Beantwoord op/).waitFor();
  await checkPage(staff, "rights", "request-answered");
}
