import { addPeriod } from "../../datamap/index.ts";

/** GDPR Art. 12(3): at most two further months, told to the person within the first month. */
export const maxExtensionMonths = 2;

/**
 * When the answer is due: the statement promises 30 days, the GDPR one calendar month; the
 * earlier of the two wins (in February the month is shorter than 30 days).
 */
export function answerDeadline(receivedAt: Date, answerDays: number): Date {
  const byStatement = addPeriod(receivedAt, { days: answerDays });
  const byRegulation = addPeriod(receivedAt, { months: 1 });
  return new Date(Math.min(byStatement.getTime(), byRegulation.getTime()));
}

export type ExtensionProblem = "months_out_of_range" | "after_deadline" | "already_extended";

/**
 * The extended deadline, counted from the original one, or why an extension is not allowed: it
 * must be decided (and told) before the original deadline passes, once, for 1 or 2 months.
 */
export function extendedDeadline(input: {
  deadlineAt: Date;
  extendedUntil: Date | null;
  months: number;
  now: Date;
}): { until: Date } | { problem: ExtensionProblem } {
  const { deadlineAt, extendedUntil, months, now } = input;
  if (!Number.isInteger(months) || months < 1 || months > maxExtensionMonths) {
    return { problem: "months_out_of_range" };
  }
  if (extendedUntil) return { problem: "already_extended" };
  if (now > deadlineAt) return { problem: "after_deadline" };
  return { until: addPeriod(deadlineAt, { months }) };
}

/** The date the answer is due now: the extension when there is one. */
export function effectiveDeadline(request: {
  deadlineAt: Date | null;
  extendedUntil: Date | null;
}): Date | null {
  return request.extendedUntil ?? request.deadlineAt;
}

export type DeadlineState = "overdue" | "due_soon" | "on_time" | "none";

/** Overdue, or due within 7 days: the queue highlights both and the reminder job mails them. */
export function deadlineState(deadline: Date | null, now: Date): DeadlineState {
  if (!deadline) return "none";
  if (deadline <= now) return "overdue";
  return deadline <= addPeriod(now, { days: 7 }) ? "due_soon" : "on_time";
}
