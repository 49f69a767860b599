import {
  hasBusinessContext,
  hasBusinessWord,
  hasDataCue,
  hasDeviceCue,
  hasFailureCue,
  isAboutPrivacy,
  namesInstitution,
} from "./business-context.ts";
import { clauseBefore, wordsAfter, wordsBefore } from "./context-words.ts";
import { sameSexCouple } from "./couples.ts";
import type { SpecialCategoryType } from "./finding.ts";
import type { TermHit } from "./lexical-hits.ts";
import type { Rule } from "./lexicon-entry.ts";
import { isEthnicWord, isNeighbourWord, originGroups } from "./lexicon-origin.ts";
import {
  hasCopula,
  hasFinalCopula,
  hasPossessive,
  hasVisit,
  isProfession,
  personalCueDistance,
} from "./personal-cues.ts";
import { hasCardCue, hasMembershipCue, hasPartyCue, hasStanceFrame } from "./political-cues.ts";
import { wordSet } from "./word-set.ts";

/** What a term's context says: how sure, and which reason key explains it. */
export interface Verdict {
  confidence: number;
  reason: string;
  /** The people word next to an origin word belongs to the cue: "Marokkaanse afkomst". */
  widen?: "previous" | "next";
  /** A second category this very context reveals ("DNA test … 30% West African"). */
  also?: SpecialCategoryType;
  alsoReason?: string;
}

/** The context of one hit, read once and only for hits that survived idioms and negation. */
interface Context {
  folded: string;
  hit: TermHit;
  /** Sentence words before the hit, nearest first, and after it, in reading order. */
  before: string[];
  after: string[];
  /** Distance in words to the writer or a close relative, -1 if none in the sentence. */
  personal: number;
}

export function judge(folded: string, hit: TermHit): Verdict | undefined {
  const before = wordsBefore(folded, hit.word.start, 12);
  const after = wordsAfter(folded, hit.word.end, 8);
  const context = { folded, hit, before, after, personal: personalCueDistance(before, after) };
  if (hit.term.type === "biometric" && isDeviceTalk(context)) return undefined;
  if (hit.term.abstract && isAboutPrivacy([...before, ...after])) return undefined;
  const verdict = rules[hit.term.rule](context);
  if (verdict && hit.term.type === "genetic" && !hit.term.also) {
    return { ...verdict, ...geneticResult(folded, hit, before) };
  }
  return verdict;
}

/** Ancestry tests: whatever people they name is the writer's origin. */
const ancestry = /ancestr|afstamming|herkomst|origine|ascendance|stamboom/;

/** What a genetic test found, when the sentence says: a disease is health, a people is origin. */
function geneticResult(folded: string, hit: TermHit, before: readonly string[]) {
  const after = wordsAfter(folded, hit.word.end, 16);
  const sentence = [...before, ...after];
  const ancestral = ancestry.test(hit.term.pattern);
  if (sentence.some((_word, index) => namesPeople(sentence, index, ancestral))) {
    return { also: "ethnic_origin" as const, alsoReason: "ethnic_origin_ancestry" };
  }
  if (!ancestral && sentence.some(isFinding)) {
    return { also: "health" as const, alsoReason: "health_genetic_result" };
  }
  return {};
}

/** "30% West-Afrikaans", "origines berbères": a people; a neighbour only after a share. */
function namesPeople(words: readonly string[], index: number, ancestral: boolean): boolean {
  const word = words[index] ?? "";
  if (!isEthnicWord(word)) return false;
  const share = [words[index - 1], words[index - 2]].some((near) => /^\d{1,3}$/.test(near ?? ""));
  return share || (ancestral && !isNeighbourWord(word));
}

/**
 * A genetic test that found a disease: a disease noun in the sentence. "Confirmed" or "positive"
 * alone is not enough: a paternity test or an ancestry result is confirmed too.
 */
const diseaseWords: ReadonlySet<string> = wordSet(`
  ziekte aandoening afwijking syndroom maladie syndrome anomalie disease disorder
`);

function isFinding(word: string): boolean {
  return diseaseWords.has(word) || /(?:ziekte|kanker|cancer)$/.test(word);
}

/**
 * A reader or a login explains a biometric word away ("de vingerafdruk wordt niet herkend door
 * Windows Hello"), unless data is moved or kept all the same ("the fingerprint file for the
 * new door reader is attached") or a strong term is the writer's own ("biometric template of
 * my face from the old access system").
 */
function isDeviceTalk(context: Context): boolean {
  const sentence = [...context.before, ...context.after];
  if (!hasDeviceCue(sentence) || hasDataCue(sentence)) return false;
  return context.hit.term.rule !== "strong" || context.personal < 0;
}

const type = (context: Context) => context.hit.term.type;
const personalReason = (context: Context) => `${type(context)}_term_personal`;
const isPersonal = (context: Context) => context.personal >= 0;
const inBusiness = (context: Context) => {
  const clause = clauseBefore(context.folded, context.hit.word.start, 8);
  return context.hit.term.circumstance ? hasBusinessWord(clause) : hasBusinessContext(clause);
};
/** A compound, not an inflection: "ziekenhuis|apotheker", not "hospitalisé|e". */
const isCompound = ({ hit }: Context) => hit.word.end - hit.word.start > hit.end - hit.start + 3;
const isInstitution = ({ folded, hit, after }: Context) =>
  namesInstitution(folded.slice(hit.word.start, hit.word.end), hit.term.pattern, after[0] ?? "");
const preset = (context: Context, fallback: number) => context.hit.term.confidence ?? fallback;

/** "ik kom uit Marokko", "je viens du Congo", "I'm from Morocco": the writer or kin only. */
const comingFrom: ReadonlySet<string> = new Set(
  originGroups
    .filter((group) => group.rule === "origin")
    .flatMap((group) => group.terms)
    .filter((term) => / |from/.test(term)),
);

/** "a call from India" is not an origin; "I'm from", "we come from", "originally from" are. */
const fromLeads: ReadonlySet<string> = wordSet("i'm im am is are come came originally");

function cameFrom(context: Context, next: string): Verdict | undefined {
  if (!isEthnicWord(next) || isNeighbourWord(next) || !isPersonal(context)) return undefined;
  const pattern = context.hit.term.pattern;
  if (pattern === "from" && !fromLeads.has(context.before[0] ?? "")) return undefined;
  return { confidence: 0.7, reason: "ethnic_origin_descent", widen: "next" };
}

/** Which neighbour of an origin word names a people: "Marokkaanse afkomst", "origine congolaise". */
function peopleSide(previous: string, after: readonly string[]): "previous" | "next" | undefined {
  if (isEthnicWord(previous)) return "previous";
  return peopleAfter(after) ? "next" : undefined;
}

/** Words between "roots" and the people: "my roots are in Morocco", "mes racines sont au Maroc". */
const originLinks: ReadonlySet<string> = wordSet(
  "in are lie liggen zijn ligt is uit van de du des au aux en from of sont se trouvent",
);

function peopleAfter(after: readonly string[]): boolean {
  for (const word of after.slice(0, 4)) {
    if (isEthnicWord(word)) return true;
    if (!originLinks.has(word)) return false;
  }
  return false;
}

/** "my background", "my roots", "the origin" are as often a career or a cause as a people. */
const adjacencyOnly: ReadonlySet<string> = new Set([
  "half",
  "ascendance",
  "background",
  "heritage",
  "origin",
  "roots",
  "racines",
]);

const rules: Record<Rule, (context: Context) => Verdict | undefined> = {
  strong(context) {
    const clause = clauseBefore(context.folded, context.hit.word.start, 8);
    if (hasBusinessContext(clause, false) || isInstitution(context)) return undefined;
    if (isPersonal(context))
      return { confidence: preset(context, 0.95), reason: personalReason(context) };
    return { confidence: preset(context, 0.85), reason: `${type(context)}_term` };
  },
  personal(context) {
    if (!isPersonal(context) || inBusiness(context)) return undefined;
    // "ik ben ziekenhuisapotheker": a compound after "ik ben" is a job title.
    if (isCompound(context) && isProfession(context.before)) return undefined;
    const close = context.personal <= 3;
    return { confidence: preset(context, close ? 0.75 : 0.7), reason: personalReason(context) };
  },
  state(context) {
    const clause = clauseBefore(context.folded, context.hit.word.start, 5);
    const copula = hasCopula(clause) || hasFinalCopula(context.after);
    if (!isPersonal(context) || !copula || inBusiness(context)) return undefined;
    return { confidence: preset(context, 0.8), reason: personalReason(context) };
  },
  carer(context) {
    if (isProfession(context.before)) return undefined;
    return rules.personal(context);
  },
  possessive(context) {
    const visited = hasVisit(context.before) && isPersonal(context);
    if (!(hasPossessive(context.before) || visited) || inBusiness(context)) return undefined;
    return { confidence: preset(context, 0.75), reason: personalReason(context) };
  },
  party(context) {
    if (!hasPartyCue(context.before, context.after)) return undefined;
    return { confidence: isPersonal(context) ? 0.85 : 0.8, reason: "political_opinion_party" };
  },
  union(context) {
    const sentence = [...context.before, ...context.after];
    const member = hasMembershipCue(sentence);
    if (!(isPersonal(context) || member)) return undefined;
    if (!member && hasCardCue(sentence)) return undefined;
    // "lid van het ABVV" is membership, so only the words of trade count here, not "van het".
    if (hasBusinessWord(clauseBefore(context.folded, context.hit.word.start, 8))) return undefined;
    return { confidence: 0.75, reason: "trade_union_member" };
  },
  origin(context) {
    const next = context.after[0] ?? "";
    if (comingFrom.has(context.hit.term.pattern)) return cameFrom(context, next);
    const widen = peopleSide(context.before[0] ?? "", context.after);
    const own = hasPossessive(context.before) && !adjacencyOnly.has(context.hit.term.pattern);
    if (!(widen || own)) return undefined;
    return { confidence: 0.8, reason: "ethnic_origin_descent", ...(widen ? { widen } : {}) };
  },
  biometric(context) {
    const sentence = [...context.before, ...context.after];
    const own = hasPossessive(context.before) && !hasFailureCue(sentence);
    if (!(hasDataCue(sentence) || own)) return undefined;
    return { confidence: preset(context, 0.7), reason: "biometric_data" };
  },
  template(context) {
    if (!isPersonal(context) || !hasDataCue([...context.before, ...context.after]))
      return undefined;
    return { confidence: 0.75, reason: "biometric_data" };
  },
  ideology(context) {
    const word = context.folded.slice(context.hit.word.start, context.hit.word.end);
    if (!isPersonal(context) || !hasStanceFrame(word, context.before, context.after))
      return undefined;
    return { confidence: 0.8, reason: personalReason(context) };
  },
  couple: (context) => sameSexCouple(context.folded, context.hit),
};
