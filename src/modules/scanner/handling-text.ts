import type { Translate } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";

/**
 * The statement's promise in the policy's own terms: which kinds are removed before storing,
 * which hold a message for the privacy officer and for how long. Read from the same
 * `sensitiveData` rules intake acts on, so the two cannot drift.
 */
export function sensitiveDataHandling(policy: Policy, t: Translate): string[] {
  const rules = policy.sensitiveData;
  const label = (types: readonly string[]) =>
    types.map((type) => t(`scanner.type.${type as "minor"}`)).join(", ");
  const sentences: string[] = [];
  if (rules.redact.length > 0) {
    sentences.push(t("scanner.statement.redact", { types: label(rules.redact) }));
  }
  const categories = rules.quarantine.filter((type) => type !== "minor");
  if (categories.length > 0) {
    sentences.push(
      rules.quarantineHours === 0
        ? t("scanner.statement.quarantine.now", { types: label(categories) })
        : t("scanner.statement.quarantine", {
            types: label(categories),
            hours: rules.quarantineHours,
          }),
    );
  }
  if (rules.quarantine.includes("minor")) sentences.push(t("scanner.statement.minor"));
  return sentences;
}
