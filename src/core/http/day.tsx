import type { VNode } from "preact";

/** A date as the back office shows it (2026-03-01, machine-readable too), or "—" when unset. */
export function Day({ at }: { at: Date | null }): VNode {
  return at ? <time dateTime={at.toISOString()}>{at.toISOString().slice(0, 10)}</time> : <>—</>;
}
