import { digitRuns } from "./digit-groups.ts";
import { detectEidCards } from "./eid-card.ts";
import type { Finding } from "./finding.ts";
import { detectIbans } from "./iban.ts";
import { detectNationalNumbers } from "./national-number.ts";
import type { NormalisedText } from "./normalise.ts";
import { detectPaymentCards } from "./payment-card.ts";

/** Belgian national and BIS numbers, eID card numbers, Belgian IBANs and payment cards. */
export function detectIdentifiers(text: NormalisedText): Finding[] {
  const runs = digitRuns(text.folded);
  const found = [
    ...detectIbans(text),
    ...detectNationalNumbers(text, runs),
    ...detectEidCards(text, runs),
    ...detectPaymentCards(text, runs),
  ];
  return withoutOverlaps(found);
}

/**
 * An IBAN holds digit groups that can look like other numbers (`BE68 539-0075470-34` hides an
 * old account number that passes the eID check), so an IBAN wins over whatever lies inside it;
 * otherwise the more certain finding wins. Findings are settled per cluster of overlapping
 * spans, so a text full of numbers stays linear.
 */
function withoutOverlaps(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  let cluster: Finding[] = [];
  let clusterEnd = -1;
  for (const finding of findings.sort(byStart)) {
    if (finding.start >= clusterEnd) {
      settle(cluster, kept);
      cluster = [];
    }
    cluster.push(finding);
    clusterEnd = Math.max(clusterEnd, finding.end);
  }
  settle(cluster, kept);
  return kept;
}

function settle(cluster: Finding[], kept: Finding[]): void {
  if (cluster.length === 1 && cluster[0] !== undefined) {
    kept.push(cluster[0]);
    return;
  }
  const chosen: Finding[] = [];
  for (const finding of cluster.sort(byWeight)) {
    if (!overlapsAny(finding, chosen)) chosen.push(finding);
  }
  kept.push(...chosen.sort(byStart));
}

function overlapsAny(finding: Finding, others: readonly Finding[]): boolean {
  for (const other of others) {
    if (other.start < finding.end && finding.start < other.end) return true;
  }
  return false;
}

function byStart(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}

function byWeight(a: Finding, b: Finding): number {
  return weight(b) - weight(a) || a.start - b.start;
}

function weight(finding: Finding): number {
  return (finding.type === "iban" ? 1 : 0) + finding.confidence;
}
