import { originalText } from "./identifier-finding.ts";
import type { NormalisedText } from "./normalise.ts";

/**
 * The words people write before a number ("rijksregisternummer", "factuur nr.", "IBAN"): they
 * raise or lower how sure a checksum-valid number is what it looks like.
 */
export interface Label {
  /** The label as the person typed it, for the reason text; never the value itself. */
  word: string;
  /** Folded offsets of the label. */
  start: number;
  end: number;
  kind: string;
}

/**
 * The label nearest before `start` within `window` characters. `pattern` must be global; each
 * named group that matches names the label's kind ("national", "reference", …).
 */
export function nearestLabelBefore(
  text: NormalisedText,
  start: number,
  pattern: RegExp,
  window = 40,
): Label | undefined {
  const from = Math.max(0, start - window);
  const context = text.folded.slice(from, start);
  let last: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(context); match !== null; match = pattern.exec(context)) {
    last = match;
  }
  if (last === undefined) return undefined;
  const labelStart = from + last.index;
  const word = originalText(text, labelStart, labelStart + last[0].length);
  return { word, start: labelStart, end: labelStart + last[0].length, kind: matchedGroup(last) };
}

function matchedGroup(match: RegExpExecArray): string {
  const groups = match.groups;
  if (groups === undefined) return "";
  for (const name in groups) {
    if (groups[name] !== undefined) return name;
  }
  return "";
}

/** Only a colon, "nr." or the like between label and number: "factuur nr. 123", "tel: 0470". */
const labelGlue = /^[\s:.#°()-]*(?:nr|no|nummer|number|numero|n°)?[\s:.#°()-]*$/;

export function isRightAfter(text: NormalisedText, label: Label, start: number): boolean {
  return labelGlue.test(text.folded.slice(label.end, start));
}
