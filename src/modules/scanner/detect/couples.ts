import type { TermHit } from "./lexical-hits.ts";

/**
 * Sex life from a couple the writer describes: two people of the same sex together. "Mijn man
 * en ik" alone says nothing (the writer's sex is unknown); "mijn vriend en ik (twee mannen)",
 * "je suis un homme et mon mari…", "as a woman, my wife…" do.
 */
export interface CoupleVerdict {
  confidence: number;
  reason: string;
}

/** How far around the cue a partner may be named: a sentence or two. */
const reach = 240;

/**
 * Partners as the writer owns them ("mijn vriend", "ma compagne", "my husband") and words for a
 * couple itself ("getrouwd", "pacsés", "married").
 */
const partner =
  /(?:^|[^a-z])(?:(?:mijn|m'n|mn|onze|mon|ma|notre|my|our)\s+(?:vriend|vriendin|partner|lief|man|vrouw|echtgeno(?:ot|te)|wederhelft|mari|femme|epou(?:x|se)|compagn(?:on|e)|conjoint(?:e)?|copain|copine|husband|wife|spouse|boyfriend|girlfriend|fiance|fiancee)|getrouwd|gehuwd|samenwonend|koppel|trouwen|huwelijk|mariee?s|pacse(?:e|es|s)|mariage|couple|married|wedding)(?![a-z])/;

/** A partner of the writer's own sex, once the writer has said which sex that is. */
const sameSexPartner: Readonly<Record<"male" | "female", RegExp>> = {
  male: /(?:^|[^a-z])(?:mijn|m'n|mn|mon|my)\s+(?:man|echtgenoot|mari|epoux|husband|boyfriend)(?![a-z])/,
  female: /(?:^|[^a-z])(?:mijn|m'n|mn|ma|mon|my)\s+(?:vrouw|echtgenote|femme|epouse|wife)(?![a-z])/,
};

/** "ik ben een man", "en tant que femme", "I'm a woman": the writer's own sex. */
const male = /(?:man|homme|guy)$/;
const female = /(?:vrouw|femme|woman)$/;

const verdict: CoupleVerdict = { confidence: 0.75, reason: "sex_life_same_sex_couple" };

export function sameSexCouple(folded: string, hit: TermHit): CoupleVerdict | undefined {
  const around = folded.slice(Math.max(0, hit.start - reach), hit.end + reach);
  const pattern = hit.term.pattern;
  // "twee mannen", "deux femmes", "two women": a pair, a couple only with a partner word.
  if (/^(?:twee|deux|two|2) /.test(pattern)) {
    // "twee mama's", "deux papas": parents of the same sex are a couple by themselves.
    const parents = /(?:papa|mama|dad|mom|mum)/.test(pattern);
    return parents || partner.test(around) ? verdict : undefined;
  }
  // Female first: "woman" ends in "man".
  const sex = female.test(pattern) ? "female" : male.test(pattern) ? "male" : undefined;
  if (!sex) return undefined;
  // The partner is looked for outside the cue itself: "als vrouw" is not "mijn vrouw".
  const rest = `${folded.slice(Math.max(0, hit.start - reach), hit.start)} ${folded.slice(hit.end, hit.end + reach)}`;
  return sameSexPartner[sex].test(rest) ? verdict : undefined;
}
