import type { Finding, SpecialCategoryType } from "./finding.ts";
import { lexicalHits, type Span, type TermHit } from "./lexical-hits.ts";
import { isHypothetical, isNegated } from "./negation.ts";
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
  const vetoed = vetoIndex(vetoes);
  const findings: Finding[] = [];
  for (const hit of terms) {
    if (vetoed(hit.word) || isDenied(text.folded, hit.word.start)) continue;
    const verdict = judge(text.folded, hit);
    if (!verdict) continue;
    const cue = { ...hit, word: widened(text.folded, hit.word, verdict.widen) };
    findings.push(finding(text, cue, hit.term.type, verdict.confidence, verdict.reason));
    const also = verdict.also ?? hit.term.also;
    if (also) {
      const reason = verdict.alsoReason ?? `${also}_hereditary`;
      findings.push(finding(text, hit, also, verdict.confidence - 0.1, reason));
    }
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

/** Negated ("ik heb geen diabetes") or only asked about ("jullie vragen of ik diabetes heb"). */
function isDenied(folded: string, start: number): boolean {
  return isNegated(folded, start) || isHypothetical(folded, start);
}

/** The longest idiom is far shorter than this; vetoes starting earlier cannot reach a hit. */
const maxVetoLength = 64;

/**
 * Whether a span overlaps an idiom: a binary search over the vetoes by start, so a long text
 * with thousands of hits and vetoes stays linear instead of comparing every pair.
 */
function vetoIndex(vetoes: readonly Span[]): (span: Span) => boolean {
  const sorted = [...vetoes].sort((a, b) => a.start - b.start);
  return (span) => {
    let low = 0;
    let high = sorted.length;
    const from = span.start - maxVetoLength;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sorted[middle]?.start ?? 0) < from) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < sorted.length; index += 1) {
      const other = sorted[index];
      if (!other || other.start >= span.end) break;
      if (span.start < other.end) return true;
    }
    return false;
  };
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

/**
 * One finding per type and place: "vakbondslid" matches both vakbond* and vakbondslid. Findings
 * that overlap form small clusters and the ranking runs within each, so a long text with
 * thousands of findings stays linear after the sort.
 */
function strongestPerSpan(findings: Finding[]): Finding[] {
  // By start only: a stable sort keeps the order found, which breaks ties of equal rank.
  const byStart = [...findings].sort((a, b) => a.start - b.start);
  const kept: Finding[] = [];
  let cluster: Finding[] = [];
  let clusterEnd = -1;
  for (const candidate of byStart) {
    if (candidate.start >= clusterEnd && cluster.length > 0) {
      kept.push(...strongestInCluster(cluster));
      cluster = [];
    }
    cluster.push(candidate);
    clusterEnd = Math.max(clusterEnd, candidate.end);
  }
  kept.push(...strongestInCluster(cluster));
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function strongestInCluster(cluster: Finding[]): Finding[] {
  if (cluster.length <= 1) return cluster;
  const ranked = [...cluster].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const kept: Finding[] = [];
  for (const candidate of ranked) {
    const clash = kept.some(
      (other) =>
        other.type === candidate.type && other.start < candidate.end && candidate.start < other.end,
    );
    if (!clash) kept.push(candidate);
  }
  return kept;
}
