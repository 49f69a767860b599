import { isInEea } from "./eea-countries.ts";
import { formatPath } from "./format-path.ts";
import type { Policy, Processor, RetentionRule } from "./policy.schema.ts";

/** A finding about a schema-valid policy, located by its path in the document. */
export interface CrossCheckFinding {
  path: (string | number)[];
  message: string;
  severity: "error" | "warning";
}

/**
 * Belgian VAT Code art. 60 (since 2023): invoices are kept 10 years. The statement promises 7; the
 * default policy keeps the statement's words and this check makes the conflict visible so the
 * privacy officer decides (DESIGN.md, Legal notes).
 */
const invoiceLegalMinimumMonths = 10 * 12;

/**
 * Rules the schema cannot express because they relate one part of the file to another. A purpose
 * without a retention rule needs no check here: the schema already requires `retention.rule`.
 */
export function crossCheckPolicy(policy: Policy): CrossCheckFinding[] {
  const findings: CrossCheckFinding[] = [];
  const error = (path: (string | number)[], message: string) =>
    findings.push({ path, message, severity: "error" });
  const warning = (path: (string | number)[], message: string) =>
    findings.push({ path, message, severity: "warning" });

  const daysLeft = (Date.parse(policy.security.expires) - Date.now()) / 86_400_000;
  if (daysLeft < 30) {
    warning(
      ["security", "expires"],
      daysLeft < 0
        ? "security.txt has expired: set security.expires to a day within the next year"
        : "security.txt expires within 30 days: set security.expires to a day within the next year",
    );
  }
  if (daysLeft > 366) {
    warning(["security", "expires"], "RFC 9116 advises an Expires less than a year ahead");
  }

  reportDuplicates(policy.purposes, "id", ["purposes"], "purpose id", error);
  reportDuplicates(policy.newsletterTopics, "id", ["newsletterTopics"], "topic id", error);
  reportDuplicates(policy.cookies, "name", ["cookies"], "cookie name", error);
  reportDuplicates(policy.processors, "name", ["processors"], "processor name", error);

  const purposeIds = new Set<string>(policy.purposes.map((purpose) => purpose.id));
  policy.processors.forEach((processor, index) => {
    processor.purposes.forEach((id, purposeIndex) => {
      if (!purposeIds.has(id)) {
        error(
          ["processors", index, "purposes", purposeIndex],
          `processor "${processor.name}" serves unknown purpose "${id}"; purposes in this policy: ${[...purposeIds].join(", ")}`,
        );
      }
    });
    checkProcessorCategories(policy, processor, index, error, warning);
    if (!processor.reviewDate) {
      warning(
        ["processors", index],
        `processor "${processor.name}" has no reviewDate: no reminder`,
      );
    }
    if (isInEea(processor.country)) return;
    if (!processor.transferBasis) {
      // GDPR Art. 44: no transfer outside the EEA without a Chapter V ground.
      error(
        ["processors", index, "transferBasis"],
        `processor "${processor.name}" is in ${processor.country}, outside the EEA: give its transferBasis (adequacy, scc, bcr or derogation)`,
      );
      return;
    }
    // The processor's basis covers the transfer (the statement and record show it), but the
    // purpose's own flag feeds the access report, which would tell people there is none.
    processor.purposes.forEach((id) => {
      const purposeIndex = policy.purposes.findIndex((purpose) => purpose.id === id);
      if (purposeIndex >= 0 && !policy.purposes[purposeIndex]?.transfersOutsideEea) {
        warning(
          ["purposes", purposeIndex, "transfersOutsideEea"],
          `processor "${processor.name}" is in ${processor.country}, outside the EEA, but purpose "${id}" says there are no transfers outside the EEA`,
        );
      }
    });
  });

  policy.purposes.forEach((purpose, index) => {
    reportDuplicates(
      purpose.dataCategories,
      "id",
      ["purposes", index, "dataCategories"],
      "data category id",
      error,
    );
    if (purpose.transfersOutsideEea && !purpose.transferSafeguards) {
      error(
        ["purposes", index, "transferSafeguards"],
        "transfers outside the EEA need transferSafeguards (adequacy decision, standard contractual clauses, ...)",
      );
    }
    if (purpose.legalBasis === "legal_obligation" && !purpose.legalReference) {
      warning(
        ["purposes", index, "legalReference"],
        "a purpose based on a legal obligation should name the law in legalReference",
      );
    }
    if (purpose.id === "orders") {
      const months = retentionMonths(purpose.retention.rule);
      if (months !== undefined && months < invoiceLegalMinimumMonths) {
        warning(
          ["purposes", index, "retention", "rule"],
          `Belgian VAT Code art. 60 requires invoices to be kept 10 years; this policy keeps them ${describeMonths(months)}`,
        );
      }
    }
  });

  if (policy.rights.answerDays > 30) {
    // GDPR Art. 12(3): one month; the statement promises 30 days, which is never later.
    error(
      ["rights", "answerDays"],
      "GDPR Art. 12(3) requires an answer within one month (30 days)",
    );
  }
  return findings;
}

/** A processor receives only data its purposes collect; an empty list says nothing to the record. */
function checkProcessorCategories(
  policy: Policy,
  processor: Processor,
  index: number,
  error: (path: (string | number)[], message: string) => void,
  warning: (path: (string | number)[], message: string) => void,
): void {
  if (!processor.dataCategories?.length) {
    warning(
      ["processors", index],
      `processor "${processor.name}" lists no dataCategories: the Art. 30 record cannot say what it receives`,
    );
    return;
  }
  const known = new Set(
    policy.purposes
      .filter((purpose) => processor.purposes.includes(purpose.id))
      .flatMap((purpose) => purpose.dataCategories.map((category) => category.id)),
  );
  processor.dataCategories.forEach((id, categoryIndex) => {
    if (!known.has(id)) {
      error(
        ["processors", index, "dataCategories", categoryIndex],
        `processor "${processor.name}" receives data category "${id}", which none of its purposes collects; categories of its purposes: ${[...known].join(", ")}`,
      );
    }
  });
}

/** Reports the second and later items whose `field` repeats an earlier one, at that field. */
function reportDuplicates<Field extends string, Item extends Record<Field, string>>(
  items: readonly Item[],
  field: Field,
  path: (string | number)[],
  what: string,
  report: (path: (string | number)[], message: string) => void,
): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const key = item[field];
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
    } else {
      report(
        [...path, index, field],
        `duplicate ${what} "${key}" (first at ${formatPath([...path, first])})`,
      );
    }
  });
}

/** The kept period in months, or undefined when the rule keeps data open-ended. */
function retentionMonths(rule: RetentionRule): number | undefined {
  if (rule.kind === "not_stored") return 0;
  if (rule.kind !== "after_event") return undefined;
  return (rule.years ?? 0) * 12 + (rule.months ?? 0) + (rule.days ?? 0) / 30.4375;
}

function describeMonths(months: number): string {
  if (months % 12 === 0) return `${months / 12} year${months === 12 ? "" : "s"}`;
  if (Number.isInteger(months)) return `${months} months`;
  return `${Math.round(months * 30.4375)} days`;
}
