/**
 * Google Consent Mode v2. The default must be in the data layer before any Google tag reads it,
 * so it is pushed when this script runs; tags wait up to wait_for_update for the visitor's
 * choice, then get exactly one update per decision.
 */
type Gtag = (...args: unknown[]) => void;

interface GoogleGlobals {
  dataLayer?: unknown[];
  gtag?: Gtag;
}

export function googleTag(): Gtag {
  const globals = window as unknown as GoogleGlobals;
  globals.dataLayer = globals.dataLayer || [];
  const dataLayer = globals.dataLayer;
  globals.gtag =
    globals.gtag ||
    function gtag() {
      // gtag.js reads Arguments objects from the data layer and ignores plain arrays: this is
      // Google's own snippet, so a tag loaded later finds the calls it expects.
      // biome-ignore lint/complexity/noArguments: gtag.js needs the Arguments object itself.
      dataLayer.push(arguments);
    };
  return globals.gtag;
}

/**
 * All seven signals. Functionality and security storage are what necessary cookies do; no
 * category of the policy allows advertising or personalisation, so those stay denied.
 */
export function consentSignals(analytics: boolean): Record<string, string> {
  const granted = (yes: boolean) => (yes ? "granted" : "denied");
  return {
    ad_storage: "denied",
    ad_user_data: "denied",
    ad_personalization: "denied",
    analytics_storage: granted(analytics),
    functionality_storage: "granted",
    personalization_storage: "denied",
    security_storage: "granted",
  };
}
