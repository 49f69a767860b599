import type { Clock } from "../core/clock.ts";

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The demo tells a story of the past year: a customer since last autumn, a request handled
 * thirteen months ago that is now due for erasure, a rights request whose deadline is near. Every
 * service reads this clock, so each record carries the date it would have had.
 */
export interface DemoClock extends Clock {
  /** Moves to `days` days before today, at a time of day (Brussels office hours, in UTC). */
  goBack(days: number, time?: `${number}:${number}`): Date;
  /** A few minutes later the same day: the person clicks the link in the mail. */
  advanceMinutes(minutes: number): Date;
  /** Back to the moment the seed started: the admin's link must be valid from now. */
  backToToday(): Date;
}

export function demoClock(today: Date): DemoClock {
  let current = today.getTime();
  return {
    now: () => new Date(current),
    goBack: (days, time = "09:30") => {
      const [hours = 9, minutes = 0] = time.split(":").map(Number);
      const day = new Date(today.getTime() - days * dayMs);
      day.setUTCHours(hours, minutes, 0, 0);
      // "Today at 15:00" may still be ahead of the moment the seed runs: never write the future.
      current = Math.min(day.getTime(), today.getTime());
      return new Date(current);
    },
    advanceMinutes: (minutes) => {
      current = Math.min(current + minutes * 60_000, today.getTime());
      return new Date(current);
    },
    backToToday: () => {
      current = today.getTime();
      return new Date(current);
    },
  };
}
