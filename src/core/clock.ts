/**
 * Domain code never reads `Date.now()`: it asks the clock, so a test can move time past a
 * seven-year retention rule in milliseconds.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface FakeClock extends Clock {
  set(at: Date | string): void;
  advance(milliseconds: number): void;
}

export function fakeClock(start: Date | string = "2026-01-01T09:00:00Z"): FakeClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime();
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}
