import { getCountrySpecifications, isValidIBAN } from "ibantools";
import { isWordCharacterAt } from "./digit-groups.ts";
import type { Finding } from "./finding.ts";
import { identifierFinding } from "./identifier-finding.ts";
import type { NormalisedText } from "./normalise.ts";

/** Country code and check digits; what follows is read to the length the country prescribes. */
const candidate = /\b[a-z]{2} ?\d\d/g;

/** IBAN length per country, from ibantools' registry, looked up once. */
const ibanLength = new Map<string, number>(
  Object.entries(getCountrySpecifications()).flatMap(([country, spec]) =>
    typeof spec.chars === "number" ? [[country.toLowerCase(), spec.chars] as const] : [],
  ),
);

export function detectIbans(text: NormalisedText): Finding[] {
  const folded = text.folded;
  const findings: Finding[] = [];
  candidate.lastIndex = 0;
  for (let match = candidate.exec(folded); match !== null; match = candidate.exec(folded)) {
    const start = match.index;
    if (isWordCharacterAt(folded, start - 1)) continue;
    const country = folded.slice(start, start + 2);
    const length = ibanLength.get(country);
    if (length === undefined) continue;
    const read = readAccount(folded, start + match[0].length, length - 4);
    if (read === undefined) continue;
    const electronic = `${country}${match[0].slice(-2)}${read.account}`.toUpperCase();
    if (!isValidIBAN(electronic)) continue;
    findings.push(ibanFinding(text, country, start, read.end));
    candidate.lastIndex = read.end;
  }
  return findings;
}

const accountSeparator = /[ .-]/;

/**
 * Exactly `length` letters and digits, with at most one space, dot or dash between them (people
 * group by four, or copy the old 3-7-2 Belgian account number after `BE68`).
 */
function readAccount(
  text: string,
  from: number,
  length: number,
): { account: string; end: number } | undefined {
  let account = "";
  let index = from;
  while (account.length < length) {
    const char = text[index];
    if (char === undefined) return undefined;
    if (isAccountCharacter(char)) {
      account += char;
      index += 1;
      continue;
    }
    const next = text[index + 1];
    if (!accountSeparator.test(char) || next === undefined || !isAccountCharacter(next)) {
      return undefined;
    }
    index += 1;
  }
  if (isWordCharacterAt(text, index)) return undefined;
  return { account, end: index };
}

function isAccountCharacter(char: string): boolean {
  return (char >= "0" && char <= "9") || (char >= "a" && char <= "z");
}

function ibanFinding(text: NormalisedText, country: string, start: number, end: number): Finding {
  if (country === "be") return identifierFinding(text, "iban", start, end, 0.98, "iban_belgian");
  return identifierFinding(text, "iban", start, end, 0.9, "iban_foreign", {
    country: country.toUpperCase(),
  });
}
