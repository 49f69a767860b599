import { existsSync } from "node:fs";
import { type Browser, chromium, type Frame, type Locator, type Page } from "playwright-core";
import { type Clock, systemClock } from "../../core/clock.ts";
import type { Policy } from "../../policy/index.ts";
import {
  type ChoiceButton,
  type CookieObservation,
  type CookieScanReport,
  compareWithInventory,
  type ObservedItem,
  type PhaseObservation,
} from "./cookie-scan-report.ts";

/** Debian's chromium: the product never downloads a browser. */
export const defaultChromiumPath = "/usr/bin/chromium";

export interface ScanCookiesOptions {
  url: string;
  policy: Pick<Policy, "cookies">;
  chromiumPath?: string | undefined;
  /** Longest wait for one page load or one banner button. */
  timeoutMs?: number | undefined;
  /** Progress in words ("opening …"), for stderr or a log; never part of the report. */
  onProgress?: ((line: string) => void) | undefined;
  clock?: Clock | undefined;
}

/**
 * The scan could not run: no browser, or the page did not load. Not a finding about the page,
 * so the CLI exits 2 and the job reports a failed run instead of mailing findings.
 */
export class CookieScanError extends Error {
  override name = "CookieScanError";
}

type ConsentAction = "reject_all" | "accept_all";

/**
 * How a banner's buttons are found. The first-party banner (web/consent) marks them with
 * `data-consent-action`; any other banner is recognised by its label in the site's languages.
 * "Continue without accepting" says accept but means reject, so a label that reads as a
 * refusal is never taken as acceptance.
 */
const rejectLabel =
  /reject|weiger|refus|decline|deny|alleen (de )?(noodzakelijke|functionele)|only (the )?necessary|uniquement (les )?(cookies )?nécessaires|sans accepter|zonder (te )?aanvaarden/i;
const acceptLabel = /accept|aanvaard|akkoord|toestaan|allow all|agree/i;
const labels: Record<ConsentAction, { wanted: RegExp; unwanted?: RegExp }> = {
  reject_all: { wanted: rejectLabel },
  accept_all: { wanted: acceptLabel, unwanted: rejectLabel },
};

/** Scripts that set cookies after a click (a tag manager loading GA) get this long. */
const settleAfterClickMs = 1000;
const defaultTimeoutMs = 30_000;

/**
 * Opens `url` in chromium and records the cookies (HTTP and document.cookie alike, through
 * the browser's cookie jar) and the localStorage and sessionStorage keys of every frame: before
 * any choice, after "reject all", and after "accept all". Each choice gets a fresh browser
 * context, so nothing of one leaks into the other; after a choice the page is loaded once more,
 * because many sites load their tags only on the next page view. Then compares with the policy's
 * cookie inventory.
 */
export async function scanCookies(options: ScanCookiesOptions): Promise<CookieScanReport> {
  const observation = await observeCookies(options);
  return compareWithInventory(observation, options.policy);
}

/** The browser half of scanCookies: what was set, with no judgement. */
export async function observeCookies({
  url,
  chromiumPath = defaultChromiumPath,
  timeoutMs = defaultTimeoutMs,
  onProgress = () => {},
  clock = systemClock,
}: Omit<ScanCookiesOptions, "policy">): Promise<CookieObservation> {
  const target = parsePageUrl(url);
  const scannedAt = clock.now();
  const browser = await launchScanBrowser(chromiumPath);
  try {
    onProgress(`opening ${target} (before any choice)`);
    const rejected = await choose(browser, target, "reject_all", timeoutMs, onProgress);
    onProgress(`opening ${target} again in a fresh browser (to accept all)`);
    const accepted = await choose(browser, target, "accept_all", timeoutMs, onProgress);
    return {
      url: target,
      scannedAt,
      phases: [rejected.before, rejected.after, accepted.after],
    };
  } finally {
    await browser.close();
  }
}

function parsePageUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.href;
  } catch {
    // Falls through to the same message as a non-web URL.
  }
  throw new CookieScanError(
    `"${url}" is not a web page address: give a URL starting with http:// or https://, e.g. https://www.wits.be/`,
  );
}

async function launchScanBrowser(chromiumPath: string): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new CookieScanError(
      `chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH to the browser's path`,
    );
  }
  try {
    return await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      // --no-sandbox: servers and containers often run as root, where chromium's sandbox
      // refuses to start. The rest keeps the browser from calling Google on its own, which
      // would add requests (and cookies) the scanned page never made.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  } catch (error) {
    const reason = String((error as Error).message ?? error).split("\n")[0];
    throw new CookieScanError(
      `chromium at ${chromiumPath} did not start (${reason}): check that it runs (${chromiumPath} --headless --version) or set CHROMIUM_PATH to another build`,
    );
  }
}

/** One fresh visitor: what is set on arrival, then after clicking the button for `action`. */
async function choose(
  browser: Browser,
  url: string,
  action: ConsentAction,
  timeoutMs: number,
  onProgress: (line: string) => void,
): Promise<{ before: PhaseObservation; after: PhaseObservation }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // An alert or confirm would block the page; a visitor who ignores it gives no consent.
    page.on("dialog", (dialog) => void dialog.dismiss().catch(() => {}));
    await openPage(page, url, timeoutMs);
    const before: PhaseObservation = { phase: "before_choice", items: await observe(page) };
    const phase = action === "reject_all" ? "after_reject" : "after_accept";
    const found = await findChoiceButton(page, action, Math.min(timeoutMs, 5000));
    if (!found) {
      onProgress(`no ${action.replace("_", " ")} button found on ${url}`);
      return { before, after: { phase, items: before.items } };
    }
    onProgress(
      `${action === "reject_all" ? "rejecting" : "accepting"} all (“${found.button.label}”)`,
    );
    await found.locator.click({ timeout: timeoutMs });
    await page.waitForTimeout(settleAfterClickMs);
    onProgress(`reloading ${url} with the choice made`);
    await openPage(page, url, timeoutMs);
    return { before, after: { phase, items: await observe(page), button: found.button } };
  } finally {
    await context.close();
  }
}

async function openPage(page: Page, url: string, timeoutMs: number): Promise<void> {
  let status: number | undefined;
  try {
    const response = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    status = response?.status();
  } catch (error) {
    const reason = String((error as Error).message ?? error).split("\n")[0];
    throw new CookieScanError(
      `could not open ${url} (${reason}): check the address and that this machine can reach it`,
    );
  }
  if (status !== undefined && status >= 400) {
    throw new CookieScanError(
      `${url} answered HTTP ${status}: scan a page that loads, such as the home page`,
    );
  }
  // Tags load after the load event; a quiet network is the best sign they are done. Some pages
  // never go quiet (polling, chat widgets), so waiting stops after a while without failing.
  await page
    .waitForLoadState("networkidle", { timeout: Math.min(timeoutMs, 10_000) })
    .catch(() => {});
}

/** The minimum of the DOM the storage probe needs; src is compiled without the DOM library. */
interface StorageProbeGlobal {
  location: { origin: string };
  localStorage: { length: number; key(index: number): string | null };
  sessionStorage: { length: number; key(index: number): string | null };
}

async function observe(page: Page): Promise<ObservedItem[]> {
  const items: ObservedItem[] = (await page.context().cookies()).map((cookie) => ({
    kind: "cookie",
    name: cookie.name,
    domain: cookie.domain,
  }));
  for (const frame of page.frames()) {
    for (const item of await storageKeys(frame)) {
      const seen = items.some(
        (other) =>
          other.kind === item.kind && other.name === item.name && other.domain === item.domain,
      );
      if (!seen) items.push(item);
    }
  }
  return items;
}

async function storageKeys(frame: Frame): Promise<ObservedItem[]> {
  try {
    return await frame.evaluate(() => {
      const scope = globalThis as unknown as StorageProbeGlobal;
      const found: { kind: "localStorage" | "sessionStorage"; name: string; domain: string }[] = [];
      for (const kind of ["localStorage", "sessionStorage"] as const) {
        // A sandboxed or opaque-origin frame throws on access: it has no storage to report.
        try {
          const storage = scope[kind];
          for (let index = 0; index < storage.length; index += 1) {
            const name = storage.key(index);
            if (name !== null) found.push({ kind, name, domain: scope.location.origin });
          }
        } catch {}
      }
      return found;
    });
  } catch {
    // A frame that navigated away or was removed while the scan looked at it.
    return [];
  }
}

interface FoundButton {
  locator: Locator;
  button: ChoiceButton;
}

/** The banner's button for `action`: its data-consent-action attribute first, then its label. */
async function findChoiceButton(
  page: Page,
  action: ConsentAction,
  waitMs: number,
): Promise<FoundButton | undefined> {
  const { wanted, unwanted } = labels[action];
  const byAttribute = page.locator(`[data-consent-action="${action}"]`).filter({ visible: true });
  const byLabel = page
    .getByRole("button", { name: wanted })
    .or(page.getByRole("link", { name: wanted }))
    .filter({ visible: true });
  // Banners often appear a moment after the load event, once their script has run.
  const appeared = await byAttribute
    .or(byLabel)
    .first()
    .waitFor({ state: "visible", timeout: waitMs })
    .then(() => true)
    .catch(() => false);
  if (!appeared) return undefined;
  if ((await byAttribute.count()) > 0) {
    const locator = byAttribute.first();
    return { locator, button: { found: "attribute", label: await labelOf(locator) } };
  }
  for (const locator of await byLabel.all()) {
    const label = await labelOf(locator);
    if (unwanted?.test(label)) continue;
    return { locator, button: { found: "text", label } };
  }
  return undefined;
}

async function labelOf(locator: Locator): Promise<string> {
  const text = ((await locator.textContent().catch(() => "")) ?? "").trim();
  // An <input type="button"> has no text: its label is its value.
  const label =
    text ||
    (await locator.getAttribute("aria-label")) ||
    (await locator.getAttribute("value")) ||
    "";
  return label.replace(/\s+/g, " ").slice(0, 80);
}
