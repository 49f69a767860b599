import { checkVAT, countries } from "jsvat";

/** EU member states' VAT prefixes (Greece writes EL); Northern Ireland's XI is not in jsvat. */
const euPrefixes = new Set([
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "EL",
  "ES",
  "FI",
  "FR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
]);
/** jsvat lists Greece under its ISO code GR, though the number is written EL. */
const euCountries = countries.filter((country) =>
  country.codes.some((code) => euPrefixes.has(code === "GR" ? "EL" : code)),
);

export type VatProblem =
  /** No two-letter EU prefix, e.g. "0403019261" or "US12345". */
  | "country"
  /** The country's format is not met (length, letters where digits belong). */
  | "format"
  /** The format is right but the check digits are not: a typo. */
  | "checksum";

export type VatCheck =
  | { ok: true; number: string; country: string }
  | { ok: false; problem: VatProblem; number: string };

/** "be 0403.019.261" → "BE0403019261": what people type, as the number is written on invoices. */
export function normaliseVatNumber(input: string): string {
  return input.replace(/[\s.\-/]/g, "").toUpperCase();
}

/**
 * Checks an EU VAT number offline: the format per country and, where the country has one, its
 * check digits (Belgium: `BE0`/`BE1` + 9 digits, mod 97). It does not ask VIES whether the number
 * is registered; the message says what is wrong so a customer can correct a typo.
 */
export function checkVatNumber(input: string): VatCheck {
  const number = normaliseVatNumber(input);
  const prefix = number.slice(0, 2);
  if (!euPrefixes.has(prefix)) return { ok: false, problem: "country", number };
  if (prefix === "BE") return checkBelgian(number);
  const result = checkVAT(number, euCountries);
  if (!result.isValidFormat) return { ok: false, problem: "format", number };
  if (!result.isValid) return { ok: false, problem: "checksum", number };
  return { ok: true, number, country: prefix === "EL" ? "GR" : prefix };
}

/**
 * By hand, because jsvat only knows numbers starting with 0: an enterprise number is `0` or `1`
 * and 9 digits, the last two being 97 minus the first eight modulo 97.
 */
function checkBelgian(number: string): VatCheck {
  const digits = /^BE([01]\d{9})$/.exec(number)?.[1];
  if (!digits) return { ok: false, problem: "format", number };
  const check = 97 - (Number(digits.slice(0, 8)) % 97);
  if (check !== Number(digits.slice(8))) return { ok: false, problem: "checksum", number };
  return { ok: true, number, country: "BE" };
}
