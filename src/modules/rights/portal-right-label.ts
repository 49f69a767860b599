import type { Locale, Translate } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { RequestedRight } from "./rights.tables.ts";

/**
 * One right as the person reads it back: "bezwaar (Via contactformulier(en))", "gegevensoverdracht
 * naar een organisatie". The organisation's name is left out: it is the person's data, and mails
 * pass through more hands than the status page.
 */
export function describeRight(
  right: RequestedRight,
  context: { t: Translate; locale: Locale; policy: Policy },
): string {
  const { t, locale, policy } = context;
  const label = t(`rights-portal.right.${right.kind}`);
  if (right.purpose) {
    const purpose = policy.purposes.find((candidate) => candidate.id === right.purpose);
    return `${label} (${purpose?.name[locale] ?? right.purpose})`;
  }
  if (right.to) return `${label} (${t(`rights-portal.portability.${right.to}`)})`;
  return label;
}
