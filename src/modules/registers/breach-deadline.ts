/**
 * The 72-hour clock of GDPR Art. 33(1): the authority is notified "without undue delay and, where
 * feasible, not later than 72 hours after having become aware" of a breach. Pure arithmetic, so
 * the page, the list and the reminder job count the same hours.
 */

const hour = 60 * 60 * 1000;
export const notificationWindowMs = 72 * hour;
/** A misuse report waits at most a day before the officers are reminded to triage it. */
export const triageReminderAfterMs = 24 * hour;

/** Reminder stages by hours since discovery: 24 h left, 6 h left, and past the deadline. */
export const clockStages = [
  { stage: "48h", afterMs: 48 * hour },
  { stage: "66h", afterMs: 66 * hour },
  { stage: "overdue", afterMs: notificationWindowMs },
] as const;
export type ClockStage = (typeof clockStages)[number]["stage"];

export interface BreachClockFacts {
  discoveredAt: Date | null;
  authorityNotifiedAt: Date | null;
  /** Why the authority is not notified (no risk): the clock stops there too. */
  authorityReasoning: string;
}

export type BreachClock =
  | { state: "not_started" }
  | { state: "notified"; at: Date }
  | { state: "not_notifying" }
  | { state: "running"; deadline: Date; hoursLeft: number }
  | { state: "overdue"; deadline: Date; hoursOverdue: number };

export function notificationDeadline(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + notificationWindowMs);
}

/** Where a breach's clock stands now; hours left are rounded down, hours overdue up. */
export function breachClock(facts: BreachClockFacts, now: Date): BreachClock {
  if (facts.authorityNotifiedAt) return { state: "notified", at: facts.authorityNotifiedAt };
  if (facts.authorityReasoning.trim() !== "") return { state: "not_notifying" };
  if (!facts.discoveredAt) return { state: "not_started" };
  const deadline = notificationDeadline(facts.discoveredAt);
  const leftMs = deadline.getTime() - now.getTime();
  if (leftMs > 0) return { state: "running", deadline, hoursLeft: Math.floor(leftMs / hour) };
  return { state: "overdue", deadline, hoursOverdue: Math.max(1, Math.ceil(-leftMs / hour)) };
}

/**
 * The reminder stages a running clock has reached, earliest first. A job that did not run for a
 * while sends only the latest one (see latestStage): nobody needs "24 h left" once it is late.
 */
export function reachedStages(discoveredAt: Date, now: Date): ClockStage[] {
  const elapsed = now.getTime() - discoveredAt.getTime();
  return clockStages.filter((entry) => elapsed >= entry.afterMs).map((entry) => entry.stage);
}

export function latestStage(discoveredAt: Date, now: Date): ClockStage | undefined {
  return reachedStages(discoveredAt, now).at(-1);
}

export function triageOverdue(reportedAt: Date, now: Date): boolean {
  return now.getTime() - reportedAt.getTime() >= triageReminderAfterMs;
}
