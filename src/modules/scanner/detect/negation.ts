import { clauseBefore } from "./context-words.ts";
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
  return words.some((word, index) => negates(word, words, index));
}

function negates(word: string, words: readonly string[], index: number): boolean {
  if (negators.has(word) || word.endsWith("n't")) return true;
  if (adjacentNegators.has(word)) return index === 0;
  if (word !== "pas") return false;
  const rest = words.slice(index + 1);
  const french = rest.some((other) => other === "ne" || other.startsWith("n'"));
  return french || !rest.some((other) => dutchMarkers.has(other));
}
