/** Review dates are calendar days of a Belgian company: "today" is today in Brussels. */
const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The ISO day (2026-01-31) that `at` falls on in Brussels. */
export function brusselsDay(at: Date): string {
  return dayFormat.format(at);
}

/** Whole days from one ISO day to another; negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type ReviewStatus =
  | { kind: "none" }
  | { kind: "upcoming"; days: number; date: string }
  | { kind: "today"; date: string }
  | { kind: "overdue"; days: number; date: string };

/** Where a processor's review stands today, as the register shows it. */
export function reviewStatus(reviewDate: string | undefined, today: string): ReviewStatus {
  if (!reviewDate) return { kind: "none" };
  const days = daysBetween(today, reviewDate);
  if (days > 0) return { kind: "upcoming", days, date: reviewDate };
  if (days === 0) return { kind: "today", date: reviewDate };
  return { kind: "overdue", days: -days, date: reviewDate };
}

/** The reminder stages: 30 days ahead, and on or after the day. */
export const reviewReminderLeadDays = 30;
export type ReviewStage = "30d" | "due";

/** The stage a review is in today, or none yet (more than 30 days ahead, or no date). */
export function reviewStage(
  reviewDate: string | undefined,
  today: string,
): ReviewStage | undefined {
  if (!reviewDate) return undefined;
  const days = daysBetween(today, reviewDate);
  if (days <= 0) return "due";
  return days <= reviewReminderLeadDays ? "30d" : undefined;
}
