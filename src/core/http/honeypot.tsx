import type { VNode } from "preact";

/** The `website` field of humanCheck: hidden from people and screen readers; scripts fill it in. */
export function Honeypot({ id, label }: { id: string; label: string }): VNode {
  return (
    <div class="visually-hidden" aria-hidden="true">
      <label for={id}>
        {label}
        <input id={id} name="website" type="text" tabindex={-1} autocomplete="off" />
      </label>
    </div>
  );
}
