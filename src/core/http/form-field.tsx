import type { VNode } from "preact";

/**
 * The ids of one field on a visitor form: `<prefix>-<name>` for the control, with `-error` and
 * `-hint` for the texts it is described by. Problem summaries link to the control's id, so every
 * form names them the same way.
 */
export function fieldIds(prefix: string, name: string) {
  const input = `${prefix}-${name}`;
  return { input, problem: `${input}-error`, hint: `${input}-hint` };
}

/** The ids a control is described by, or no attribute at all when there is none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined === "" ? undefined : joined;
}

/**
 * What is wrong with a field, in the visitor's language; nothing when all is well. Not called
 * FieldProblem: that is the API's `{ field, message }` type (app-error.ts).
 */
export function FieldProblemText({ id, problem }: { id: string; problem: string | undefined }) {
  if (!problem) return null;
  return (
    <small id={id} class="field-problem">
      {problem}
    </small>
  );
}

/**
 * A labelled one-line input with its problem and hint: the problem comes first in the reading
 * order, so a screen reader says what to fix before what the field is for.
 */
export function TextField(props: {
  /** The form's id prefix, such as "contact": the input gets `contact-<name>`. */
  idPrefix: string;
  name: string;
  label: string;
  type: "text" | "email" | "tel";
  autocomplete: string;
  required?: boolean | undefined;
  maxLength: number;
  /** Undefined leaves out the attribute: a password is never sent back, not even empty. */
  value: string | undefined;
  problem: string | undefined;
  hint?: string | undefined;
  /** Digits only (a code, an ID): a phone shows its number pad. */
  inputMode?: "numeric" | undefined;
  /** Off for secrets: no capitals added, nothing sent to a spelling service. */
  plain?: boolean | undefined;
}): VNode {
  const { problem, hint } = props;
  const ids = fieldIds(props.idPrefix, props.name);
  return (
    <label for={ids.input}>
      {props.label}
      <input
        id={ids.input}
        name={props.name}
        // preact types each input type apart; these three share every attribute used here.
        type={props.type as "text"}
        autocomplete={props.autocomplete}
        autocapitalize={props.plain ? "none" : undefined}
        spellcheck={props.plain ? false : undefined}
        inputmode={props.inputMode}
        required={props.required}
        maxLength={props.maxLength}
        value={props.value}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(problem && ids.problem, hint && ids.hint)}
      />
      <FieldProblemText id={ids.problem} problem={problem} />
      {hint && <small id={ids.hint}>{hint}</small>}
    </label>
  );
}
