import { detectCredentials } from "./credentials.ts";
import { type Finding, identifierTypes } from "./finding.ts";
import { detectIdentifiers } from "./identifiers.ts";
import { detectMinors } from "./minors.ts";
import { normaliseText } from "./normalise.ts";
import { detectSpecialCategories } from "./special-categories.ts";

export interface ScanOptions {
  /** Findings below this confidence are dropped; the policy sets it for intake. */
  minimumConfidence?: number;
}

const detectors = [detectIdentifiers, detectCredentials, detectSpecialCategories, detectMinors];
const identifierSet: ReadonlySet<string> = new Set(identifierTypes);

/**
 * Every sensitive thing in the text, in reading order. Where an identifier and a word overlap the
 * identifier wins (it is the one that must be redacted); two overlapping identifiers keep the
 * more certain one. Pure and synchronous: no network, no model, nothing stored.
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const minimum = options.minimumConfidence ?? 0;
  const normalised = normaliseText(text);
  const found = detectors.flatMap((detect) => detect(normalised));
  return withoutOverlaps(found.filter((finding) => finding.confidence >= minimum));
}

function rank(finding: Finding): number {
  return (identifierSet.has(finding.type) ? 2 : 1) + finding.confidence;
}

function withoutOverlaps(findings: Finding[]): Finding[] {
  const byStart = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  // Findings that overlap form small clusters; the ranking runs within each, so a long text with
  // thousands of findings stays linear after the sort.
  let cluster: Finding[] = [];
  let clusterEnd = -1;
  for (const finding of byStart) {
    if (finding.start >= clusterEnd && cluster.length > 0) {
      kept.push(...resolveCluster(cluster));
      cluster = [];
    }
    cluster.push(finding);
    clusterEnd = Math.max(clusterEnd, finding.end);
  }
  kept.push(...resolveCluster(cluster));
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function resolveCluster(cluster: Finding[]): Finding[] {
  if (cluster.length <= 1) return cluster;
  const kept: Finding[] = [];
  for (const finding of [...cluster].sort((a, b) => rank(b) - rank(a) || a.start - b.start)) {
    const clash = kept.some(
      (other) =>
        other.start < finding.end &&
        finding.start < other.end &&
        (identifierSet.has(other.type) || other.type === finding.type),
    );
    if (!clash) kept.push(finding);
  }
  return kept;
}
