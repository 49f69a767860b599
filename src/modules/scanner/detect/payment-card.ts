import cardValidator from "card-validator";
import { type DigitRun, digitRuns, forEachCandidate, isWordCharacterAt } from "./digit-groups.ts";
import type { Finding } from "./finding.ts";
import { identifierFinding } from "./identifier-finding.ts";
import { nearestLabelBefore } from "./identifier-labels.ts";
import type { NormalisedText } from "./normalise.ts";

/**
 * 13–19 digits, contiguous or grouped the way cards are printed: a group of four, then groups
 * of four to six (4-4-4-4, Amex 4-6-5), and maybe a short last group (4-4-4-4-3, Bancontact's
 * 17 digits). Phone numbers group by two or three and so never get this far.
 */
const candidate = /\d{13,19}|\d{4}(?:[ -]\d{4,6}){2,4}(?:[ -]\d{1,4})?/g;

const labels = new RegExp(
  [
    "\\b(?:kaartnummer|kredietkaart(?:nummer)?|creditcard(?:nummer)?|credit ?card|debetkaart|betaalkaart",
    "|bankkaart|visa|mastercard|maestro|amex|american express|bancontact|carte (?:bancaire|de credit|visa)",
    "|numero de (?:la )?carte|card number|debit card|cvv|cvc)\\b",
  ].join(""),
  "g",
);

const minimumDigits = 13;

export function detectPaymentCards(
  text: NormalisedText,
  runs: readonly DigitRun[] = digitRuns(text.folded, minimumDigits),
): Finding[] {
  const folded = text.folded;
  const findings: Finding[] = [];
  forEachCandidate(runs, candidate, (start, written): number | undefined => {
    if (folded[start - 1] === "+" || isWordCharacterAt(folded, start - 1)) {
      // A card may still start inside this match, after the digits glued to its front.
      return start + 1;
    }
    const card = longestValidCard(written);
    if (card === undefined || isWordCharacterAt(folded, start + card.length)) return;
    findings.push(cardFinding(text, start, start + card.length, card.brand));
  });
  return findings;
}

/**
 * The longest run of whole groups that is a valid card: an expiry date or CVV typed right after
 * the number ("4111 1111 1111 1111 12 27") is not part of it.
 */
function longestValidCard(written: string): { length: number; brand: string } | undefined {
  const groups = written.split(/[ -]/);
  for (let count = groups.length; count >= 1; count -= 1) {
    const digits = groups.slice(0, count).join("");
    if (digits.length < minimumDigits) return undefined;
    // Luhn first: card-validator copies its brand table on every call, and nine in ten digit
    // runs fail the checksum anyway.
    if (digits.length > 19 || !passesLuhn(digits)) continue;
    const verdict = cardValidator.number(digits, { luhnValidateUnionPay: true });
    if (verdict.isValid && verdict.card !== null) {
      const length = groups.slice(0, count).join(" ").length;
      return { length, brand: verdict.card.niceType };
    }
  }
  return undefined;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function cardFinding(text: NormalisedText, start: number, end: number, brand: string): Finding {
  const label = nearestLabelBefore(text, start, labels);
  if (label !== undefined) {
    return identifierFinding(text, "payment_card", start, end, 0.98, "payment_card_label", {
      brand,
      label: label.word,
    });
  }
  return identifierFinding(text, "payment_card", start, end, 0.9, "payment_card_checksum", {
    brand,
  });
}
