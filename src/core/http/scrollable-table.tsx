import type { ComponentChildren, VNode } from "preact";

/**
 * A wide table that scrolls sideways on a phone. The scrolling region must be reachable by
 * keyboard (axe: scrollable-region-focusable), hence the tabindex on a labelled section.
 */
export function ScrollableTable(props: { label: string; children: ComponentChildren }): VNode {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll it
    <section class="table-scroll" tabIndex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}
