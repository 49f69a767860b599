import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * Identifiers are normalised before they are blind-indexed, so the same person typed two ways
 * (" An.Peeters@Example.BE ", "0470 12 34 56" vs "+32470123456") lands on the same index.
 */

export function normaliseEmail(email: string): string | undefined {
  const normalised = email.normalize("NFKC").trim().toLowerCase();
  return normalised === "" ? undefined : normalised;
}

/** E.164; BE is the default region because local numbers are written without +32. */
export function normalisePhone(phone: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone.normalize("NFKC").trim(), "BE");
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * Upper-case without separators, country prefix kept. A Belgian enterprise number written without
 * prefix (`0403.019.261`) gets BE, because that is how it appears on Belgian letterheads.
 */
export function normaliseVat(vat: string): string | undefined {
  const compact = vat
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s.\-/]/g, "");
  if (compact === "") return undefined;
  if (/^[01]\d{9}$/.test(compact)) return `BE${compact}`;
  return /^[A-Z]{2}[0-9A-Z+*]{2,12}$/.test(compact) ? compact : undefined;
}

/** TeamViewer IDs are shown with spaces ("123 456 789"); only the digits identify the device. */
export function normaliseTeamviewerId(id: string): string | undefined {
  const digits = id.normalize("NFKC").replace(/\D/g, "");
  return digits.length >= 6 && digits.length <= 12 ? digits : undefined;
}

/** Lower-case word tokens without diacritics, so "Élise Van den Broeck" is found by "elise" or "broeck". */
export function nameTokens(name: string): string[] {
  const plain = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const tokens = plain.split(/[^\p{L}]+/u).filter((token) => token.length >= 2);
  return [...new Set(tokens)];
}
