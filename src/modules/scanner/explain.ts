import { isMessageKey, type Translate } from "../../core/i18n/index.ts";
import type { Finding } from "./detect/finding.ts";

/**
 * A finding in words for the CLI, the quarantine page and reports. A reason without a message
 * (a detector newer than the catalogue) falls back to the kind of data, never to the raw key.
 */
export function explainFinding(t: Translate, finding: Pick<Finding, "type" | "reason" | "params">) {
  const key = `scanner.reason.${finding.reason}`;
  return isMessageKey(key) ? t(key, finding.params) : t(`scanner.type.${finding.type}`);
}
