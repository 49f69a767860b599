import { readFileSync } from "node:fs";
import { type FindingType, findingTypes } from "../../policy/sensitive-data-types.ts";
import { scanText } from "./detect/scan-text.ts";

/** One text of an evaluation set (test/fixtures/sensitive-data/*.jsonl) and what it holds. */
export interface LabelledText {
  id: string;
  lang: "nl" | "fr" | "en";
  text: string;
  types: FindingType[];
}

export interface TypeScore {
  type: FindingType;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Recall weighs four times precision: a missed national number costs more than a false alarm. */
  f2: number;
}

export interface EvaluationResult {
  texts: number;
  perType: TypeScore[];
  macroF2: number;
  /** Ids of the texts each type was wrong on, for tuning; no text. */
  errors: { id: string; type: FindingType; error: "missed" | "false_alarm" }[];
}

export function readLabelledTexts(path: string): LabelledText[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LabelledText);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function fBeta(precision: number, recall: number, beta: number): number {
  const b2 = beta * beta;
  const denominator = b2 * precision + recall;
  return denominator === 0 ? 0 : ((1 + b2) * precision * recall) / denominator;
}

/**
 * Scores the scanner per type at the level of a text (does it hold a national number?), which is
 * what intake acts on: precision, recall and F2, and their macro average over the types present.
 */
export function evaluateScanner(
  texts: readonly LabelledText[],
  minimumConfidence: number,
): EvaluationResult {
  const counts = new Map(findingTypes.map((type) => [type, { tp: 0, fp: 0, fn: 0 }]));
  const errors: EvaluationResult["errors"] = [];
  for (const labelled of texts) {
    const found = new Set(scanText(labelled.text, { minimumConfidence }).map((f) => f.type));
    const expected = new Set(labelled.types);
    for (const type of findingTypes) {
      const count = counts.get(type);
      if (!count) continue;
      if (expected.has(type) && found.has(type)) count.tp += 1;
      else if (expected.has(type)) {
        count.fn += 1;
        errors.push({ id: labelled.id, type, error: "missed" });
      } else if (found.has(type)) {
        count.fp += 1;
        errors.push({ id: labelled.id, type, error: "false_alarm" });
      }
    }
  }
  const perType = findingTypes.flatMap((type): TypeScore[] => {
    const count = counts.get(type);
    if (!count || count.tp + count.fn === 0) return [];
    const precision = ratio(count.tp, count.tp + count.fp);
    const recall = ratio(count.tp, count.tp + count.fn);
    return [
      {
        type,
        truePositives: count.tp,
        falsePositives: count.fp,
        falseNegatives: count.fn,
        precision,
        recall,
        f2: fBeta(precision, recall, 2),
      },
    ];
  });
  const macroF2 = perType.reduce((sum, score) => sum + score.f2, 0) / perType.length;
  return { texts: texts.length, perType, macroF2, errors };
}
