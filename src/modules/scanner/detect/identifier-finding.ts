import type { Finding, IdentifierType } from "./finding.ts";
import { type NormalisedText, originalSpan } from "./normalise.ts";

/** The characters as the person typed them behind folded offsets [start, end). */
export function originalText(text: NormalisedText, start: number, end: number): string {
  const span = originalSpan(text, start, end);
  return text.original.slice(span.start, span.end);
}

/** A finding at folded offsets [start, end), reported at the original offsets. */
export function identifierFinding(
  text: NormalisedText,
  type: IdentifierType,
  start: number,
  end: number,
  confidence: number,
  reason: string,
  params?: Record<string, string>,
): Finding {
  const span = originalSpan(text, start, end);
  const finding: Finding = { type, start: span.start, end: span.end, confidence, reason };
  if (params !== undefined) finding.params = params;
  return finding;
}
