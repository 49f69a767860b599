import { expandPattern, type Term, termsOf } from "./lexicon-entry.ts";
import { biometricGroups, geneticGroups } from "./lexicon-genetic-biometric.ts";
import { healthGroups } from "./lexicon-health.ts";
import { idioms } from "./lexicon-idioms.ts";
import { type MinorCueKind, minorCues } from "./lexicon-minors.ts";
import { originGroups } from "./lexicon-origin.ts";
import { politicalGroups, tradeUnionGroups } from "./lexicon-politics.ts";
import { religionGroups } from "./lexicon-religion.ts";
import { sexLifeGroups } from "./lexicon-sex-life.ts";
import type { NormalisedText } from "./normalise.ts";
import { compileTermMatcher, isWordCode, type MatcherEntry } from "./term-matcher.ts";

export interface Span {
  start: number;
  end: number;
}

/** A lexicon term in the folded text; `word` widens a compound part to its whole word. */
export interface TermHit extends Span {
  term: Term;
  word: Span;
}

export interface MinorHit extends Span {
  kind: MinorCueKind;
}

/** Everything the special-category and minor detectors look at, from one pass over the text. */
export interface LexicalHits {
  terms: TermHit[];
  vetoes: Span[];
  minors: MinorHit[];
}

export type Entry =
  | { kind: "term"; term: Term }
  | { kind: "veto" }
  | { kind: "minor"; cue: MinorCueKind };

/** Every pattern of every lexicon, idiom list and minor cue list, with what it stands for. */
export function lexiconEntries(): MatcherEntry<Entry>[] {
  const groups = [
    ...healthGroups,
    ...religionGroups,
    ...politicalGroups,
    ...tradeUnionGroups,
    ...originGroups,
    ...sexLifeGroups,
    ...geneticGroups,
    ...biometricGroups,
  ];
  const terms = termsOf(groups).map((term): MatcherEntry<Entry> => {
    const { pattern, before, after } = term;
    return { pattern, before, after, entry: { kind: "term", term } };
  });
  const veto: Entry = { kind: "veto" };
  const vetoes = idioms.flatMap((notation) => {
    const { patterns, before, after } = expandPattern(notation);
    return patterns.map((pattern) => ({ pattern, before, after, entry: veto }));
  });
  const minors = Object.entries(minorCues).flatMap(([cue, notations]) => {
    const entry: Entry = { kind: "minor", cue: cue as MinorCueKind };
    return notations.flatMap((notation) => {
      const { patterns, before, after } = expandPattern(notation);
      return patterns.map((pattern) => ({ pattern, before, after, entry }));
    });
  });
  return [...terms, ...vetoes, ...minors];
}

/** Built once at module load: one automaton for every language, category, idiom and cue. */
const matcher = compileTermMatcher(lexiconEntries());

const cache = new WeakMap<NormalisedText, LexicalHits>();

/** The hits of one text, shared by both detectors (scanText hands them the same object). */
export function lexicalHits(text: NormalisedText): LexicalHits {
  const cached = cache.get(text);
  if (cached) return cached;
  const hits: LexicalHits = { terms: [], vetoes: [], minors: [] };
  const folded = text.folded;
  matcher.forEachHit(folded, (entry, start, end) => {
    if (entry.kind === "term") {
      hits.terms.push({ term: entry.term, start, end, word: wholeWord(folded, start, end) });
    } else if (entry.kind === "veto") {
      hits.vetoes.push({ start, end });
    } else {
      hits.minors.push({ kind: entry.cue, start, end });
    }
  });
  cache.set(text, hits);
  return hits;
}

function wholeWord(folded: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from > 0 && isWordCode(folded.charCodeAt(from - 1))) from -= 1;
  while (to < folded.length && isWordCode(folded.charCodeAt(to))) to += 1;
  return { start: from, end: to };
}
