import {
  hasBusinessContext,
  hasBusinessWord,
  hasDataCue,
  hasDeviceCue,
  isAboutPrivacy,
  namesInstitution,
} from "./business-context.ts";
import { clauseBefore, wordsAfter, wordsBefore } from "./context-words.ts";
import type { TermHit } from "./lexical-hits.ts";
import type { Rule } from "./lexicon-entry.ts";
import { isEthnicWord, isNeighbourWord, originGroups } from "./lexicon-origin.ts";
import {
  hasCopula,
  hasPossessive,
  hasVisit,
  isProfession,
  personalCueDistance,
} from "./personal-cues.ts";
import { hasMembershipCue, hasPartyCue } from "./political-cues.ts";
import { wordSet } from "./word-set.ts";

/** What a term's context says: how sure, and which reason key explains it. */
export interface Verdict {
  confidence: number;
  reason: string;
  /** The people word next to an origin word belongs to the cue: "Marokkaanse afkomst". */
  widen?: "previous" | "next";
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
  if (hit.term.type === "biometric" && hasDeviceCue([...before, ...after])) return undefined;
  if (hit.term.abstract && isAboutPrivacy([...before, ...after])) return undefined;
  return rules[hit.term.rule](context);
}

const type = (context: Context) => context.hit.term.type;
const personalReason = (context: Context) => `${type(context)}_term_personal`;
const isPersonal = (context: Context) => context.personal >= 0;
const inBusiness = (context: Context) =>
  hasBusinessContext(clauseBefore(context.folded, context.hit.word.start, 8));
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
function peopleSide(previous: string, next: string): "previous" | "next" | undefined {
  if (isEthnicWord(previous)) return "previous";
  return isEthnicWord(next) ? "next" : undefined;
}

/** "my background", "my roots", "the origin" are as often a career or a cause as a people. */
const adjacencyOnly: ReadonlySet<string> = new Set(["background", "heritage", "origin", "roots"]);

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
    if (!isPersonal(context) || !hasCopula(clause) || inBusiness(context)) return undefined;
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
    if (!(isPersonal(context) || hasMembershipCue(sentence))) return undefined;
    // "lid van het ABVV" is membership, so only the words of trade count here, not "van het".
    if (hasBusinessWord(clauseBefore(context.folded, context.hit.word.start, 8))) return undefined;
    return { confidence: 0.75, reason: "trade_union_member" };
  },
  origin(context) {
    const next = context.after[0] ?? "";
    if (comingFrom.has(context.hit.term.pattern)) return cameFrom(context, next);
    const widen = peopleSide(context.before[0] ?? "", next);
    const own = hasPossessive(context.before) && !adjacencyOnly.has(context.hit.term.pattern);
    if (!(widen || own)) return undefined;
    return { confidence: 0.8, reason: "ethnic_origin_descent", ...(widen ? { widen } : {}) };
  },
  biometric(context) {
    if (!hasDataCue([...context.before, ...context.after])) return undefined;
    return { confidence: 0.7, reason: "biometric_data" };
  },
};
