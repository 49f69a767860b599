import type { SpecialCategoryType } from "./finding.ts";

/**
 * How much context a term needs before it counts as a disclosure.
 * - `strong`: a diagnosis or an unmistakable word; fires alone unless negated or idiomatic.
 * - `personal`: needs the writer or someone close to them in the sentence, and no business
 *   context in the clause ("ik lig in het ziekenhuis", not "laptops voor het ziekenhuis").
 * - `state`: an adjective about a person; needs a personal cue and a copula ("ik ben ziek",
 *   "ma femme est enceinte"), so "mon enceinte Bluetooth" and "mijn scherm is blind" stay out.
 * - `possessive`: a carer or a belief that is only telling when it is someone's own ("mijn
 *   huisarts", "mon psy", "naar de dokter"), since "ik ben huisarts" is a profession.
 * - `carer`: a doctor or therapist: needs a personal cue like `personal`, but "ik ben huisarts",
 *   "je suis kiné", "as a doctor" name the writer's profession, not their health.
 * - `party`: a party name, only with voting or membership words before it.
 * - `union`: a union acronym, only with membership or a personal cue in the sentence.
 * - `origin`: "afkomst", "d'origine", "descent": needs an ethnic adjective next to it or a
 *   personal cue ("l'origine du problème" is not a person's origin).
 * - `biometric`: a body feature used to identify, only when data about it is stored or sent,
 *   or it is the writer's own ("mes empreintes digitales"), and no device is in view (a
 *   fingerprint reader is not biometric data).
 * - `template`: the adjective "biometric" itself: needs a data word (template, sjabloon,
 *   modèle, scan) and the writer in the sentence.
 * - `ideology`: "socialist", "féministe": only the writer's own stance, after "ik ben", "als",
 *   "en tant que", "as a", "I'm a".
 * - `couple`: "twee mannen", "je suis un homme": sex life only with a partner of the same sex.
 */
export type Rule =
  | "strong"
  | "personal"
  | "state"
  | "possessive"
  | "carer"
  | "party"
  | "union"
  | "origin"
  | "biometric"
  | "template"
  | "ideology"
  | "couple";

export interface TermGroup {
  type: SpecialCategoryType;
  rule: Rule;
  /** A second category the same words reveal (a hereditary disease is also health). */
  also?: SpecialCategoryType;
  /** Below the usual confidence: words that only hint (a mutualiteit, racism). */
  confidence?: number;
  /**
   * The name of the category itself ("biometrische gegevens", "sexual orientation"): in a
   * sentence about privacy or the GDPR it is talk about data, not data.
   */
  abstract?: boolean;
  /**
   * A date or a reason rather than a place: "vrij voor het Suikerfeest", "away for Diwali",
   * "for religious reasons". "Voor" and "for" before it say when or why, not which customer.
   */
  circumstance?: boolean;
  /** See `expandPattern` for the notation. */
  terms: readonly string[];
}

/** One searchable spelling of a term, as the matcher sees it. */
export interface Term {
  type: SpecialCategoryType;
  rule: Rule;
  also: SpecialCategoryType | undefined;
  confidence: number | undefined;
  abstract: boolean;
  circumstance: boolean;
  pattern: string;
  /** Letters may (`may`) or must (`must`) come before: Dutch compound heads like borst|kanker. */
  before: Attachment;
  /** Letters may follow: inflections and compound first parts like kanker|patiënt. */
  after: Attachment;
}

export type Attachment = "none" | "may" | "must";

/**
 * The lexicon notation, so lists stay readable:
 * - `*word`: letters may precede (compound head), `+word`: letters must precede;
 * - `word*`: letters may follow, `word+`: letters must follow;
 * - `a-b`: also written "a b" and "ab" (dna-test, dna test, dnatest);
 * - `a_b`: also written "ab" but not "a b" ("burn out" is also an engine failing).
 */
export function expandPattern(notation: string): {
  patterns: string[];
  before: Attachment;
  after: Attachment;
} {
  let core = notation;
  const before = attachment(core[0]);
  if (before !== "none") core = core.slice(1);
  const after = attachment(core[core.length - 1]);
  if (after !== "none") core = core.slice(0, -1);
  return { patterns: spellings(core), before, after };
}

function attachment(marker: string | undefined): Attachment {
  if (marker === "*") return "may";
  if (marker === "+") return "must";
  return "none";
}

function spellings(core: string): string[] {
  const joined = new Set<string>([core.replaceAll("_", "-")]);
  if (core.includes("_")) joined.add(core.replaceAll("_", ""));
  for (const form of [...joined]) {
    if (!form.includes("-")) continue;
    joined.add(form.replaceAll("-", " "));
    joined.add(form.replaceAll("-", ""));
  }
  return [...joined];
}

export function termsOf(groups: readonly TermGroup[]): Term[] {
  return groups.flatMap((group) =>
    group.terms.flatMap((notation) => {
      const { patterns, before, after } = expandPattern(notation);
      return patterns.map((pattern) => ({
        type: group.type,
        rule: group.rule,
        also: group.also,
        confidence: group.confidence,
        abstract: group.abstract ?? false,
        circumstance: group.circumstance ?? false,
        pattern,
        before,
        after,
      }));
    }),
  );
}
