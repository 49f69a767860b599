/**
 * The audit log is kept longer than the data it describes and is never crypto-shredded, so a
 * plaintext e-mail address in it would outlive the person's erasure. Details must hold ids,
 * counts and codes only. This is a net for programming mistakes, not a proof: every refusal is a
 * thrown Error, and its message names the key but never repeats the value.
 *
 * Keys are compared lower-cased without `-` and `_`, as in the log redaction (src/core/log.ts).
 */
// Unlike the log redaction, "to" is allowed: `{ from: "support", to: "admin" }` is a role change.
const personalKeys = new Set([
  "recipient",
  "mobile",
  "ip",
  "ipv4",
  "ipv6",
  "clientip",
  "remoteip",
  "xforwardedfor",
  "useragent",
  "street",
  "postcode",
  "postalcode",
  "zipcode",
  "body",
  "text",
  "comment",
  "comments",
  "note",
  "notes",
  "cookie",
  "setcookie",
  "authorization",
  "pin",
  "vat",
  "vatnumber",
  "iban",
  "birthdate",
  "dateofbirth",
  "nationalnumber",
  "nationalregisternumber",
  "rijksregisternummer",
  "teamviewerid",
]);

/** Endings that make any key personal: `customerEmail`, `fileName`, `ipAddress`, `errorMessage`. */
const personalKeyEndings = [
  "email",
  "mail",
  "phone",
  "phonenumber",
  "name",
  "address",
  "password",
  "passcode",
  "secret",
  "token",
  "message",
];

const emailAddress = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** A national register number (YY.MM.DD-XXX.CC), which may only be processed with a legal basis. */
const nationalNumber = /\b\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}\b/;
/** Ids, hashes and timestamps are full of digits but are not phone numbers; they go first. */
const notPhoneDigits =
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{16,}\b|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/gi;
const digitRun = /\+?\(?\d[\d\s./()-]*\d/g;
/** 9 or 10 digits alone, as a TeamViewer ID is written: the statement keeps those as personal. */
const teamViewerId = /^\s*\d{3}\s?\d{3}\s?\d{3,4}\s*$/;

export function containsEmailAddress(text: string): boolean {
  return emailAddress.test(text);
}

export function isPersonalKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_]/g, "");
  return (
    personalKeys.has(normalised) || personalKeyEndings.some((ending) => normalised.endsWith(ending))
  );
}

/** What personal data a text seems to hold, or undefined. */
export function personalDataIn(
  text: string,
):
  | "an e-mail address"
  | "a national register number"
  | "a phone number"
  | "a TeamViewer ID"
  | undefined {
  if (containsEmailAddress(text)) return "an e-mail address";
  const rest = text.replace(notPhoneDigits, " ");
  if (nationalNumber.test(rest)) return "a national register number";
  if (teamViewerId.test(rest)) return "a TeamViewer ID";
  // Only runs that start the way a number is dialled (+32…, 0032…, 0475…), so an invoice number
  // such as 2026-000123 or a count stays allowed.
  for (const run of rest.match(digitRun) ?? []) {
    if (/^(?:\+|\(?0)/.test(run) && isPhoneLength(run)) return "a phone number";
  }
  return undefined;
}

function isPhoneLength(text: string): boolean {
  const digits = text.replace(/\D/g, "").length;
  return digits >= 8 && digits <= 15;
}

/** Throws on a personal key, a personal-looking value, or a value that is not flat and finite. */
export function assertNoPersonalData(details: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(details)) {
    if (isPersonalKey(key)) {
      throw new Error(
        `audit details may not hold personal data: key "${key}" is personal; record the subject or record id instead`,
      );
    }
    if (value === null || typeof value === "boolean") continue;
    if (typeof value === "number") {
      // JSON has no NaN or Infinity: jsonb would store something else than what was hashed.
      if (!Number.isFinite(value)) throw new Error(`audit details "${key}" is not a finite number`);
      continue;
    }
    if (typeof value !== "string") {
      throw new Error(`audit details "${key}" must be a string, number, boolean or null`);
    }
    const found = personalDataIn(value);
    if (found) {
      throw new Error(
        `audit details may not hold personal data: "${key}" looks like ${found}; record the subject or record id instead`,
      );
    }
  }
}
