import {
  type DigitRun,
  digitRuns,
  digitsOnly,
  forEachCandidate,
  isInsideCommunicationWrapper,
  isPartOfLongerNumber,
  mod97,
} from "./digit-groups.ts";
import type { Finding } from "./finding.ts";
import { identifierFinding } from "./identifier-finding.ts";
import { nearestLabelBefore } from "./identifier-labels.ts";
import type { NormalisedText } from "./normalise.ts";

/** Belgian eID card numbers: 12 digits, printed 3-7-2 (`591-1234567-89`). */
const candidate = /\d{3}[ ./-]\d{7}[ ./-]\d{2}|\d{12}/g;

/**
 * The same 12-digit mod-97 check is used by the structured communication on transfers and by
 * the old Belgian bank account number (also written 3-7-2), so the nearest label decides: a card
 * label makes it a card, a payment or account label makes it something else.
 */
const labels = new RegExp(
  [
    "\\b(?:",
    "(?<card>(?:identiteits)?kaart(?:nummer|nr)?|identiteitskaartnummer|eid|e-id|id-kaart|id kaart",
    // "Document number" is what the card itself prints beside the number.
    "|documentnummer|document ?(?:no|nr|number|nummer)|numero de (?:la )?carte|numero de document",
    "|carte d'identite|carte eid|card number|card no|id card|identity card",
    // "ID number" next to twelve digits that pass the card's check: the card, not the person.
    "|id ?(?:number|nummer|nr|no)|n[o°] de carte)",
    "|(?<payment>gestructureerde mededeling|mededeling|communication structuree|communication|ogm",
    "|rekening(?:nummer)?|bankrekening(?:nummer)?|compte(?: bancaire)?|numero de compte|account(?: number)?|iban",
    "|stort(?:en)?|overschrijv(?:en|ing)|overmaken|betalen|virement|verse[rz]|payer|transfer|pay)",
    ")\\b",
  ].join(""),
  "g",
);

export function detectEidCards(
  text: NormalisedText,
  runs: readonly DigitRun[] = digitRuns(text.folded, 12),
): Finding[] {
  const folded = text.folded;
  const findings: Finding[] = [];
  forEachCandidate(runs, candidate, (start, written): number | undefined => {
    const end = start + written.length;
    if (isPartOfLongerNumber(folded, start, end)) return;
    if (isInsideCommunicationWrapper(folded, start, end)) return;
    if (!hasValidCheck(digitsOnly(written))) return;
    const finding = assess(text, start, end, written.length === 12);
    if (finding !== undefined) findings.push(finding);
  });
  return findings;
}

/** The first ten digits modulo 97 are the last two, with 97 standing for a remainder of 0. */
export function hasValidCheck(digits: string): boolean {
  const remainder = mod97(digits.slice(0, 10));
  return Number(digits.slice(10, 12)) === (remainder === 0 ? 97 : remainder);
}

function assess(
  text: NormalisedText,
  start: number,
  end: number,
  contiguous: boolean,
): Finding | undefined {
  const label = nearestLabelBefore(text, start, labels);
  if (label?.kind === "payment") return undefined;
  if (label?.kind === "card") {
    const confidence = contiguous ? 0.95 : 0.99;
    return identifierFinding(text, "eid_card", start, end, confidence, "eid_card_label", {
      label: label.word,
    });
  }
  if (contiguous) return undefined;
  return identifierFinding(text, "eid_card", start, end, 0.9, "eid_card_grouped");
}
