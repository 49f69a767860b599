import type { Page } from "playwright-core";
import { systemClock } from "../../src/core/clock.ts";
import type { RunningServer } from "../../src/main.ts";
import type { StaffRole } from "../../src/modules/staff/index.ts";
import { createStaffAccount, totpCodeAt } from "../../src/modules/staff/index.ts";

export const browserStaffPassword = "een lange zin als wachtwoord";

/**
 * A staff member enrolled through the real pages in the browser: setup link, password, second
 * factor. Leaves the page on the recovery codes, signed in.
 */
export async function enrolStaffInBrowser(
  page: Page,
  server: RunningServer,
  account: { email: string; displayName: string; role: StaffRole },
): Promise<void> {
  const { setupToken } = await createStaffAccount(
    { db: server.database.db, clock: systemClock },
    account,
  );
  await page.goto(`${server.url}/admin/setup/${setupToken}`);
  await page.getByLabel("Nieuw wachtwoord").fill(browserStaffPassword);
  await page.getByLabel("Herhaal het wachtwoord").fill(browserStaffPassword);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await page.waitForURL(/\/admin\/enrol$/);
  const secret = (await page.locator("figcaption code").textContent())?.replaceAll(" ", "") ?? "";
  await page.getByLabel("Code").fill(totpCodeAt(secret, new Date()));
  await page.getByRole("button", { name: "Activeren" }).click();
  await page.getByRole("heading", { name: "Je herstelcodes" }).waitFor();
}
