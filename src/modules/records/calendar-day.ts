import { isoDay } from "../../datamap/index.ts";

/**
 * Days as the back office types them: `YYYY-MM-DD`, read in UTC like `isoDay` prints them, so a
 * day typed is the day shown. Undefined for text that is not a real calendar day (2026-02-30).
 */
export function parseCalendarDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const start = new Date(`${text}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime()) || isoDay(start) !== text) return undefined;
  return start;
}

/** The last moment of a day: "until 2026-03-01" includes the whole of that day. */
export function endOfDay(start: Date): Date {
  return new Date(start.getTime() + 86_400_000 - 1);
}

/** The first moment of the (UTC) day a moment falls on. */
export function startOfDay(moment: Date): Date {
  return new Date(`${isoDay(moment)}T00:00:00.000Z`);
}
