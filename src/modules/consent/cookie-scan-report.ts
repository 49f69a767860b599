import type { Policy } from "../../policy/index.ts";

/**
 * What a cookie scan saw, and what it means against the policy's cookie inventory. Only names,
 * domains and where they were seen: never a value, since a cookie value may identify a visitor,
 * and the report is mailed and printed.
 */
export const scanPhases = ["before_choice", "after_reject", "after_accept"] as const;
export type ScanPhase = (typeof scanPhases)[number];

export const storageKinds = ["cookie", "localStorage", "sessionStorage"] as const;
export type StorageKind = (typeof storageKinds)[number];

/** One cookie or storage key as the browser held it at the end of a phase. */
export interface ObservedItem {
  kind: StorageKind;
  name: string;
  /** The cookie's domain, or the storage's origin. */
  domain: string;
}

/** How the scanner found a banner button: the attribute the banner promises, or its label. */
export interface ChoiceButton {
  found: "attribute" | "text";
  label: string;
}

export interface PhaseObservation {
  phase: ScanPhase;
  items: ObservedItem[];
  /** Absent before the choice; undefined after one when no button was found. */
  button?: ChoiceButton | undefined;
}

export interface CookieObservation {
  url: string;
  scannedAt: Date;
  phases: PhaseObservation[];
}

export type FindingSeverity = "serious" | "warning" | "info";
export type FindingKind =
  | "set_before_choice"
  | "set_after_reject"
  | "undeclared"
  | "declared_not_seen"
  | "choice_button_missing";

export interface Finding {
  severity: FindingSeverity;
  kind: FindingKind;
  /** The cookie or storage key, or the inventory entry (e.g. `_ga_<id>`). */
  name: string;
  message: string;
}

/** One name seen by the scan, where, and the inventory entry it matched. */
export interface ReportRow {
  kind: StorageKind;
  name: string;
  domains: string[];
  declaredAs?: { name: string; category: string } | undefined;
  phases: ScanPhase[];
}

export interface CookieScanReport extends CookieObservation {
  rows: ReportRow[];
  findings: Finding[];
  /** True when a serious finding exists: the CLI exits 1 and the job mails the privacy role. */
  serious: boolean;
}

type Declared = Policy["cookies"][number];

/**
 * Inventory names may hold a placeholder such as `_ga_<id>` for a part that changes per site or
 * visitor (Google's measurement id); it matches one or more characters.
 */
export function inventoryPattern(name: string): RegExp {
  const parts = name.split(/<[^<>]*>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".+")}$`);
}

/** The inventory entry a name belongs to: an exact name first, then a pattern. */
export function matchInventory(cookies: readonly Declared[], name: string): Declared | undefined {
  return (
    cookies.find((cookie) => cookie.name === name) ??
    cookies.find((cookie) => inventoryPattern(cookie.name).test(name))
  );
}

const phaseWords: Record<ScanPhase, string> = {
  before_choice: "before any choice",
  after_reject: "after “reject all”",
  after_accept: "after “accept all”",
};

/**
 * Compares a scan with the inventory. Before a choice and after a refusal only necessary cookies
 * may exist (ePrivacy art. 5(3), and the Belgian DPA's cookie guidance), and that rule covers
 * localStorage and sessionStorage as much as cookies; an undeclared name cannot be shown to be
 * necessary, so it counts as not necessary.
 */
export function compareWithInventory(
  observation: CookieObservation,
  policy: Pick<Policy, "cookies">,
): CookieScanReport {
  const rows = reportRows(observation, policy.cookies);
  const findings: Finding[] = [];
  for (const row of rows) {
    const what = `${row.name} (${row.kind} on ${row.domains.join(", ")})`;
    const necessary = row.declaredAs?.category === "necessary";
    for (const phase of ["before_choice", "after_reject"] as const) {
      if (necessary || !row.phases.includes(phase)) continue;
      const category = row.declaredAs
        ? `declared as ${row.declaredAs.category}`
        : "not in the inventory";
      findings.push({
        severity: "serious",
        kind: phase === "before_choice" ? "set_before_choice" : "set_after_reject",
        name: row.name,
        message: `${what} is set ${phaseWords[phase]}, but is ${category}: only necessary cookies may be set without consent`,
      });
    }
    if (!row.declaredAs) {
      findings.push({
        severity: "warning",
        kind: "undeclared",
        name: row.name,
        message: `${what} is not in the policy's cookie inventory: declare it (policy file, \`cookies\`) or remove what sets it`,
      });
    }
  }
  for (const cookie of policy.cookies) {
    if (rows.some((row) => row.declaredAs?.name === cookie.name)) continue;
    findings.push({
      severity: "info",
      kind: "declared_not_seen",
      name: cookie.name,
      message: `${cookie.name} (${cookie.category}) is in the inventory but was not seen on this page`,
    });
  }
  for (const phase of observation.phases) {
    if (phase.phase === "before_choice" || phase.button) continue;
    const choice = phase.phase === "after_reject" ? "reject all" : "accept all";
    findings.push({
      severity: "warning",
      kind: "choice_button_missing",
      name: choice,
      message: `no “${choice}” button found, so nothing ${phaseWords[phase.phase]} was checked beyond the first page view: give it data-consent-action="${choice.replace(" ", "_")}"`,
    });
  }
  const order: FindingSeverity[] = ["serious", "warning", "info"];
  findings.sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  return {
    ...observation,
    rows,
    findings,
    serious: findings.some((finding) => finding.severity === "serious"),
  };
}

function reportRows(observation: CookieObservation, cookies: readonly Declared[]): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const { phase, items } of observation.phases) {
    for (const item of items) {
      const key = `${item.kind}\u0000${item.name}`;
      let row = rows.get(key);
      if (!row) {
        const declared = matchInventory(cookies, item.name);
        row = {
          kind: item.kind,
          name: item.name,
          domains: [],
          declaredAs: declared && { name: declared.name, category: declared.category },
          phases: [],
        };
        rows.set(key, row);
      }
      if (!row.domains.includes(item.domain)) row.domains.push(item.domain);
      if (!row.phases.includes(phase)) row.phases.push(phase);
    }
  }
  return [...rows.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind),
  );
}

/** The report for a terminal or a mail: a table of what was seen, then the findings. */
export function formatCookieScanText(report: CookieScanReport): string {
  const lines = [`Cookie scan of ${report.url} at ${report.scannedAt.toISOString()}`];
  for (const phase of report.phases) {
    if (phase.phase === "before_choice") continue;
    const button = phase.button
      ? `“${phase.button.label}” (found by ${phase.button.found === "attribute" ? "data-consent-action" : "its text"})`
      : "no button found";
    lines.push(`${phaseWords[phase.phase]}: ${button}`);
  }
  lines.push("");
  if (report.rows.length === 0) {
    lines.push("No cookie or storage key was set in any phase.");
  } else {
    const mark = (row: ReportRow, phase: ScanPhase) => (row.phases.includes(phase) ? "yes" : "-");
    const table = [
      ["name", "kind", "domain", "declared as", "before choice", "after reject", "after accept"],
      ...report.rows.map((row) => [
        row.name,
        row.kind,
        row.domains.join(", "),
        row.declaredAs ? `${row.declaredAs.category} (${row.declaredAs.name})` : "UNDECLARED",
        mark(row, "before_choice"),
        mark(row, "after_reject"),
        mark(row, "after_accept"),
      ]),
    ];
    const widths = table[0]?.map((_, column) =>
      Math.max(...table.map((cells) => cells[column]?.length ?? 0)),
    );
    for (const cells of table) {
      lines.push(
        cells
          .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
          .join("  ")
          .trimEnd(),
      );
    }
  }
  lines.push("");
  if (report.findings.length === 0) lines.push("Findings: none.");
  else lines.push("Findings:");
  for (const finding of report.findings) {
    lines.push(`  ${finding.severity.toUpperCase().padEnd(7)}  ${finding.message}`);
  }
  const serious = report.findings.filter((finding) => finding.severity === "serious").length;
  lines.push(
    "",
    serious > 0
      ? `Result: ${serious} serious finding${serious === 1 ? "" : "s"}: something beyond the necessary cookies is set without consent.`
      : "Result: nothing beyond the necessary cookies is set without consent.",
  );
  return `${lines.join("\n")}\n`;
}

/** The report as JSON for scripts: the same fields, dates as ISO strings. */
export function formatCookieScanJson(report: CookieScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
