import type { VNode } from "preact";
import { describedBy, FieldProblemText, fieldIds } from "../../core/http/index.ts";
import type { LocalizedText } from "../../policy/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { BreachFieldName, BreachFormValues } from "./breach-fields.ts";

export interface BreachFormProps {
  context: BackOfficeContext;
  action: string;
  values: BreachFormValues;
  /** One message per field, already in the staff member's language. */
  problems: Partial<Record<BreachFieldName, string>>;
  categories: readonly { id: string; label: LocalizedText }[];
  submitLabel: string;
}

const ids = (name: string) => fieldIds("breach", name);

function ProblemSummary(props: {
  context: BackOfficeContext;
  problems: BreachFormProps["problems"];
}) {
  const listed = Object.entries(props.problems).filter(([, text]) => text);
  if (listed.length === 0) return null;
  return (
    <div role="alert" id="breach-problems">
      <p>{props.context.t("breaches.errors")}</p>
      <ul>
        {listed.map(([name, text]) => (
          <li key={name}>
            <a href={`#${ids(name).input}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled control of the form, its problem first and its hint after, as on visitor forms. */
function Field(props: {
  name: Exclude<BreachFieldName, "categories" | "highRisk">;
  label: string;
  kind: "text" | "textarea" | "datetime-local" | "number";
  value: string | undefined;
  problem: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}): VNode {
  const { name, problem, hint } = props;
  const id = ids(name);
  const common = {
    id: id.input,
    name,
    required: props.required,
    "aria-invalid": problem ? ("true" as const) : undefined,
    "aria-describedby": describedBy(problem && id.problem, hint && id.hint),
  };
  return (
    <label for={id.input}>
      {props.label}
      {props.kind === "textarea" ? (
        <textarea {...common} rows={4} maxLength={10_000}>
          {props.value ?? ""}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.kind as "text"}
          value={props.value ?? ""}
          maxLength={props.kind === "text" ? 200 : undefined}
          min={props.kind === "number" ? 0 : undefined}
          inputmode={props.kind === "number" ? "numeric" : undefined}
        />
      )}
      <FieldProblemText id={id.problem} problem={problem} />
      {hint && <small id={id.hint}>{hint}</small>}
    </label>
  );
}

/** Every Art. 33(3) and 33(5) fact of a breach, grouped as the authority's form asks them. */
export function BreachForm(props: BreachFormProps): VNode {
  const { context, values, problems } = props;
  const { t, locale } = context;
  const chosen = new Set(values.categories ?? []);
  const field = (
    name: Exclude<BreachFieldName, "categories" | "highRisk">,
    kind: "text" | "textarea" | "datetime-local" | "number",
    extra: { hint?: string; required?: boolean } = {},
  ) => (
    <Field
      name={name}
      label={t(`breaches.field.${name}`)}
      kind={kind}
      value={values[name]}
      problem={problems[name]}
      {...extra}
    />
  );
  return (
    <form method="post" action={props.action}>
      <CsrfField token={context.csrf} />
      <ProblemSummary context={context} problems={problems} />
      <fieldset>
        <legend>{t("breaches.form.incident")}</legend>
        {field("title", "text", { required: true })}
        {field("nature", "textarea", { hint: t("breaches.hint.nature") })}
        {field("discoveredAt", "datetime-local", { hint: t("breaches.hint.discoveredAt") })}
      </fieldset>
      <fieldset aria-describedby={problems.categories ? ids("categories").problem : undefined}>
        <legend id={ids("categories").input}>{t("breaches.field.categories")}</legend>
        <FieldProblemText id={ids("categories").problem} problem={problems.categories} />
        {props.categories.map((category) => (
          <label key={category.id} for={`breach-category-${category.id}`}>
            <input
              type="checkbox"
              id={`breach-category-${category.id}`}
              name="categories"
              value={category.id}
              checked={chosen.has(category.id)}
            />
            {category.label[locale]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("breaches.form.scale")}</legend>
        {field("approxPeople", "number")}
        {field("approxRecords", "number")}
        {field("consequences", "textarea")}
        {field("measures", "textarea", { hint: t("breaches.hint.measures") })}
      </fieldset>
      <fieldset>
        <legend>{t("breaches.field.highRisk")}</legend>
        <small id="breach-highRisk-hint">{t("breaches.hint.highRisk")}</small>
        {(["no", "yes"] as const).map((answer) => (
          <label key={answer} for={`breach-highRisk-${answer}`}>
            <input
              type="radio"
              id={`breach-highRisk-${answer}`}
              name="highRisk"
              value={answer}
              checked={(values.highRisk ?? "no") === answer}
              aria-describedby="breach-highRisk-hint"
            />
            {t(`breaches.answer.${answer}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("breaches.form.authority")}</legend>
        {field("authorityNotifiedAt", "datetime-local")}
        {field("authorityReference", "text")}
        {field("authorityReasoning", "textarea", { hint: t("breaches.hint.authorityReasoning") })}
      </fieldset>
      <fieldset>
        <legend>{t("breaches.form.people")}</legend>
        {field("peopleNotifiedAt", "datetime-local", { hint: t("breaches.hint.peopleNotifiedAt") })}
        {field("peopleReasoning", "textarea", { hint: t("breaches.hint.peopleReasoning") })}
      </fieldset>
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}

export function NewBreachPage(props: Omit<BreachFormProps, "action" | "submitLabel">): VNode {
  const { t } = props.context;
  return (
    <AdminLayout context={props.context} title={t("breaches.new.title")}>
      <p>
        <a href="/admin/breaches">{t("breaches.back")}</a>
      </p>
      <BreachForm {...props} action="/admin/breaches/new" submitLabel={t("breaches.create")} />
    </AdminLayout>
  );
}
