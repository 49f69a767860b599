import type { Page } from "playwright-core";
import { systemClock } from "../../src/core/clock.ts";
import type { RunningServer } from "../../src/main.ts";
import { createStaffAccount, type StaffRole, totpCodeAt } from "../../src/modules/staff/index.ts";
import { browserStaffPassword } from "./browser-staff.ts";

/** Checks the page the browser shows now, under a step name (axe, layout, screenshots). */
export type StepCheck = (step: string) => Promise<void>;

export interface EnrolledStaff {
  email: string;
  displayName: string;
  /** The TOTP key shown for manual entry: what the phone app would hold. */
  totpSecret: string;
}

/**
 * Like enrolStaffInBrowser, but every page of the enrolment is checked, and the TOTP key is kept,
 * so the staff member can sign in again with a fresh code later. Ends on the dashboard.
 */
export async function enrolWithSecondFactor(
  page: Page,
  server: RunningServer,
  account: { email: string; displayName: string; role: StaffRole },
  check: StepCheck,
): Promise<EnrolledStaff> {
  const { setupToken } = await createStaffAccount(
    { db: server.database.db, clock: systemClock },
    account,
  );
  await page.goto(`${server.url}/admin/setup/${setupToken}`);
  await check("staff-setup");
  await page.getByLabel("Nieuw wachtwoord").fill(browserStaffPassword);
  await page.getByLabel("Herhaal het wachtwoord").fill(browserStaffPassword);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await page.waitForURL(/\/admin\/enrol$/);
  await check("staff-enrol");
  const totpSecret =
    (await page.locator("figcaption code").textContent())?.replaceAll(" ", "") ?? "";
  await page.getByLabel("Code").fill(totpCodeAt(totpSecret, new Date()));
  await page.getByRole("button", { name: "Activeren" }).click();
  await page.getByRole("heading", { name: "Je herstelcodes" }).waitFor();
  await check("staff-recovery-codes");
  await page.getByRole("link", { name: "Ik heb ze bewaard" }).click();
  await page.getByRole("heading", { name: `Welkom, ${account.displayName}` }).waitFor();
  return { email: account.email, displayName: account.displayName, totpSecret };
}

/** Signs out, then in again through the login page: password first, then a TOTP code. */
export async function signInAgain(
  page: Page,
  staff: EnrolledStaff,
  check: StepCheck,
): Promise<void> {
  await page.getByRole("button", { name: "Afmelden" }).first().click();
  await page.waitForURL(/\/admin\/login$/);
  await check("staff-login");
  await page.getByLabel("E-mailadres").fill(staff.email);
  await page.getByLabel("Wachtwoord").fill(browserStaffPassword);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(/\/admin\/login\/code/);
  await check("staff-login-code");
  // The next 30-second step's code: the current one was spent on enrolment, and a step counts once.
  await page.getByLabel("Code").fill(totpCodeAt(staff.totpSecret, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await page.getByRole("heading", { name: `Welkom, ${staff.displayName}` }).waitFor();
}
