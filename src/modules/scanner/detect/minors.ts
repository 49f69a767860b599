import { hasBusinessContext } from "./business-context.ts";
import { clauseBefore, wordsAfter, wordsBefore } from "./context-words.ts";
import type { Finding } from "./finding.ts";
import { lexicalHits, type MinorHit } from "./lexical-hits.ts";
import { labelledAge, statedAge } from "./minor-age.ts";
import { isNegated } from "./negation.ts";
import { type NormalisedText, originalSpan } from "./normalise.ts";
import { personalCueDistance } from "./personal-cues.ts";
import { isSchoolLevel, isSchoolYear, schoolYearStart } from "./school-years.ts";
import { speaksAsTeacher, speaksForChild } from "./writer-role.ts";

const schoolKinds: ReadonlySet<string> = new Set([
  "school_word",
  "school_year",
  "school_place",
  "pupil_word",
]);

/** Ages a child could write at; "ik ben 5 minuten te laat" is not a five-year-old. */
const youngest = 6;
const adult = 18;

interface Scene {
  text: NormalisedText;
  /** Whether the text mentions school at all, for "mijn ouders" + school. */
  mentionsSchool: boolean;
  /** Hogeschool, master, opleiding: school words then belong to an adult. */
  adultStudy: boolean;
}

/**
 * A writer who says they are under 18 or sounds like a pupil: a stated age under 18, their own
 * school year or school, a Kids-ID, or "mijn ouders" in a text about school. A parent or a
 * teacher writing about children is not flagged: the data is then about a child, not from one.
 */
export function detectMinors(text: NormalisedText): Finding[] {
  const { minors } = lexicalHits(text);
  const adultStudy = minors.some((hit) => hit.kind === "adult_study");
  const mentionsSchool = minors.some(
    (hit) => schoolKinds.has(hit.kind) && !isNegated(text.folded, hit.start),
  );
  const scene = { text, mentionsSchool, adultStudy };
  const findings = minors.flatMap((hit) => judgeMinor(scene, hit) ?? []);
  return oncePerSpan(findings);
}

function judgeMinor(scene: Scene, hit: MinorHit): Finding | undefined {
  const folded = scene.text.folded;
  if (hit.kind === "age" || hit.kind === "age_label") return ageFinding(scene, hit);
  if (scene.adultStudy) return undefined;
  switch (hit.kind) {
    case "school_year":
      if (isSchoolYear(folded, hit)) {
        const cue = { ...hit, start: schoolYearStart(folded, hit) };
        return schoolFinding(scene, cue, 0.85, "minor_school_year");
      }
      return isSchoolLevel(folded, hit) ? ownSchoolFinding(scene, hit) : undefined;
    case "school_place":
      return isSchoolLevel(folded, hit) ? ownSchoolFinding(scene, hit) : undefined;
    case "kids_id":
      return schoolFinding(scene, hit, 0.8, "minor_kids_id");
    case "parents":
      return parentsFinding(scene, hit);
    case "pupil_word":
      return ownSchoolFinding(scene, hit, 0.65, "minor_pupil");
    default:
      return undefined;
  }
}

function ageFinding(scene: Scene, hit: MinorHit): Finding | undefined {
  const folded = scene.text.folded;
  const lead = folded.slice(hit.start, hit.end);
  const stated =
    hit.kind === "age" ? statedAge(folded, lead, hit.end) : labelledAge(folded, hit.end);
  if (!stated || stated.age < youngest) return undefined;
  // "ik word 18", "almost 18": not 18 yet, so still a minor.
  if (stated.age > adult || (stated.age === adult && !stated.future)) return undefined;
  const confidence = stated.age < 16 ? 0.9 : 0.75;
  const reason = hit.kind === "age" ? "minor_age" : "minor_age_label";
  return finding(scene.text, stated, confidence, reason, { age: stated.age });
}

/** A school year or a Kids-ID counts unless a parent or a teacher is speaking. */
function schoolFinding(scene: Scene, hit: MinorHit, confidence: number, reason: string) {
  const { before, after } = sentenceAround(scene.text.folded, hit);
  // "de Kids-ID van mijn zoon": the child may also follow the cue.
  const child = speaksForChild(before) || speaksForChild(after.slice(0, 4));
  if (child || speaksAsTeacher(before, after)) return undefined;
  return finding(scene.text, hit, confidence, reason);
}

/** A school level ("high school", "au collège") needs the writer in the sentence as well. */
function ownSchoolFinding(scene: Scene, hit: MinorHit, confidence = 0.75, reason = "minor_school") {
  const folded = scene.text.folded;
  const { before, after } = sentenceAround(folded, hit);
  if (personalCueDistance(before, after) < 0) return undefined;
  if (speaksForChild(before) || speaksAsTeacher(before, after)) return undefined;
  if (hasBusinessContext(clauseBefore(folded, hit.start, 8))) return undefined;
  return finding(scene.text, hit, confidence, reason);
}

const ownPossessives: ReadonlySet<string> = new Set([
  "mijn",
  "m'n",
  "mn",
  "mes",
  "ma",
  "mon",
  "my",
]);

/** "mijn ouders" in a text that also speaks of school, homework or a teacher. */
function parentsFinding(scene: Scene, hit: MinorHit): Finding | undefined {
  const [first = ""] = wordsBefore(scene.text.folded, hit.start, 1);
  const phrase = scene.text.folded.slice(hit.start, hit.end);
  const own = ownPossessives.has(first) || phrase.includes(" en ") || phrase.includes(" and ");
  if (!own || !scene.mentionsSchool) return undefined;
  return finding(scene.text, hit, 0.6, "minor_parents_school");
}

function sentenceAround(folded: string, hit: MinorHit) {
  return { before: wordsBefore(folded, hit.start, 12), after: wordsAfter(folded, hit.end, 8) };
}

function finding(
  text: NormalisedText,
  span: { start: number; end: number },
  confidence: number,
  reason: string,
  params?: Record<string, number>,
): Finding {
  const { start, end } = originalSpan(text, span.start, span.end);
  const cue = params ?? { term: text.original.slice(start, end) };
  return { type: "minor", start, end, confidence, reason, params: cue };
}

/** "'k ben 14" matches both "'k ben" and "k ben": one finding per place, the surest. */
function oncePerSpan(findings: Finding[]): Finding[] {
  const ranked = [...findings].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const kept: Finding[] = [];
  for (const candidate of ranked) {
    if (!kept.some((other) => other.start < candidate.end && candidate.start < other.end)) {
      kept.push(candidate);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
