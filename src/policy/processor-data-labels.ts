import type { Locale } from "../core/i18n/index.ts";
import type { Policy, Processor } from "./policy.schema.ts";

/**
 * The labels of the data a processor receives, in the policy's order: ids repeat across purposes
 * (a name is collected for several), and a visitor reads each kind of data once.
 */
export function processorDataLabels(
  policy: Policy,
  processor: Processor,
  locale: Locale,
): string[] {
  const received = new Set(processor.dataCategories ?? []);
  const labels = policy.purposes
    .filter((purpose) => processor.purposes.includes(purpose.id))
    .flatMap((purpose) => purpose.dataCategories)
    .filter((category) => received.has(category.id))
    .map((category) => category.label[locale]);
  return [...new Set(labels)];
}
