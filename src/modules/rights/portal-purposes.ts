import type { Locale } from "../../core/i18n/index.ts";
import type { LegalBasis, Policy } from "../../policy/index.ts";
import type { VaultPurpose } from "../../vault/purposes.ts";

/** The rights that are about one purpose, and the form field that names it. */
export type PurposeRight = "objection" | "withdraw_consent";

/**
 * Art. 21 applies to processing on legitimate interests (or a public task), Art. 7(3) to
 * processing on consent: the same rule the engines enforce (datamap/object-to-processing.ts), so
 * the form never offers a choice the execution would refuse.
 */
const basesFor: Record<PurposeRight, readonly LegalBasis[]> = {
  objection: ["legitimate_interests", "public_task"],
  withdraw_consent: ["consent"],
};

export interface PurposeChoice {
  id: VaultPurpose;
  name: string;
}

/** The policy's purposes a person can object to, or withdraw consent for, in their language. */
export function purposesOpenTo(
  policy: Policy,
  right: PurposeRight,
  locale: Locale = "nl",
): PurposeChoice[] {
  return policy.purposes.flatMap((purpose) =>
    basesFor[right].includes(purpose.legalBasis)
      ? [{ id: purpose.id, name: purpose.name[locale] }]
      : [],
  );
}
