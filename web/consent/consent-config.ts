/**
 * What the server bakes into /consent.js (src/modules/consent/consent-bundle.ts builds the same
 * shape from the policy): the banner needs no request of its own before it can show.
 */
export type Locale = "nl" | "en" | "fr";
export type Localized = Record<Locale, string>;

export interface CookieInfo {
  name: string;
  provider: string;
  purpose: Localized;
  duration: Localized;
}

export interface CategoryInfo {
  /** "necessary" first, then the optional categories in the policy's order. */
  id: string;
  cookies: CookieInfo[];
}

export interface ConsentConfig {
  inventoryVersion: string;
  lifetimeDays: number;
  /** PUBLIC_URL: where proof goes when the script cannot tell where it was loaded from. */
  apiUrl: string;
  /** Query string that makes /consent.css cacheable for a year. */
  cssVersion: string;
  categories: CategoryInfo[];
}
