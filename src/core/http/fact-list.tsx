import type { ComponentChildren, VNode } from "preact";

export type Fact = readonly [term: string, value: ComponentChildren];

/**
 * A record's facts as a titled definition list, the back office's one way to show "what we hold"
 * on a detail page. The title may be hidden when the page heading already says it, but it stays
 * for screen readers, which announce the section by it.
 */
export function FactList(props: {
  id: string;
  title: string;
  titleHidden?: boolean;
  rows: readonly Fact[];
}): VNode {
  return (
    <section class="record-entry" aria-labelledby={props.id}>
      <h2 id={props.id} class={props.titleHidden ? "visually-hidden" : undefined}>
        {props.title}
      </h2>
      <dl>
        {props.rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
