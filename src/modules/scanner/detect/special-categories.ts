import type { Finding, SpecialCategoryType } from "./finding.ts";
import { lexicalHits, type Span, type TermHit } from "./lexical-hits.ts";
import { isNegated } from "./negation.ts";
import { type NormalisedText, originalSpan } from "./normalise.ts";
import { judge } from "./special-rules.ts";

/** The longest cue word a finding quotes; a compound rarely runs longer. */
const maxTermLength = 40;

/**
 * GDPR Art. 9 categories in Dutch, French and English: one Aho-Corasick pass over the folded
 * text (shared with the minors detector), then cheap checks around each hit only: idioms and
 * device words, negation in the clause, and the personal or political context a weak word needs.
 */
export function detectSpecialCategories(text: NormalisedText): Finding[] {
  const { terms, vetoes } = lexicalHits(text);
  const findings: Finding[] = [];
  for (const hit of terms) {
    if (overlapsAny(hit.word, vetoes) || isNegated(text.folded, hit.word.start)) continue;
    const verdict = judge(text.folded, hit);
    if (!verdict) continue;
    const cue = { ...hit, word: widened(text.folded, hit.word, verdict.widen) };
    findings.push(finding(text, cue, hit.term.type, verdict.confidence, verdict.reason));
    const also = hit.term.also;
    if (also)
      findings.push(finding(text, hit, also, verdict.confidence - 0.1, `${also}_hereditary`));
  }
  return strongestPerSpan(findings);
}

/** The cue plus the word before or after it ("Marokkaanse afkomst", "d'origine congolaise"). */
function widened(folded: string, word: Span, side: "previous" | "next" | undefined): Span {
  if (side === "next") {
    const match = /^[\s']*[^\s.,;:!?()]+/.exec(folded.slice(word.end, word.end + 40));
    return match ? { start: word.start, end: word.end + match[0].length } : word;
  }
  if (side === "previous") {
    const match = /[^\s.,;:!?()']+\s*$/.exec(
      folded.slice(Math.max(0, word.start - 40), word.start),
    );
    return match ? { start: word.start - match[0].length, end: word.end } : word;
  }
  return word;
}

function overlapsAny(span: Span, others: readonly Span[]): boolean {
  return others.some((other) => other.start < span.end && span.start < other.end);
}

function finding(
  text: NormalisedText,
  hit: TermHit,
  type: SpecialCategoryType,
  confidence: number,
  reason: string,
): Finding {
  // A phrase ("lid van de vakbond") is quoted as matched; a compound part as its whole word.
  const span = hit.word.end - hit.word.start > maxTermLength ? hit : hit.word;
  const { start, end } = originalSpan(text, span.start, span.end);
  const term = text.original.slice(start, end);
  return { type, start, end, confidence: round(confidence), reason, params: { term } };
}

function round(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
}

/** One finding per type and place: "vakbondslid" matches both vakbond* and vakbondslid. */
function strongestPerSpan(findings: Finding[]): Finding[] {
  const ranked = [...findings].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const kept: Finding[] = [];
  for (const candidate of ranked) {
    const clash = kept.some(
      (other) =>
        other.type === candidate.type && other.start < candidate.end && candidate.start < other.end,
    );
    if (!clash) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
