import { clauseBreak, wordsAfter, wordsBefore } from "./context-words.ts";
import type { MinorHit } from "./lexical-hits.ts";

/**
 * School years and school levels as a pupil names their own: "3de middelbaar", "het vijfde
 * leerjaar", "je suis en 5e", "en 4e secondaire", "en rhéto", "in year 9", "9th grade".
 */
const dutchOrdinal =
  /^(?:[1-7]|[1-7](?:ste|de|e)|eerste|tweede|derde|vierde|vijfde|zesde|zevende)$/;
const frenchOrdinal =
  /^(?:[1-7](?:e|eme|ere|re|er)|premiere|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme)$/;
const englishGrade =
  /^(?:[1-9]|1[0-2])(?:st|nd|rd|th)?$|^(?:sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)$/;
const englishYear = /^(?:[7-9]|1[0-3])$/;

/** What may follow "je suis en 5e": nothing, a school word, or the next clause. */
const frenchYearFollowers: ReadonlySet<string> = new Set([
  "secondaire",
  "primaire",
  "annee",
  "humanites",
  "sec",
  "prim",
  "et",
  "je",
  "mais",
  "donc",
  "au",
  "a",
  "dans",
]);

/** Whether `hit` names a school year, rather than the word in another sense. */
export function isSchoolYear(folded: string, hit: MinorHit): boolean {
  const word = folded.slice(hit.start, hit.end);
  const before = wordsBefore(folded, hit.start, 3);
  const after = wordsAfter(folded, hit.end, 2);
  const ordinalBefore = before[0] === "jaar" ? before[1] : before[0];
  switch (word) {
    case "klas":
      // "in de zesde klas", not "eerste klas" on a train.
      return dutchOrdinal.test(before[0] ?? "") && before[1] === "de" && before[2] === "in";
    case "middelbaar":
    case "secundair":
    case "leerjaar":
    case "graad":
    case "aso":
    case "tso":
    case "bso":
    case "kso":
      return dutchOrdinal.test(ordinalBefore ?? "");
    case "secondaire":
    case "primaire":
    case "humanites":
      return frenchOrdinal.test(before[0] ?? "") || /^(?:[1-7])$/.test(before[0] ?? "");
    case "rheto":
      return true;
    case "year":
      // "in year 9", "year 9 student"; not "the year 10 roadmap" or "year 10 of the lease".
      return (
        englishYear.test(after[0] ?? "") &&
        !["the", "this", "that", "fiscal", "financial"].includes(before[0] ?? "") &&
        after[1] !== "of"
      );
    case "grade":
      return englishGrade.test(before[0] ?? "") || englishGrade.test(after[0] ?? "");
    default:
      return word.startsWith("en ") ? isFrenchYear(after) : word.includes("high school");
  }
}

/**
 * Where the cue starts: the ordinal before "middelbaar", "leerjaar", "grade" or "secondaire"
 * is part of it ("3de middelbaar", "9th grade").
 */
export function schoolYearStart(folded: string, hit: MinorHit): number {
  const [first = "", second = ""] = wordsBefore(folded, hit.start, 2);
  const ordinal = first === "jaar" ? second : first;
  const isOrdinal = [dutchOrdinal, frenchOrdinal, englishGrade].some((p) => p.test(ordinal));
  if (!isOrdinal) return hit.start;
  const at = folded.lastIndexOf(ordinal, hit.start);
  return at >= 0 && hit.start - at <= 24 ? at : hit.start;
}

function isFrenchYear(after: readonly string[]): boolean {
  const [next] = after;
  return next === undefined || next === clauseBreak || frenchYearFollowers.has(next);
}

/**
 * A school level that only says something with the writer in it: "ik zit in het middelbaar",
 * "je suis en secondaire", "I'm in high school", "je suis au collège" (but "I'm in college" is
 * university, and "middelbaar onderwijs" is a sector).
 */
export function isSchoolLevel(folded: string, hit: MinorHit): boolean {
  const word = folded.slice(hit.start, hit.end);
  const [first = "", second = ""] = wordsBefore(folded, hit.start, 2);
  switch (word) {
    case "middelbaar":
    case "secundair":
      return first === "het" && second === "in";
    case "secondaire":
    case "primaire":
      return first === "en";
    case "college":
    case "lycee":
      return first === "au" || first === "mon";
    default:
      return hit.kind === "school_place";
  }
}
