import type { VNode } from "preact";

/** "Newest · Older" under a keyset-paged list; nothing on a list that fits one page. */
export function KeysetPager(props: {
  newestHref: string | undefined;
  olderHref: string | undefined;
  newestLabel: string;
  olderLabel: string;
}): VNode | null {
  const { newestHref, olderHref } = props;
  if (!newestHref && !olderHref) return null;
  return (
    <p>
      {newestHref && <a href={newestHref}>{props.newestLabel}</a>}
      {newestHref && olderHref && " · "}
      {olderHref && <a href={olderHref}>{props.olderLabel}</a>}
    </p>
  );
}
