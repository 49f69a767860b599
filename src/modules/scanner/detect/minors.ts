import type { Finding } from "./finding.ts";
import type { NormalisedText } from "./normalise.ts";

/** A writer who says they are under 18, or sounds like a pupil. */
export function detectMinors(_text: NormalisedText): Finding[] {
  return [];
}
