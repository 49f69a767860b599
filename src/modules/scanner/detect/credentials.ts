import type { Finding } from "./finding.ts";
import type { NormalisedText } from "./normalise.ts";

/** Passwords, PINs and TeamViewer passwords given with their value. */
export function detectCredentials(_text: NormalisedText): Finding[] {
  return [];
}
