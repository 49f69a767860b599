import { wordSet } from "./word-set.ts";

/**
 * Whether a school word is the writer's own. A parent writing about a child ("mijn dochter zit
 * in het 3de middelbaar") or a teacher about a class ("ik ben leerkracht in het 5de leerjaar")
 * is not a minor; only a pupil speaking of their own school is.
 */
const children: ReadonlySet<string> = wordSet(`
  zoon zoontje dochter dochtertje kind kindje kinderen kleinzoon kleindochter neef nicht hij
  zij ze leerlingen son daughter child children kid kids grandson granddaughter nephew niece
  he she they students pupils fils fille enfant enfants il elle eleves
`);

const teachers: ReadonlySet<string> = wordSet(`
  leerkracht lesgever leraar lerares onderwijzer onderwijzeres directeur directrice teacher
  principal enseignant enseignante professeur prof instituteur institutrice
`);

const teaching: ReadonlySet<string> = wordSet("teach teaching enseigne lesgeven doceer geef geeft");

const selfCopulas: ReadonlySet<string> = new Set(["ben", "am", "i'm", "suis", "a", "an", "een"]);

/** `words` are the sentence around the cue, in any order. */
export function speaksForChild(words: readonly string[]): boolean {
  // "my son's school" counts as well as "my son".
  return words.some((word) => children.has(word.endsWith("'s") ? word.slice(0, -2) : word));
}

/** "ik ben leerkracht", "I'm a teacher", "je suis prof", "ik geef les", "I teach". */
export function speaksAsTeacher(before: readonly string[], after: readonly string[]): boolean {
  const sentence = [...before, ...after];
  const isTeacher = (words: readonly string[]) =>
    words.some((word, index) => teachers.has(word) && selfCopulas.has(words[index + 1] ?? ""));
  const reversedAfter = [...after].reverse();
  return isTeacher(before) || isTeacher(reversedAfter) || sentence.some((w) => teaching.has(w));
}
