import type { AnchorEvent } from "../policy/index.ts";

/** A retention period as the policy states it; parts left out are 0. */
export interface Period {
  years?: number | undefined;
  months?: number | undefined;
  days?: number | undefined;
}

/** Conditions that keep a record past its period while they hold (policy `unlessCondition`). */
export type RetentionConditionName = "running_agreement";

/**
 * Why a record is kept, in machine form: a code and its parameters, stored beside `retain_until`
 * and rendered per language on every page that shows the record. Dates are ISO strings so the
 * jsonb stays readable in SQL.
 */
export type RetentionReason =
  /** The clock has not started: kept until the event, then for the period. */
  | { code: "awaiting_event"; event: AnchorEvent; period: Period }
  /** The clock runs: the period counts from `at`, when the event happened. */
  | { code: "after_event"; event: AnchorEvent; at: string; period: Period }
  /** The period would have run out (or runs), but the condition keeps the record for now. */
  | {
      code: "while_condition";
      condition: RetentionConditionName;
      event: AnchorEvent;
      at?: string | undefined;
      period: Period;
    }
  /** Kept until the person objects (the TeamViewer ID). */
  | { code: "until_objection" }
  /** Kept until a date the owning module set (a download link's expiry). */
  | { code: "expires" }
  /** Kept without the person: the fields that identified them were cleared. */
  | { code: "anonymised"; at: string }
  /** The person objected or asked for erasure: it goes at the next sweep. */
  | {
      code: "erasure_due";
      cause: "objection" | "erasure_request" | "consent_withdrawn";
      at: string;
    };

export type RetentionCode = RetentionReason["code"];

export interface RetentionState {
  retainUntil: Date | null;
  retentionReason: RetentionReason;
}
