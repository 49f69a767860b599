import type { Page } from "playwright-core";
import type { Journey } from "./journey-visitor.ts";

/**
 * The privacy officer finds the request in the queue, confirms the identity from the ID copy,
 * makes the access package and sends the answer.
 */
export async function answerAccessRequest(j: Journey, page: Page): Promise<void> {
  await page.goto(`${j.server.url}/admin/rights`);
  await j.check(page, "staff-rights-queue");
  await page.getByRole("link", { name: /^R-/ }).first().click();
  await page.waitForURL(/\/admin\/rights\/[0-9a-f-]{36}/);
  await j.check(page, "staff-rights-request");
  await page.getByLabel("kopie van het identiteitsbewijs gecontroleerd").check();
  await page.getByRole("button", { name: "Identiteit bevestigen" }).click();
  await page.getByText("De identiteit is gecontroleerd").waitFor();
  await j.check(page, "staff-rights-verified");
  await page.getByRole("button", { name: /^inzage uitvoeren$/i }).click();
  await page.getByText(/Pakket gemaakt, link geldig tot/).waitFor();
  await j.check(page, "staff-rights-executed");
  await page.getByRole("button", { name: "Antwoord versturen" }).click();
  await page
    .getByText(/Beantwoord op/)
    .first()
    .waitFor();
  await j.check(page, "staff-rights-answered");
}

/**
 * The retention preview for a day in the future: the sweep's own dry run, so it lists what a
 * sweep on that day would erase, here the access package once its link has expired.
 */
export async function retentionDryRun(j: Journey, page: Page, until: string): Promise<string> {
  await page.goto(`${j.server.url}/admin/retention`);
  await j.check(page, "staff-retention");
  await page.getByLabel("Opruiming bekijken op").fill(until);
  await page.getByRole("button", { name: "Bekijken" }).click();
  await page.waitForURL(/\/admin\/retention\?until=/);
  const heading = page.getByRole("heading", { name: /^Wat een opruiming op .* zou wissen$/ });
  await heading.waitFor();
  await j.check(page, "staff-retention-dry-run");
  return (await page.locator("main table").textContent()) ?? "";
}
