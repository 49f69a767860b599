import type { Db } from "../../core/db/database.ts";
import { AppError } from "../../core/http/app-error.ts";
import { defaultLocale, isLocale, translator } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { FindingType } from "../../policy/sensitive-data-types.ts";
import type { Finding } from "./detect/finding.ts";
import { scanText } from "./detect/scan-text.ts";
import type { HoldInput, HoldOutcome } from "./quarantine.ts";
import { redactFindings } from "./redact.ts";

export type SensitiveDataAction = "redact" | "quarantine" | "report";

export interface SensitiveDataFinding {
  type: FindingType;
  action: SensitiveDataAction;
  /** `scanner.reason.…`: why, in words, without the matched text. */
  reason: string;
}

export interface ScannedText {
  /** What may be stored: the text with every `redact` finding replaced by its marker. */
  text: string;
  findings: SensitiveDataFinding[];
  /** Types removed from the text, for the "we removed …" notice; each once. */
  redacted: FindingType[];
  /** Types that put the record in quarantine; empty when it may be stored as usual. */
  quarantine: FindingType[];
}

/**
 * What intake does to a person's free text before storing it: redact identifiers and credentials,
 * and say which findings call for quarantine. The caller decides what to quarantine (its own
 * record), since only it knows the record.
 */
export type SensitiveDataHook = (text: string, locale: string) => Promise<ScannedText>;

/** For tests of modules that are not about the scanner: stores text as given. */
export const passThroughSensitiveData: SensitiveDataHook = async (text) => ({
  text,
  findings: [],
  redacted: [],
  quarantine: [],
});

export function actionFor(policy: Policy, type: FindingType): SensitiveDataAction {
  if (policy.sensitiveData.redact.includes(type)) return "redact";
  if (policy.sensitiveData.quarantine.includes(type)) return "quarantine";
  return "report";
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Applies the policy to one text: the product's hook for every module's intake. */
export function applySensitiveDataPolicy(
  policy: Policy,
  text: string,
  locale: string,
): ScannedText {
  const found = scanText(text, { minimumConfidence: policy.sensitiveData.minimumConfidence });
  const acted = found.map((finding) => ({ finding, action: actionFor(policy, finding.type) }));
  const toRedact: Finding[] = acted.flatMap(({ finding, action }) =>
    action === "redact" ? [finding] : [],
  );
  return {
    text: redactFindings(text, toRedact, isLocale(locale) ? locale : defaultLocale),
    findings: acted.map(({ finding, action }) => ({
      type: finding.type,
      action,
      reason: finding.reason,
    })),
    redacted: distinct(toRedact.map((finding) => finding.type)),
    quarantine: distinct(
      acted.flatMap(({ finding, action }) => (action === "quarantine" ? [finding.type] : [])),
    ),
  };
}

export function sensitiveDataHook(policy: () => Policy): SensitiveDataHook {
  return async (text, locale) => applySensitiveDataPolicy(policy(), text, locale);
}

/** Two scans of one intake (a message and its text attachments) as one. */
export function mergeScans(scans: readonly ScannedText[]): Omit<ScannedText, "text"> {
  return {
    findings: scans.flatMap((scan) => scan.findings),
    redacted: distinct(scans.flatMap((scan) => scan.redacted)),
    quarantine: distinct(scans.flatMap((scan) => scan.quarantine)),
  };
}

/** Puts the record just stored in the caller's transaction in quarantine (see holdRecord). */
export type QuarantineHook = (tx: Db, input: HoldInput) => Promise<HoldOutcome>;

/** What the person is told after intake: what was removed, and whether the record waits. */
export interface IntakeScreening {
  redacted: FindingType[];
  quarantine: "held" | "deleted" | null;
  /** The policy's hours before a held record is deleted. */
  hours: number;
}

export const nothingScreened: IntakeScreening = { redacted: [], quarantine: null, hours: 0 };

/**
 * Staff write notes, ticket titles and session summaries themselves: special-category data in
 * them is refused (422-style validation error naming the kinds) rather than stored and deleted
 * later, since the writer is right there to rephrase.
 */
export function refuseSpecialCategories(scanned: ScannedText, field: string, locale: string) {
  if (scanned.quarantine.length === 0) return scanned.text;
  const t = translator(isLocale(locale) ? locale : defaultLocale);
  const types = scanned.quarantine.map((type) => t(`scanner.type.${type}`)).join(", ");
  throw new AppError("validation", {
    fields: [{ field, message: t("scanner.refused", { types }) }],
  });
}
