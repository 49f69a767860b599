import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { queryRows } from "../../src/core/db/database.ts";
import type { RunningServer } from "../../src/main.ts";
import {
  checkPage,
  chromiumPath,
  hasChromium,
  launchChromium,
  viewports,
} from "../helpers/browser.ts";
import { enrolWithSecondFactor, signInAgain } from "../helpers/browser-sign-in.ts";
import { registerDemoShop } from "../helpers/demo-shop.ts";
import { startE2eServer } from "../helpers/e2e-server.ts";
import { answerAccessRequest, retentionDryRun } from "../helpers/journey-staff.ts";
import {
  acceptThenRejectCookies,
  askForAccess,
  downloadPackage,
  type Journey,
  sendContactForm,
  subscribeToNewsletter,
} from "../helpers/journey-visitor.ts";

const noChromium = `no chromium at ${chromiumPath} (apt-get install chromium)`;
if (!hasChromium) process.stdout.write(`journey browser test skipped: ${noChromium}\n`);

const visitorPerson = { name: "Sofie Peeters", email: "sofie.peeters@voorbeeld.be" };
/** Someone else who wrote too: nothing of theirs may reach Sofie's package. */
const otherPerson = { name: "Tom Claes", email: "tom.claes@voorbeeld.be" };

/**
 * Every page a visitor and a privacy officer meet on the way goes through checkPage at phone
 * width (axe, no sideways scrolling) and is kept as a phone and a desktop screenshot. The staff
 * page works at desktop width and returns to it after each check.
 */
async function check(page: Page, step: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize(viewports.phone);
  await checkPage(page, "journey", step);
  if (size) await page.setViewportSize(size);
}

describe("the journey: a visitor's data from contact form to access package, in a real browser", {
  skip: !hasChromium && noChromium,
  timeout: 300_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let visitor: Page;
  let staff: Page;
  let journey: Journey;
  let contactReference = "";
  let otherReference = "";
  let statusUrl = "";
  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(
        server.database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      )
    )[0]?.n;

  before(async () => {
    server = await startE2eServer({ beforeListen: registerDemoShop });
    journey = { server, check };
    browser = await launchChromium();
    const visitorContext = await browser.newContext({ locale: "nl-BE", viewport: viewports.phone });
    const staffContext = await browser.newContext({ locale: "nl-BE", viewport: viewports.desktop });
    contexts = [visitorContext, staffContext];
    visitor = await visitorContext.newPage();
    staff = await staffContext.newPage();
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it("the visitor sends the contact form and gets a reference", async () => {
    contactReference = await sendContactForm(journey, visitor, visitorPerson);
    otherReference = await postContact(server, otherPerson);
    assert.notEqual(otherReference, contactReference);
  });

  it("subscribes to the newsletter and confirms through the link in the mail", async () => {
    await subscribeToNewsletter(journey, visitor, visitorPerson);
    assert.equal(await count("newsletter_subscribers"), 1, "a confirmed reader");
    assert.equal(await count("newsletter_signups"), 0, "no sign-up left waiting");
  });

  it("accepts all cookies, then rejects all: the analytics cookies go, both choices are proven", async () => {
    await acceptThenRejectCookies(journey, visitor);
  });

  it("asks for access, confirms by mail and uploads the ID copy", async () => {
    statusUrl = await askForAccess(journey, visitor, visitorPerson);
  });

  it("a privacy officer enrols with a second factor, then signs in with password and a TOTP code", async () => {
    const officer = await enrolWithSecondFactor(
      staff,
      server,
      { email: "lien.privacy@wits.be", displayName: "Lien", role: "privacy" },
      (step) => check(staff, step),
    );
    await signInAgain(staff, officer, (step) => check(staff, step));
  });

  it("the officer verifies the identity, makes the access package and answers", async () => {
    await answerAccessRequest(journey, staff);
    await visitor.goto(statusUrl);
    await visitor.getByRole("heading", { name: "Ons antwoord" }).waitFor();
    await check(visitor, "rights-answered");
  });

  it("the visitor downloads a package with their own message and nobody else's", async () => {
    const files = await downloadPackage(journey, visitor, visitorPerson);
    const everything = [...files.values()].join("\n");
    assert.ok(files.has("manifest.json"), [...files.keys()].join(", "));
    assert.ok(everything.includes(contactReference), "the person's contact message is in it");
    assert.ok(everything.includes(visitorPerson.email));
    assert.ok(!everything.includes(otherReference), "another person's message is not");
    assert.ok(!everything.includes(otherPerson.email), "nor their e-mail address");
  });

  it("the officer runs a retention dry run: it lists the expiring package and erases nothing", async () => {
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const plan = await retentionDryRun(journey, staff, until);
    assert.match(plan, /inzage- of overdrachtspakket/);
    assert.equal(await count("export_packages"), 1, "a dry run erases nothing");
  });
});

/** Another person's message, sent through the JSON API as an embedded form on the website would. */
async function postContact(server: RunningServer, person: { name: string; email: string }) {
  const response = await fetch(`${server.url}/api/contact`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: person.name,
      email: person.email,
      subject: "Vraag",
      message: "Werken jullie ook in Limburg?",
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const { reference } = (await response.json()) as { reference: string };
  return reference;
}
