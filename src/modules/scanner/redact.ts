import { type Locale, translator } from "../../core/i18n/index.ts";
import type { Finding } from "./detect/finding.ts";

/**
 * The text with each finding's span replaced by `[verwijderd: rijksregisternummer]` in the
 * person's language, so whoever reads the stored text sees that something was there and what.
 * Spans are replaced from the end, so earlier offsets stay valid.
 */
export function redactFindings(text: string, findings: readonly Finding[], locale: Locale): string {
  const t = translator(locale);
  let redacted = text;
  for (const finding of [...findings].sort((a, b) => b.start - a.start)) {
    const marker = t("scanner.redacted", { type: t(`scanner.type.${finding.type}`) });
    redacted = redacted.slice(0, finding.start) + marker + redacted.slice(finding.end);
  }
  return redacted;
}
