import type { ComponentChildren, VNode } from "preact";
import type { RetentionExplanation } from "../../datamap/index.ts";

/**
 * "Why do we still hold this?" as every back-office page shows it: the reason as a sentence,
 * whatever the page adds about the date, the holds that keep it, and what would change it.
 */
export function RetentionWhy(props: {
  explanation: RetentionExplanation;
  /** Shown above the holds; without it the list stands on its own. */
  holdsLead?: string | undefined;
  changesLead: string;
  children?: ComponentChildren;
}): VNode {
  const { explanation, holdsLead, changesLead, children } = props;
  return (
    <>
      <p>
        {explanation.summary.charAt(0).toUpperCase()}
        {explanation.summary.slice(1)}.
      </p>
      {children}
      {explanation.holds.length > 0 && (
        <>
          {holdsLead && <p>{holdsLead}</p>}
          <ul>
            {explanation.holds.map((hold) => (
              <li key={hold}>
                <strong>{hold}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {explanation.changes.length > 0 && (
        <>
          <p>{changesLead}</p>
          <ul>
            {explanation.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
