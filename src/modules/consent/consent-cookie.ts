/**
 * The first-party cookie that holds a visitor's choice, written by the banner (web/consent) and
 * read by the server's /cookies page. The two sides cannot import each other, so the format is
 * defined here and in web/consent/consent-cookie.ts, and a test checks they agree.
 *
 * Value: `<consentId>.<inventoryVersion>.<categories>.<decidedAt>` where categories lists each
 * optional category as name and 0/1 joined by "-" (e.g. `analytics1`), and decidedAt is Unix
 * seconds. No personal data: a random id, a version, booleans and a time.
 */
export const consentCookieName = "wits_consent";

export interface ConsentCookie {
  consentId: string;
  inventoryVersion: string;
  choices: Record<string, boolean>;
  decidedAt: Date;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function formatConsentCookie(cookie: ConsentCookie): string {
  const categories = Object.entries(cookie.choices)
    .filter(([name]) => name !== "necessary")
    .map(([name, allowed]) => `${name}${allowed ? 1 : 0}`)
    .join("-");
  const seconds = Math.floor(cookie.decidedAt.getTime() / 1000);
  return `${cookie.consentId}.${cookie.inventoryVersion}.${categories}.${seconds}`;
}

/** Undefined for anything malformed: a visitor without a valid choice is asked again. */
export function parseConsentCookie(value: string | undefined): ConsentCookie | undefined {
  if (!value) return undefined;
  const [consentId, inventoryVersion, categories, seconds, ...rest] = value.split(".");
  if (rest.length > 0 || !consentId || !inventoryVersion || categories === undefined) return;
  if (!uuidPattern.test(consentId) || !/^[a-z0-9]{1,32}$/.test(inventoryVersion)) return;
  if (!seconds || !/^\d{1,12}$/.test(seconds)) return;
  // Entries, not assignment: a category named "__proto__" would set the prototype instead.
  const entries: [string, boolean][] = [["necessary", true]];
  for (const part of categories ? categories.split("-") : []) {
    const match = /^([a-z_]{1,32})([01])$/.exec(part);
    if (!match?.[1]) return;
    entries.push([match[1], match[2] === "1"]);
  }
  const choices = Object.fromEntries(entries);
  return { consentId, inventoryVersion, choices, decidedAt: new Date(Number(seconds) * 1000) };
}
