/**
 * The browser's copy of src/modules/consent/consent-cookie.ts: the two sides cannot import each
 * other, so src/modules/consent/cookie-format.test.ts checks they agree. No DOM here, so node can
 * import this file in that test.
 */
export const consentCookieName = "wits_consent";

export interface ConsentCookie {
  consentId: string;
  inventoryVersion: string;
  choices: Record<string, boolean>;
  decidedAt: Date;
}

export function formatConsentCookie(cookie: ConsentCookie): string {
  const categories = Object.keys(cookie.choices)
    .filter((name) => name !== "necessary")
    .map((name) => name + (cookie.choices[name] ? 1 : 0))
    .join("-");
  const seconds = Math.floor(cookie.decidedAt.getTime() / 1000);
  return `${cookie.consentId}.${cookie.inventoryVersion}.${categories}.${seconds}`;
}

/** Undefined for anything malformed: a visitor without a valid choice is asked again. */
export function parseConsentCookie(value: string | undefined): ConsentCookie | undefined {
  if (!value) return;
  const [consentId, inventoryVersion, categories, seconds, ...rest] = value.split(".");
  if (rest.length || !consentId || !inventoryVersion || categories === undefined) return;
  if (!/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(consentId)) return;
  if (!/^[a-z0-9]{1,32}$/.test(inventoryVersion) || !/^\d{1,12}$/.test(seconds ?? "")) return;
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

/** One cookie's value from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const pair of cookies.split(/;\s*/)) {
    const at = pair.indexOf("=");
    if (pair.slice(0, at) === name) return pair.slice(at + 1);
  }
}

/**
 * Whether a cookie belongs to an inventory entry. A name with a placeholder (`_ga_<id>`) stands
 * for a family: everything starting with its stem (`_ga`), so `_ga`, `_ga_X1Y2` and `_gat` go
 * when analytics is refused, whatever id the tag chose.
 */
export function matchesInventoryName(cookie: string, inventoryName: string): boolean {
  const placeholder = inventoryName.indexOf("<");
  if (placeholder < 0) return cookie === inventoryName;
  return cookie.startsWith(inventoryName.slice(0, placeholder).replace(/_+$/, ""));
}
