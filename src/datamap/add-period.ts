import type { Period } from "./retention-reason.ts";

/**
 * Adds a period the way PostgreSQL adds an interval: years and months first, clamped to the last
 * day of the month (31 January + 1 month = 28 or 29 February), then days. JavaScript's own
 * overflow would move that to March and keep data days longer than the statement says.
 */
export function addPeriod(from: Date, period: Period): Date {
  const months = (period.years ?? 0) * 12 + (period.months ?? 0);
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  target.setUTCDate(target.getUTCDate() + (period.days ?? 0));
  return target;
}
