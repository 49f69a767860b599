import { clauseBefore, clauseBreak, wordsBefore } from "./context-words.ts";
import { wordSet } from "./word-set.ts";

/** Words that deny what follows in the same clause: "ik heb geen diabetes", "I'm not gay". */
const negators: ReadonlySet<string> = wordSet(`
  geen niet nooit noch nergens jamais aucun aucune ni not no never nor cannot dont doesnt
  didnt isnt wasnt arent havent hasnt hadnt wont cant
`);

/**
 * "Without" only denies the word right after it: "zonder diabetes" is a denial, "zonder mijn
 * insuline kan ik niet werken" is a disclosure.
 */
const adjacentNegators: ReadonlySet<string> = new Set(["zonder", "sans", "without"]);

/** Dutch words that make "pas" mean "only just" ("ik ben pas geopereerd"), not French "not". */
const dutchMarkers: ReadonlySet<string> = wordSet("ik 'k ben heb is was mijn het een werd zijn we");

/** How far back a negation reaches: "je n'ai pas de diabète", "I have never had a stroke". */
const window = 4;

/** True when the cue at `start` is denied within its own clause. */
export function isNegated(folded: string, start: number): boolean {
  const words = clauseBefore(folded, start, window);
  for (let index = 0; index < words.length; index += 1) {
    if (negates(words[index] ?? "", words, index)) return true;
  }
  return false;
}

function negates(word: string, words: readonly string[], index: number): boolean {
  if (negators.has(word) || word.endsWith("n't")) return true;
  if (adjacentNegators.has(word)) return index === 0;
  if (word !== "pas") return false;
  const rest = words.slice(index + 1);
  const french = rest.some((other) => other === "ne" || other.startsWith("n'"));
  return french || !rest.some((other) => dutchMarkers.has(other));
}

/** "of", "if", "whether", "si": what opens an indirect question or a condition. */
const complementisers: ReadonlySet<string> = wordSet("of als if whether si s'il s'ils s'elle");

/** Verbs that ask or want to know: "vraagt of", "asks me whether", "veut savoir si". */
const askingVerbs: ReadonlySet<string> = wordSet(`
  vraagt vragen vroeg vroegen vraag gevraagd weten checken nagaan controleren peilen ask asks
  asked asking know wonder wonders wondering check checks demande demandent demandait demander
  savoir verifier
`);

/** "als ik ooit", "if I ever": a condition about the future, not a fact. */
const someday: ReadonlySet<string> = wordSet("ooit ever");

/**
 * Pure conditions, as the words before read nearest first: "in case", "au cas où", "voor het
 * geval", "stel dat", "suppose". "In mijn geval", "in that case" state a fact and stay out.
 */
const conditions: readonly (readonly string[])[] = [
  ["case", "in"],
  ["cas", "au"],
  ["geval", "het", "voor"],
  ["dat", "stel"],
  ["suppose"],
  ["supposing"],
];

function opensCondition(words: readonly string[], index: number): boolean {
  return conditions.some((phrase) =>
    phrase.every((word, offset) => words[index + offset] === word),
  );
}

/** "mijn diabetes" presupposes the disease even inside a question: that is a disclosure. */
const ownWords: ReadonlySet<string> = wordSet("mijn m'n mn mon ma mes my");

/** How far the cue may stand from "of", "if", "si": "of ik ooit kanker heb gehad". */
const questionReach = 4;

/**
 * True when the cue at `start` is only asked about or supposed: "jullie enquête vraagt of ik
 * diabetes heb", "the form asks me whether I'm pregnant", "on me demande si j'ai le diabète",
 * "als ik ooit zwanger word", "in case of pregnancy". A possessive right before the cue ("of ik
 * met mijn diabetes mag…") presupposes it, and stays a disclosure.
 */
export function isHypothetical(folded: string, start: number): boolean {
  const words = wordsBefore(folded, start, questionReach + 3);
  if (ownWords.has(words[0] ?? "")) return false;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? "";
    if (word === clauseBreak) return false;
    if (opensCondition(words, index)) return true;
    if (index > questionReach) return false;
    if (!complementisers.has(word)) continue;
    const leading = words.slice(index + 1, index + 3);
    if (leading.some((lead) => askingVerbs.has(lead))) return true;
    if (words.slice(0, index).some((between) => someday.has(between))) return true;
  }
  return false;
}
