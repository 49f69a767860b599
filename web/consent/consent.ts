/**
 * /consent.js: the cookie banner any site embeds with one script tag. It asks before analytics
 * cookies, keeps the choice in the first-party `wits_consent` cookie, runs the page's
 * `type="text/plain" data-category="…"` scripts only after consent, and posts proof of each
 * choice to the privacy server it was loaded from.
 */
import { type Banner, type ConsentAction, createBanner } from "./banner.ts";
import type { ConsentConfig } from "./consent-config.ts";
import {
  type ConsentCookie,
  consentCookieName,
  formatConsentCookie,
  parseConsentCookie,
  readCookie,
} from "./consent-cookie.ts";
import { consentSignals, googleTag } from "./consent-mode.ts";
import { expireCookies, runConsentedScripts } from "./consented-scripts.ts";
import { messages, pageLocale } from "./messages.ts";

/** Replaced by the server at build time (esbuild `define`) with the policy's inventory. */
declare const __WITS_CONSENT__: ConsentConfig;
const config = __WITS_CONSENT__;

// First thing, before any tag can run: everything denied until the visitor decides.
const gtag = googleTag();
gtag("consent", "default", { ...consentSignals(false), wait_for_update: 500 });

// Proof goes back to the server that served this script, so one build works behind any name.
const source = document.currentScript as HTMLScriptElement | null;
const origin = source?.src ? new URL(source.src).origin : config.apiUrl;
const locale = pageLocale(document.documentElement.lang);

const stored = parseConsentCookie(readCookie(document.cookie, consentCookieName));
// A refusal holds as long as an acceptance: only a new inventory or the lifetime asks again.
let choice: ConsentCookie | undefined =
  stored &&
  stored.inventoryVersion === config.inventoryVersion &&
  Date.now() - stored.decidedAt.getTime() < config.lifetimeDays * 864e5
    ? stored
    : undefined;
let consentId = stored?.consentId;
let scriptsRan = 0;
let banner: Promise<Banner> | undefined;
let returnFocus: Element | null = null;

/** Cookies of a category without consent go, also those a tag set before this banner came. */
function expireRefused(choices: Record<string, boolean>): void {
  for (const category of config.categories) {
    if (category.id !== "necessary" && !choices[category.id]) {
      expireCookies(category.cookies.map((cookie) => cookie.name));
    }
  }
}

function apply(choices: Record<string, boolean>): void {
  gtag("consent", "update", consentSignals(choices.analytics === true));
  expireRefused(choices);
  scriptsRan += runConsentedScripts(choices);
}

function decide(action: ConsentAction, choices: Record<string, boolean>): void {
  // A script that already runs cannot be unloaded: after a withdrawal the page reloads, and the
  // reloaded page never starts it.
  const withdrawn =
    scriptsRan > 0 && Object.keys(choices).some((name) => choice?.choices[name] && !choices[name]);
  consentId = consentId || randomUuid();
  choice = {
    consentId,
    inventoryVersion: config.inventoryVersion,
    choices: { necessary: true, ...choices },
    decidedAt: new Date(),
  };
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and older Safari.
  document.cookie = `${consentCookieName}=${formatConsentCookie(choice)}; path=/; max-age=${
    config.lifetimeDays * 86400
  }; SameSite=Lax${location.protocol === "https:" ? "; Secure" : ""}`;
  // keepalive: the proof still leaves when the visitor navigates away right after choosing.
  const proof = fetch(`${origin}/api/consent`, {
    method: "POST",
    keepalive: true,
    credentials: "omit",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      consentId,
      action,
      choices,
      inventoryVersion: config.inventoryVersion,
      page: location.pathname,
    }),
  }).catch(() => {});
  void banner?.then((shown) => {
    shown.root.hidden = true;
  });
  if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
  apply(choices);
  if (withdrawn) {
    let reloaded = false;
    const reload = () => {
      if (!reloaded) location.reload();
      reloaded = true;
    };
    void proof.then(reload);
    setTimeout(reload, 1000);
  }
}

function dismiss(): void {
  void banner?.then((shown) => {
    // Closing is not consent: without a choice the first layer stays.
    if (!choice) {
      shown.showChoice();
      shown.settingsButton.focus();
      return;
    }
    shown.root.hidden = true;
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
  });
}

/**
 * The banner is built on first need, after its stylesheet: a fixed-position element appears
 * without moving anything. Should the stylesheet fail, the unstyled banner goes at the end of
 * the page, where it pushes nothing either.
 */
function showBanner(): Promise<Banner> {
  banner =
    banner ||
    new Promise((resolve) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = `${origin}/consent.css?v=${config.cssVersion}`;
      const mount = (styled: boolean) => {
        const created = createBanner({
          config,
          locale,
          messages: messages[locale],
          policyUrl: `${origin}/cookies?lang=${locale}`,
          decide,
          dismiss,
        });
        // First in the page so keyboard and screen-reader users meet it first.
        if (styled) document.body.prepend(created.root);
        else document.body.append(created.root);
        resolve(created);
      };
      link.onload = () => mount(true);
      link.onerror = () => mount(false);
      document.head.append(link);
    });
  return banner;
}

function open(): void {
  returnFocus = document.activeElement;
  void showBanner().then((shown) => shown.showSettings(choice ? choice.choices : {}));
}

/**
 * RFC 4122 version 4 from getRandomValues, which unlike randomUUID works on plain http too:
 * each 0, 1 and 8 of the template becomes a random hex digit, keeping the version and variant.
 */
function randomUuid(): string {
  return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (digit) =>
    (
      Number(digit) ^
      ((crypto.getRandomValues(new Uint8Array(1))[0] || 0) & (15 >> (Number(digit) / 4)))
    ).toString(16),
  );
}

function start(): void {
  if (choice) {
    apply(choice.choices);
    return;
  }
  expireRefused({});
  void showBanner().then((shown) => shown.showChoice());
}

// Any "cookie settings" link or button on the page reopens the settings.
document.addEventListener("click", (event) => {
  const target = event.target as Element;
  if (target.closest?.('[data-consent-open],a[href="#cookie-settings"]')) {
    event.preventDefault();
    open();
  }
});

(window as unknown as { witsConsent: object }).witsConsent = {
  open,
  get: () => choice,
};

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
