import {
  type DigitRun,
  digitRuns,
  digitsOnly,
  forEachCandidate,
  isInsideCommunicationWrapper,
  isPartOfLongerNumber,
} from "./digit-groups.ts";
import type { Finding } from "./finding.ts";
import { identifierFinding } from "./identifier-finding.ts";
import { isRightAfter, nearestLabelBefore } from "./identifier-labels.ts";
import type { NormalisedText } from "./normalise.ts";

/**
 * Belgian national register (rijksregister) and BIS numbers: YYMMDD SSS CC, written contiguous,
 * 2-2-2-3-2 or 6-3-2 with any of `. - / space` between the groups.
 */
const candidate =
  /\d{11}|\d{6}[ ./-]\d{3}[ ./-]\d{2}|\d{2}[ ./-]\d{2}[ ./-]\d{2}[ ./-]\d{3}[ ./-]\d{2}/g;

/**
 * Words people put before the number. An invoice or order label before a bare run of eleven
 * digits makes it more likely a reference that happens to pass the check (1 in 97 do); a phone
 * label makes it a phone number with its country code.
 */
const labels = new RegExp(
  [
    "\\b(?:",
    "(?<national>rijksregister(?:nummer|nr)?|rr[- ]?(?:nummer|nr)|rrn|insz(?:-?nummer)?|nationaal nummer",
    "|identificatienummer|identiteitsnummer|numero (?:de |du )?(?:registre )?national|registre national",
    "|n° ?national|numero niss|niss|nn|numero de securite sociale|ssin|identification number",
    "|national (?:register |id |identification )?number|social security number",
    "|bis[- ]?(?:nummer|number)|numero bis)",
    "|(?<reference>factuur(?:nummer|nr)?|bestel(?:ling|nummer|nr)|order(?:nummer|nr| number)?",
    "|referentie|reference|ref|facture|commande|invoice|tracking|track ?& ?trace|serienummer|serial",
    "|klantnummer|klantnr|dossiernummer|dossier|ticket|customer number|client number|numero de client)",
    "|(?<phone>tel|telefoon|telephone|phone|gsm|mobiel|mobile|portable|whatsapp|fax)",
    ")\\b",
  ].join(""),
  "g",
);

type NumberType = "national_number" | "bis_number";

export function detectNationalNumbers(
  text: NormalisedText,
  runs: readonly DigitRun[] = digitRuns(text.folded),
): Finding[] {
  const folded = text.folded;
  const findings: Finding[] = [];
  forEachCandidate(runs, candidate, (start, written): number | undefined => {
    const end = start + written.length;
    if (isPartOfLongerNumber(folded, start, end)) return;
    if (isInsideCommunicationWrapper(folded, start, end)) return;
    const digits = digitsOnly(written);
    const type = numberType(digits);
    if (type === undefined || !hasValidCheck(digits)) return;
    const finding = assess(text, type, start, end, digits.length === written.length);
    if (finding !== undefined) findings.push(finding);
  });
  return findings;
}

/**
 * The month says which register: 1–12 (0 when unknown) for the national register, +20 or +40
 * for the BIS register of people who are not in it.
 */
function numberType(digits: string): NumberType | undefined {
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (day > 31) return undefined;
  if (month <= 12) return "national_number";
  if ((month >= 20 && month <= 32) || (month >= 40 && month <= 52)) return "bis_number";
  return undefined;
}

/** People born in 2000 or later get a 2 put before the first nine digits for the check. */
export function hasValidCheck(digits: string): boolean {
  const body = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9, 11));
  return check === 97 - (body % 97) || check === 97 - ((2_000_000_000 + body) % 97);
}

function assess(
  text: NormalisedText,
  type: NumberType,
  start: number,
  end: number,
  contiguous: boolean,
): Finding | undefined {
  const label = nearestLabelBefore(text, start, labels);
  if (label?.kind === "national") {
    return identifierFinding(text, type, start, end, 0.99, `${type}_label`, { label: label.word });
  }
  const labelsThisNumber = label !== undefined && isRightAfter(text, label, start);
  if (contiguous && labelsThisNumber && label.kind === "phone") return undefined;
  if (contiguous && labelsThisNumber && label.kind === "reference") {
    return identifierFinding(text, type, start, end, 0.6, `${type}_reference`, {
      label: label.word,
    });
  }
  return identifierFinding(text, type, start, end, 0.9, `${type}_checksum`);
}
