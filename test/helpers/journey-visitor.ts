import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import type { BrowserContext, Page } from "playwright-core";
import type { RunningServer } from "../../src/main.ts";
import { consentRecords, parseConsentCookie } from "../../src/modules/consent/index.ts";
import { demoShopPath } from "./demo-shop.ts";
import { mailedLink } from "./outbox-link.ts";

/** The running server, and the check every page of the journey goes through. */
export interface Journey {
  server: RunningServer;
  check(page: Page, step: string): Promise<void>;
}

export interface Person {
  name: string;
  email: string;
}

/** The human check refuses a form sent within 3 seconds of showing it. */
const readingTime = 3_100;

/** Waits out what is left of the reading time since the form was shown, not a fixed 3 s more. */
async function readForm(page: Page, shownAt: number): Promise<void> {
  const left = shownAt + readingTime - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

/** Sends the contact form; returns the reference the confirmation page shows. */
export async function sendContactForm(j: Journey, page: Page, person: Person): Promise<string> {
  await page.goto(`${j.server.url}/contact`);
  const shownAt = Date.now();
  await page.getByLabel("Naam").fill(person.name);
  await page.getByLabel("E-mailadres").fill(person.email);
  await page.getByLabel("Onderwerp").fill("Offerte netwerk");
  await page.getByLabel("Bericht").fill("Kunnen jullie ons kantoornetwerk nakijken?");
  await j.check(page, "contact-form");
  await readForm(page, shownAt);
  await page.getByRole("button", { name: "Versturen" }).click();
  await page.waitForURL(/\/contact\/sent\?/);
  await page.getByRole("heading", { name: "Bericht ontvangen" }).waitFor();
  await j.check(page, "contact-sent");
  const reference = /C-[2-9A-Z]{6}/.exec((await page.textContent("main")) ?? "")?.[0];
  assert.ok(reference, "the confirmation shows a reference");
  return reference;
}

/** Subscribes, then opens the double opt-in link from the mail and confirms. */
export async function subscribeToNewsletter(j: Journey, page: Page, person: Person): Promise<void> {
  await page.goto(`${j.server.url}/newsletter`);
  const shownAt = Date.now();
  await page.locator('[name="name"]').fill(person.name);
  await page.locator('[name="email"]').fill(person.email);
  await page.locator('[name="topics"]').first().check();
  await j.check(page, "newsletter-form");
  await readForm(page, shownAt);
  await page.getByRole("button", { name: "Inschrijven" }).click();
  await page.getByRole("heading", { name: "Kijk in je mailbox" }).waitFor();
  await j.check(page, "newsletter-check-mail");

  const link = { to: person.email, purpose: "newsletter.confirm", path: "/newsletter/confirm" };
  await page.goto(await mailedLink(j.server, link));
  await j.check(page, "newsletter-confirm");
  await page.getByRole("button", { name: "Mijn inschrijving bevestigen" }).click();
  await page.getByRole("heading", { name: "Je bent ingeschreven" }).waitFor();
  await j.check(page, "newsletter-confirmed");
}

const consentProof = (page: Page) =>
  page.waitForResponse(
    (response) => response.url().endsWith("/api/consent") && response.request().method() === "POST",
  );

async function consentCookies(context: BrowserContext) {
  const cookies = await context.cookies();
  const choice = cookies.find((cookie) => cookie.name === "wits_consent");
  return {
    choices: parseConsentCookie(choice?.value)?.choices,
    consentId: parseConsentCookie(choice?.value)?.consentId,
    analytics: cookies.map((cookie) => cookie.name).filter((name) => name.startsWith("_ga")),
  };
}

/**
 * On a company page with the banner: Accept all lets analytics set its cookies; Reject all in
 * the reopened settings removes them again. Both choices are proven in the database.
 */
export async function acceptThenRejectCookies(j: Journey, page: Page): Promise<void> {
  await page.goto(`${j.server.url}${demoShopPath}`);
  const acceptAll = page
    .locator('#wits-consent [data-consent-action="accept_all"]')
    .filter({ visible: true });
  await acceptAll.waitFor();
  await j.check(page, "cookie-banner");
  const accepted = consentProof(page);
  await acceptAll.click();
  assert.equal((await accepted).status(), 201, "the choice is proven");
  await page.waitForFunction(() => "fakeAnalyticsRuns" in window);
  const afterAccept = await consentCookies(page.context());
  assert.deepEqual(afterAccept.choices, { necessary: true, analytics: true });
  assert.deepEqual(afterAccept.analytics.sort(), ["_ga", "_ga_TEST123"]);

  await page.getByRole("link", { name: "Cookie-instellingen" }).click();
  const settings = page.getByRole("dialog", { name: "Cookie-instellingen" });
  await settings.waitFor();
  await j.check(page, "cookie-settings");
  const rejected = consentProof(page);
  // Analytics already ran and cannot be unloaded: the page reloads without it.
  const reloaded = page.waitForEvent("load");
  await settings.locator('[data-consent-action="reject_all"]').click();
  assert.equal((await rejected).status(), 201);
  await reloaded;
  const afterReject = await consentCookies(page.context());
  assert.deepEqual(afterReject.choices, { necessary: true, analytics: false });
  assert.deepEqual(afterReject.analytics, [], "the analytics cookies are gone");
  assert.equal(afterReject.consentId, afterAccept.consentId, "one consent id for both choices");

  const proofs = await j.server.database.db
    .select()
    .from(consentRecords)
    .where(eq(consentRecords.consentId, afterReject.consentId ?? ""))
    .orderBy(consentRecords.decidedAt);
  assert.deepEqual(
    proofs.map((proof) => [proof.action, proof.choices.analytics]),
    [
      ["accept_all", true],
      ["reject_all", false],
    ],
  );
}

/** Asks for access, confirms through the mailed link, uploads the ID copy; returns the status URL. */
export async function askForAccess(j: Journey, page: Page, person: Person): Promise<string> {
  await page.goto(`${j.server.url}/privacy/request`);
  const shownAt = Date.now();
  await page.getByLabel("inzage").check();
  await page.locator("#portal-email").fill(person.email);
  await j.check(page, "rights-form");
  await readForm(page, shownAt);
  await page.getByRole("button", { name: "Verzoek versturen" }).click();
  await page.getByRole("heading", { name: "Kijk in je mailbox" }).waitFor();
  await j.check(page, "rights-check-mail");

  const link = { to: person.email, purpose: "rights.confirm", path: "/privacy/request/confirm" };
  await page.goto(await mailedLink(j.server, link));
  await j.check(page, "rights-confirm");
  await page.getByRole("button", { name: "Ja, ik diende dit verzoek in" }).click();
  await page.getByRole("heading", { name: /^Je verzoek R-/ }).waitFor();
  const statusUrl = page.url();
  await j.check(page, "rights-id-needed");
  await page.getByLabel("Foto of scan van de voorzijde").setInputFiles({
    name: "identiteitskaart.png",
    mimeType: "image/png",
    buffer: idPhoto,
  });
  await page.getByRole("button", { name: "Kopie opladen" }).click();
  await page.getByText("Opgeladen op").first().waitFor();
  await j.check(page, "rights-id-uploaded");
  return statusUrl;
}

/** A 1×1 PNG: the ID copy the person uploads (the officer only has to see that there is one). */
const idPhoto = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** Opens the download link from the mail and downloads the ZIP; returns its files as text. */
export async function downloadPackage(
  j: Journey,
  page: Page,
  person: Person,
): Promise<Map<string, string>> {
  const link = { to: person.email, purpose: "rights.export_ready", path: "/privacy/export/" };
  await page.goto(await mailedLink(j.server, link));
  await page.getByRole("heading", { name: "Je gegevens downloaden" }).waitFor();
  await j.check(page, "package");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Gegevens (ZIP met JSON en CSV)" }).click();
  const file = await (await download).path();
  const entries = unzipSync(new Uint8Array(await readFile(file)));
  return new Map(
    Object.entries(entries).map(([name, bytes]) => [name, Buffer.from(bytes).toString("utf8")]),
  );
}
