import type { Finding } from "./finding.ts";
import type { NormalisedText } from "./normalise.ts";

/** Belgian national and BIS numbers, eID card numbers, Belgian IBANs and payment cards. */
export function detectIdentifiers(_text: NormalisedText): Finding[] {
  return [];
}
