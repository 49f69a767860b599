import type { FindingType } from "../../../policy/sensitive-data-types.ts";

export {
  type FindingType,
  findingTypes,
  type IdentifierType,
  identifierTypes,
  type SpecialCategoryType,
  specialCategoryTypes,
} from "../../../policy/sensitive-data-types.ts";

export interface Finding {
  type: FindingType;
  /** UTF-16 offsets in the original text, end exclusive: the part a redaction replaces. */
  start: number;
  end: number;
  /** 0–1: a checksum-valid number with its label nearby is near 1, a bare term lower. */
  confidence: number;
  /**
   * An i18n key under `scanner.reason.` that says in words why this was flagged, and its
   * parameters (a cue word, an age). Never the matched value itself: findings go to logs and
   * reports.
   */
  reason: string;
  params?: Record<string, string | number>;
}
