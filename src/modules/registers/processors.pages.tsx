import type { VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import type { Locale, Translate } from "../../core/i18n/index.ts";
import {
  crossCheckPolicy,
  formatPath,
  isInEea,
  type Policy,
  type PolicyProblem,
  type Processor,
  processorDataLabels,
  transferBases,
} from "../../policy/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { ContractSection, type ContractSectionProps } from "./processor-contracts.pages.tsx";
import type {
  FieldMessage,
  ProcessorField,
  ProcessorFormProblems,
  ProcessorFormValues,
} from "./processor-form.ts";
import { type ReviewStatus, reviewStatus } from "./processor-review-status.ts";

/** A processor's page address: its name, which may hold spaces, slashes or accents. */
export function processorPath(name: string): string {
  return `/admin/processors/${encodeURIComponent(name)}`;
}

export function reviewText(t: Translate, status: ReviewStatus): string {
  switch (status.kind) {
    case "none":
      return t("processors.review.none");
    case "today":
      return t("processors.review.today", { date: status.date });
    case "upcoming":
      return status.days === 1
        ? t("processors.review.tomorrow", { date: status.date })
        : t("processors.review.in", { days: status.days, date: status.date });
    case "overdue":
      return status.days === 1
        ? t("processors.review.overdue_one", { date: status.date })
        : t("processors.review.overdue", { days: status.days, date: status.date });
  }
}

function countryText(t: Translate, processor: Processor): string {
  if (isInEea(processor.country)) return processor.country;
  const basis = processor.transferBasis ? t(`processors.basis.${processor.transferBasis}`) : "—";
  return `${processor.country}: ${basis}`;
}

function purposeNames(policy: Policy, processor: Processor, locale: Locale) {
  return policy.purposes
    .filter((purpose) => processor.purposes.includes(purpose.id))
    .map((purpose) => purpose.name[locale])
    .join(", ");
}

export function ProcessorListPage(props: {
  context: BackOfficeContext;
  policy: Policy;
  today: string;
  /** Processors with a signed contract on file: when the newest was uploaded. */
  contracts: ReadonlyMap<string, Date>;
  notice?: string | undefined;
}): VNode {
  const { context, policy, today, contracts } = props;
  const { t, locale } = context;
  return (
    <AdminLayout context={context} title={t("processors.title")} notice={props.notice}>
      <p>{t("processors.intro")}</p>
      <p>
        <a href="/admin/processors/new">{t("processors.new")}</a>
      </p>
      <PolicyWarnings context={context} policy={policy} />
      {policy.processors.length === 0 ? (
        <p role="status">{t("processors.empty")}</p>
      ) : (
        <ScrollableTable label={t("processors.table")}>
          <table>
            <caption>{t("processors.table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("processors.col.name")}</th>
                <th scope="col">{t("processors.col.service")}</th>
                <th scope="col">{t("processors.col.country")}</th>
                <th scope="col">{t("processors.col.purposes")}</th>
                <th scope="col">{t("processors.col.categories")}</th>
                <th scope="col">{t("processors.col.contract")}</th>
                <th scope="col">{t("processors.col.review")}</th>
                <th scope="col">{t("processors.col.document")}</th>
              </tr>
            </thead>
            <tbody>
              {policy.processors.map((processor) => {
                const uploaded = contracts.get(processor.name);
                return (
                  <tr key={processor.name} data-processor={processor.name}>
                    <th scope="row">
                      <a href={processorPath(processor.name)}>{processor.name}</a>
                    </th>
                    <td>{processor.service[locale]}</td>
                    <td>{countryText(t, processor)}</td>
                    <td>{purposeNames(policy, processor, locale)}</td>
                    <td>{processorDataLabels(policy, processor, locale).join(", ")}</td>
                    <td>{processor.contractDate}</td>
                    <td>{reviewText(t, reviewStatus(processor.reviewDate, today))}</td>
                    <td>
                      {uploaded
                        ? t("processors.document.yes", {
                            date: uploaded.toISOString().slice(0, 10),
                          })
                        : t("processors.document.no")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </AdminLayout>
  );
}

/**
 * What `policy check` warns about the processors (no review date, a purpose that denies the
 * transfer a processor makes): in the check's own words, as the policy page shows them.
 */
function PolicyWarnings({ context, policy }: { context: BackOfficeContext; policy: Policy }) {
  const warnings = crossCheckPolicy(policy).filter(
    (finding) =>
      finding.severity === "warning" &&
      (finding.path[0] === "processors" || finding.path.at(-1) === "transfersOutsideEea"),
  );
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="processor-warnings" class="notice">
      <h2 id="processor-warnings">{context.t("processors.warnings")}</h2>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.message}>
            <code>{formatPath(warning.path)}</code>: {warning.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface ProcessorFormProps {
  context: BackOfficeContext;
  policy: Policy;
  /** The processor's name before this edit; undefined for a new one. */
  editing: string | undefined;
  values: ProcessorFormValues;
  problems?: ProcessorFormProblems | undefined;
  /** Problems the policy check found beyond the form's own fields. */
  policyProblems?: readonly PolicyProblem[] | undefined;
  error?: string | undefined;
  notice?: string | undefined;
  today: string;
  contracts?: Omit<ContractSectionProps, "context" | "name"> | undefined;
}

/** A new processor, or one processor's facts to edit, its contracts and its removal. */
export function ProcessorPage(props: ProcessorFormProps): VNode {
  const { context, editing, values, contracts } = props;
  const { t } = context;
  const title = editing ? t("processors.form.edit", { name: editing }) : t("processors.form.new");
  const stored = editing ? props.policy.processors.find((p) => p.name === editing) : undefined;
  return (
    <AdminLayout context={context} title={title} notice={props.notice}>
      <p>
        <a href="/admin/processors">{t("processors.title")}</a>
      </p>
      {stored && <p>{reviewText(t, reviewStatus(stored.reviewDate, props.today))}</p>}
      <ProblemSummary {...props} />
      <ProcessorForm {...props} values={values} />
      {editing && contracts && <ContractSection context={context} name={editing} {...contracts} />}
      {editing && (
        <p>
          <a href={`${processorPath(editing)}/remove`}>{t("processors.remove.link")}</a>
        </p>
      )}
    </AdminLayout>
  );
}

function ProblemSummary(props: ProcessorFormProps): VNode | null {
  const { error, policyProblems = [] } = props;
  if (!error) return null;
  return (
    <div role="alert" class="form-error">
      <p>{error}</p>
      {policyProblems.length > 0 && (
        <ul>
          {policyProblems.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const fieldId = (field: ProcessorField) => `processor-${field}`;

function Problem(props: { t: Translate; field: ProcessorField; problem?: FieldMessage }) {
  const { t, field, problem } = props;
  if (!problem) return null;
  return (
    <small id={`${fieldId(field)}-error`} class="field-problem">
      {t(problem.key, problem.params)}
    </small>
  );
}

function TextInput(props: {
  t: Translate;
  field: ProcessorField;
  label: string;
  value: string;
  problems: ProcessorFormProblems;
  type?: "text" | "date";
  required?: boolean;
  hint?: string;
  maxLength?: number;
}): VNode {
  const { t, field, problems, hint } = props;
  const problem = problems[field];
  const described = [problem && `${fieldId(field)}-error`, hint && `${fieldId(field)}-hint`]
    .filter(Boolean)
    .join(" ");
  return (
    <label for={fieldId(field)}>
      {props.label}
      <input
        id={fieldId(field)}
        name={field}
        // preact types each input type apart; text and date share every attribute used here.
        type={(props.type ?? "text") as "text"}
        value={props.value}
        required={props.required ?? true}
        maxLength={props.maxLength}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={described || undefined}
      />
      <Problem t={t} field={field} problem={problem} />
      {hint && <small id={`${fieldId(field)}-hint`}>{hint}</small>}
    </label>
  );
}

function ProcessorForm(props: ProcessorFormProps): VNode {
  const { context, policy, editing, values, problems = {} } = props;
  const { t, locale } = context;
  const action = editing ? processorPath(editing) : "/admin/processors/new";
  const text = (field: ProcessorField, label: string, extra: { maxLength?: number } = {}) => (
    <TextInput
      t={t}
      field={field}
      label={label}
      value={String(values[field as keyof ProcessorFormValues] ?? "")}
      problems={problems}
      {...extra}
    />
  );
  return (
    <form method="post" action={action} aria-label={t("processors.form.label")}>
      <CsrfField token={context.csrf} />
      <input type="hidden" name="base" value={values.base} />
      {text("name", t("processors.field.name"), { maxLength: 200 })}
      {text("service_nl", t("processors.field.service_nl"), { maxLength: 500 })}
      {text("service_en", t("processors.field.service_en"), { maxLength: 500 })}
      {text("service_fr", t("processors.field.service_fr"), { maxLength: 500 })}
      <div class="grid">
        <TextInput
          t={t}
          field="country"
          label={t("processors.field.country")}
          value={values.country}
          problems={problems}
          maxLength={2}
        />
        <label for={fieldId("transferBasis")}>
          {t("processors.field.transferBasis")}
          <select
            id={fieldId("transferBasis")}
            name="transferBasis"
            aria-invalid={problems.transferBasis ? "true" : undefined}
            aria-describedby={
              problems.transferBasis ? `${fieldId("transferBasis")}-error` : undefined
            }
          >
            <option value="" selected={values.transferBasis === ""}>
              {t("processors.field.transferBasis.none")}
            </option>
            {transferBases.map((basis) => (
              <option key={basis} value={basis} selected={values.transferBasis === basis}>
                {t(`processors.basis.${basis}`)}
              </option>
            ))}
          </select>
          <Problem t={t} field="transferBasis" problem={problems.transferBasis} />
        </label>
      </div>
      <div class="grid">
        <TextInput
          t={t}
          field="contractDate"
          type="date"
          label={t("processors.field.contractDate")}
          value={values.contractDate}
          problems={problems}
        />
        <TextInput
          t={t}
          field="reviewDate"
          type="date"
          required={false}
          label={t("processors.field.reviewDate")}
          hint={t("processors.field.reviewDate.hint")}
          value={values.reviewDate}
          problems={problems}
        />
      </div>
      <Checkboxes
        t={t}
        field="purposes"
        legend={t("processors.field.purposes")}
        problem={problems.purposes}
        options={policy.purposes.map((purpose) => ({
          value: purpose.id,
          label: purpose.name[locale],
        }))}
        checked={values.purposes}
      />
      <fieldset
        aria-describedby={[
          problems.dataCategories && `${fieldId("dataCategories")}-error`,
          `${fieldId("dataCategories")}-hint`,
        ]
          .filter(Boolean)
          .join(" ")}
      >
        <legend>{t("processors.field.categories")}</legend>
        <small id={`${fieldId("dataCategories")}-hint`}>
          {t("processors.field.categories.hint")}
        </small>
        <Problem t={t} field="dataCategories" problem={problems.dataCategories} />
        {policy.purposes.map((purpose) => (
          <fieldset key={purpose.id}>
            <legend>{purpose.name[locale]}</legend>
            {purpose.dataCategories.map((category) => (
              <label key={category.id}>
                <input
                  type="checkbox"
                  name="dataCategories"
                  value={category.id}
                  checked={values.dataCategories.includes(category.id)}
                />{" "}
                {category.label[locale]}
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <button type="submit">{t("processors.save")}</button>
    </form>
  );
}

function Checkboxes(props: {
  t: Translate;
  field: ProcessorField;
  legend: string;
  problem: FieldMessage | undefined;
  options: { value: string; label: string }[];
  checked: readonly string[];
}): VNode {
  const { t, field, problem } = props;
  return (
    <fieldset aria-describedby={problem ? `${fieldId(field)}-error` : undefined}>
      <legend>{props.legend}</legend>
      <Problem t={t} field={field} problem={problem} />
      {props.options.map((option) => (
        <label key={option.value}>
          <input
            type="checkbox"
            name={field}
            value={option.value}
            checked={props.checked.includes(option.value)}
          />{" "}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Removing is one more step: the processor leaves the statement at once. */
export function RemoveProcessorPage(props: {
  context: BackOfficeContext;
  name: string;
  base: string;
}): VNode {
  const { context, name, base } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("processors.remove.title", { name })}>
      <p>{t("processors.remove.intro")}</p>
      <form method="post" action={`${processorPath(name)}/remove`}>
        <CsrfField token={context.csrf} />
        <input type="hidden" name="base" value={base} />
        <button type="submit" class="contrast">
          {t("processors.remove.confirm")}
        </button>{" "}
        <a href={processorPath(name)}>{t("processors.remove.cancel")}</a>
      </form>
    </AdminLayout>
  );
}
