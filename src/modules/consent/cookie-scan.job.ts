import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { defaultLocale, translator } from "../../core/i18n/index.ts";
import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import { enqueueMail, type MailSealer } from "../../core/mail/index.ts";
import type { Policy } from "../../policy/index.ts";
import { activePrivacyOfficers } from "../staff/index.ts";
import { CookieScanError, scanCookies } from "./cookie-scan.ts";
import { type CookieScanReport, formatCookieScanText } from "./cookie-scan-report.ts";

/**
 * Daily at 06:40 (JOBS_TIMEZONE): a site changes when someone deploys or edits a tag manager,
 * not by the minute, and a chromium visit per page is too heavy to repeat often. Before the
 * working day, so the privacy officer reads the alert first thing.
 */
export const cookieScanSchedule = "0 40 6 * * *";

export interface CookieScanJobDeps {
  /** The policy in force: its cookie inventory is what the site promises. */
  policy: () => Pick<Policy, "cookies">;
  /** Seals the mail to the officers. */
  vault: MailSealer;
  chromiumPath?: string | undefined;
  /** Replaced in tests, which need no browser to check who is mailed. */
  scan?: typeof scanCookies | undefined;
}

export interface CookieScanSummary {
  pages: number;
  serious: number;
  failed: number;
  mails: number;
}

/**
 * Opens every page of COOKIE_SCAN_URLS in chromium and mails the active privacy officers when
 * one sets a cookie, or storage key, beyond the necessary ones without consent. A page that
 * cannot be scanned fails the run (after the others are scanned and mailed), so the back
 * office's job list shows why, instead of a silent pass. Its dependencies are asked for only
 * when there is a page to scan, so an unconfigured server opens nothing.
 */
export function cookieScanJob(deps: () => CookieScanJobDeps): JobDefinition {
  return defineJob({
    name: "cookies.scan",
    description:
      "Opens each page of COOKIE_SCAN_URLS in chromium before a choice, after “reject all” and after “accept all”, compares what is set with the policy's cookie inventory, and mails the privacy officers when something beyond the necessary cookies is set without consent.",
    schedule: cookieScanSchedule,
    run: async ({ db, clock, config, log, signal }) => {
      const summary: CookieScanSummary = { pages: 0, serious: 0, failed: 0, mails: 0 };
      if (config.COOKIE_SCAN_URLS.length === 0) return { ...summary };
      const { policy, chromiumPath = config.CHROMIUM_PATH, scan = scanCookies } = deps();
      const serious: CookieScanReport[] = [];
      const failures: string[] = [];
      for (const url of config.COOKIE_SCAN_URLS) {
        if (signal.aborted) break;
        try {
          const report = await scan({ url, policy: policy(), chromiumPath, clock });
          summary.pages += 1;
          if (report.serious) serious.push(report);
        } catch (error) {
          if (!(error instanceof CookieScanError)) throw error;
          failures.push(error.message);
        }
      }
      summary.serious = serious.length;
      summary.failed = failures.length;
      if (serious.length > 0) {
        log.warn({ pages: serious.map((report) => report.url) }, "cookie scan: consent broken");
        summary.mails = await mailPrivacyOfficers(
          { db, clock, config, vault: deps().vault },
          serious,
        );
      }
      if (failures.length > 0) {
        throw new Error(
          `cookie scan could not scan ${failures.length} of ${config.COOKIE_SCAN_URLS.length} pages: ${failures[0]}`,
        );
      }
      return { ...summary };
    },
  });
}

/**
 * One mail per active privacy officer listing each failing page and what it sets. The report
 * holds names and domains of cookies only, never a value, so the mail carries no personal data.
 */
async function mailPrivacyOfficers(
  deps: { db: Db; clock: Clock; config: Pick<Config, "MAIL_FROM">; vault: MailSealer },
  reports: readonly CookieScanReport[],
): Promise<number> {
  const officers = await activePrivacyOfficers(deps.db);
  // Staff mails are in the organisation's first language; the report inside keeps the CLI's
  // words, so what the mail quotes reads the same as `cookies scan` on a terminal.
  const t = translator(defaultLocale);
  const text = [
    t("consent.mail.scan.body", { pages: reports.length }),
    ...reports.map((report) => formatCookieScanText(report)),
    t("consent.mail.scan.check"),
  ].join("\n\n");
  for (const officer of officers) {
    await enqueueMail(deps.db, {
      clock: deps.clock,
      config: deps.config,
      vault: deps.vault,
      mail: {
        purpose: "consent.cookie_scan",
        sealedUnder: "installation",
        locale: defaultLocale,
        to: officer.email,
        subject: t("consent.mail.scan.subject", { pages: reports.length }),
        text: `${text}\n`,
      },
    });
  }
  return officers.length;
}
