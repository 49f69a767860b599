import type { ComponentChildren, VNode } from "preact";

/**
 * The search-and-filter form above a back-office list: a GET form, so a filtered list is a link
 * staff can share, with a button and a "show all" link that clears it.
 */
export function FilterForm(props: {
  action: string;
  label: string;
  submitLabel: string;
  clearLabel: string;
  children: ComponentChildren;
}): VNode {
  return (
    <form method="get" action={props.action} class="filter-form" aria-label={props.label}>
      {props.children}
      <p>
        <button type="submit">{props.submitLabel}</button>{" "}
        <a href={props.action}>{props.clearLabel}</a>
      </p>
    </form>
  );
}

/** A choice among fixed values, with "all" first. */
export function SelectFilter(props: {
  label: string;
  name: string;
  value: string;
  allLabel: string;
  options: readonly { value: string; label: string }[];
}): VNode {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="" selected={props.value === ""}>
          {props.allLabel}
        </option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={props.value === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A text search field; exact searches say so in their label. */
export function TextFilter(props: {
  label: string;
  name: string;
  value: string;
  type?: "text" | "email";
}): VNode {
  if (props.type === "email") {
    return (
      <label>
        {props.label}
        <input type="email" name={props.name} value={props.value} autocomplete="off" />
      </label>
    );
  }
  return (
    <label>
      {props.label}
      <input type="text" name={props.name} value={props.value} autocomplete="off" />
    </label>
  );
}
