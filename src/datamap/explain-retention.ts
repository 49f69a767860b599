import { isMessageKey, type MessageKey, type Translate } from "../core/i18n/index.ts";
import type { AnchorEvent } from "../policy/index.ts";
import type { DataMap } from "./data-map.ts";
import { latestDate } from "./latest-date.ts";
import type { LegalHold } from "./legal-holds.ts";
import type { RecordType } from "./record-type.ts";
import type { Period, RetentionReason } from "./retention-reason.ts";

export interface RetentionExplanation {
  /** "kept until 2027-03-01: 1 year after your request was fully handled" */
  summary: string;
  /** When it goes, if nothing changes; null while a condition keeps it. */
  goesOn: Date | null;
  /** What would change that date, one sentence each. */
  changes: string[];
  /** The holds that keep it now, one sentence each. */
  holds: string[];
}

export interface ExplainInput {
  recordType: RecordType;
  retainUntil: Date | null;
  retentionReason: RetentionReason;
  /** Holds in force that cover the record. */
  holds?: readonly LegalHold[];
  /**
   * Who reads it. The person is told that a hold keeps their data, never its reason: a reason
   * such as a police case number could tip off the person it is about.
   */
  audience?: "staff" | "subject";
}

/** Dates as the person reads them elsewhere on the site: ISO, one day, no time zone riddle. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "Why do we still hold this?": the reason, the date it goes, and what would change it. */
export function explainRetention(
  dataMap: DataMap,
  t: Translate,
  { recordType, retainUntil, retentionReason, holds = [], audience = "staff" }: ExplainInput,
): RetentionExplanation {
  const why = describeReason(t, retentionReason);
  const summary = retainUntil
    ? t("retention.until", { date: isoDay(retainUntil), why })
    : t("retention.while", { why });
  return {
    summary,
    goesOn: retainUntil,
    changes: changesFor(dataMap, t, recordType, retainUntil, retentionReason),
    holds:
      audience === "subject"
        ? holdsForSubject(t, holds)
        : holds.map((hold) =>
            hold.endsAt
              ? t("retention.hold.until", { date: isoDay(hold.endsAt), reason: hold.reason })
              : t("retention.hold", { reason: hold.reason }),
          ),
  };
}

/** One sentence however many holds: the person learns that, and until when if known. */
function holdsForSubject(t: Translate, holds: readonly LegalHold[]): string[] {
  if (holds.length === 0) return [];
  const last = latestDate(holds.map((hold) => hold.endsAt));
  return [
    last ? t("retention.hold.subject_until", { date: isoDay(last) }) : t("retention.hold.subject"),
  ];
}

export function describeReason(t: Translate, reason: RetentionReason): string {
  switch (reason.code) {
    case "after_event":
      return t(eventKey("after", reason.event), { period: describePeriod(t, reason.period) });
    case "awaiting_event":
      return t(eventKey("awaiting", reason.event), { period: describePeriod(t, reason.period) });
    case "while_condition":
      return t(`retention.condition.${reason.condition}`);
    case "until_objection":
      return t("retention.until_objection");
    case "expires":
      return t("retention.expires");
    case "anonymised":
      return t("retention.anonymised", { date: reason.at.slice(0, 10) });
    case "erasure_due":
      return t(`retention.erasure_due.${reason.cause}`);
  }
}

export function describePeriod(t: Translate, period: Period): string {
  const parts = (["years", "months", "days"] as const).flatMap((unit) => {
    const n = period[unit] ?? 0;
    if (n === 0) return [];
    return [t(n === 1 ? `retention.period.${unit}.one` : `retention.period.${unit}.many`, { n })];
  });
  return parts.length === 0 ? t("retention.period.none") : parts.join(t("retention.period.and"));
}

function eventKey(kind: "after" | "awaiting" | "event", event: AnchorEvent): MessageKey {
  const key = `retention.${kind}.${event}`;
  // Every anchor event has its sentences (the i18n test checks the catalogue); this guards a new
  // event added to the policy schema without them.
  if (!isMessageKey(key)) throw new Error(`no message ${key}`);
  return key;
}

function changesFor(
  dataMap: DataMap,
  t: Translate,
  type: RecordType,
  retainUntil: Date | null,
  reason: RetentionReason,
): string[] {
  if (reason.code === "anonymised" || reason.code === "erasure_due") return [];
  const changes: string[] = [];
  const effective = dataMap.ruleOf(type);
  if (effective.kind === "policy" && effective.rule.kind === "after_event") {
    for (const event of effective.rule.restartOn ?? []) {
      changes.push(t("retention.change.restart", { event: t(eventKey("event", event)) }));
    }
    if (effective.rule.unlessCondition) changes.push(t("retention.change.condition"));
  }
  if (effective.kind === "policy" && effective.rule.kind === "until_objection") {
    changes.push(t("retention.change.objection"));
  }
  const blockers = dataMap.blockersOf(type);
  const legalReference =
    effective.kind === "policy"
      ? effective.purpose.legalReference
      : type.ownRetention?.legalReference;
  if (blockers.some((b) => b.kind === "legal_obligation") && retainUntil) {
    changes.push(
      t("retention.change.legal_obligation", {
        date: isoDay(retainUntil),
        reference: legalReference ?? "",
      }),
    );
  } else if (blockers.some((b) => b.kind === "running_agreement")) {
    changes.push(t("retention.change.running_agreement"));
  } else if (reason.code !== "expires") {
    changes.push(t("retention.change.erasure"));
  }
  return changes;
}
