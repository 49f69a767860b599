import type { Finding } from "./finding.ts";
import type { NormalisedText } from "./normalise.ts";

/** GDPR Art. 9 categories in Dutch, French and English. */
export function detectSpecialCategories(_text: NormalisedText): Finding[] {
  return [];
}
