import type { DemoWorld } from "./demo-world.ts";

/**
 * One thing that happened in the demo's past year. The seed runs every module's events in the
 * order of their dates, so the audit log reads as a history, and a later event (an order for a
 * customer) finds what an earlier one made.
 */
export interface DemoEvent {
  daysAgo: number;
  /** "HH:MM" in UTC, zero-padded: events of one day are sorted by it as text. */
  time: `${number}:${number}`;
  run(world: DemoWorld): Promise<void>;
}

/** Oldest first; the same day by time; the same moment in the order written. */
export function chronological(events: readonly DemoEvent[]): DemoEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        b.event.daysAgo - a.event.daysAgo ||
        a.event.time.localeCompare(b.event.time) ||
        a.index - b.index,
    )
    .map(({ event }) => event);
}
