import type { ComponentChildren, VNode } from "preact";
import { Honeypot, Layout, type PageContext } from "../../core/http/index.ts";
import type { RightKind } from "../../policy/index.ts";
import { rightKinds } from "../../policy/right-kinds.ts";
import { type PortalField, portalLimits } from "./portal.schema.ts";
import type { PurposeChoice } from "./portal-purposes.ts";

const fieldId = (field: string) => `portal-${field}`;
const problemId = (field: string) => `portal-${field}-error`;
const rightId = (kind: RightKind) => `portal-right-${kind}`;

type Problems = Partial<Record<PortalField, string>>;

export interface RequestFormValues {
  rights: readonly string[];
  text: Partial<Record<Exclude<PortalField, "rights">, string>>;
}

export interface RequestFormProps {
  context: PageContext;
  csrf: string;
  /** The signed moment the form was rendered, sent back to tell a person from a script. */
  rendered: string;
  values: RequestFormValues;
  /** One message per field, already in the visitor's language. */
  problems: Problems;
  /** A problem with the whole post, such as one sent by a script. */
  formProblem?: string | undefined;
  /** The policy's paragraph on rights, in the visitor's language. */
  intro: string;
  requestEmail: string;
  purposes: { objection: PurposeChoice[]; withdraw: PurposeChoice[] };
  /** When the policy asks an ID copy: for which rights (labels), and how. */
  idCopy: { rights: string; instructions: string } | undefined;
  answerDays: number;
  confirmDays: number;
}

function FieldProblem({ field, problem }: { field: PortalField; problem: string | undefined }) {
  if (!problem) return null;
  return (
    <small id={problemId(field)} class="field-problem">
      {problem}
    </small>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined === "" ? undefined : joined;
}

function TextField(props: {
  field: Exclude<PortalField, "rights" | "description">;
  label: string;
  type: "text" | "email" | "tel";
  autocomplete: string;
  required?: boolean;
  maxLength: number;
  values: RequestFormValues;
  problems: Problems;
  hint?: string;
}): VNode {
  const { field, hint } = props;
  const problem = props.problems[field];
  return (
    <label for={fieldId(field)}>
      {props.label}
      <input
        id={fieldId(field)}
        name={field}
        // preact types each input type apart; these three share every attribute used here.
        type={props.type as "text"}
        autocomplete={props.autocomplete}
        required={props.required}
        maxLength={props.maxLength}
        value={props.values.text[field] ?? ""}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(
          problem && problemId(field),
          hint && `${fieldId(field)}-hint`,
        )}
      />
      <FieldProblem field={field} problem={problem} />
      {hint && <small id={`${fieldId(field)}-hint`}>{hint}</small>}
    </label>
  );
}

function PurposeSelect(props: {
  field: "objectionPurpose" | "withdrawPurpose";
  label: string;
  choose: string;
  purposes: readonly PurposeChoice[];
  values: RequestFormValues;
  problems: Problems;
}): VNode {
  const { field } = props;
  const problem = props.problems[field];
  const chosen = props.values.text[field] ?? "";
  return (
    <label for={fieldId(field)}>
      {props.label}
      <select
        id={fieldId(field)}
        name={field}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={problem ? problemId(field) : undefined}
      >
        <option value="" selected={chosen === ""}>
          {props.choose}
        </option>
        {props.purposes.map((purpose) => (
          <option key={purpose.id} value={purpose.id} selected={chosen === purpose.id}>
            {purpose.name}
          </option>
        ))}
      </select>
      <FieldProblem field={field} problem={problem} />
    </label>
  );
}

/** One right: its box, what it means, and the details it needs right below it. */
function RightChoice(props: {
  kind: RightKind;
  context: PageContext;
  values: RequestFormValues;
  invalid: boolean;
  children?: ComponentChildren;
}): VNode {
  const { kind, context, values } = props;
  const { t } = context;
  return (
    <div class="right-choice">
      <label for={rightId(kind)}>
        <input
          id={rightId(kind)}
          type="checkbox"
          name="rights"
          value={kind}
          checked={values.rights.includes(kind)}
          aria-invalid={props.invalid ? "true" : undefined}
          aria-describedby={`${rightId(kind)}-hint`}
        />
        {t(`rights-portal.right.${kind}`)}
      </label>
      <small id={`${rightId(kind)}-hint`}>{t(`rights-portal.form.hint.${kind}`)}</small>
      {props.children}
    </div>
  );
}

function ProblemSummary(props: { heading: string; problems: Problems }) {
  const listed = (Object.entries(props.problems) as [PortalField, string][]).filter(
    ([, text]) => text,
  );
  if (listed.length === 0) return null;
  const target = (field: PortalField) => (field === "rights" ? rightId("access") : fieldId(field));
  return (
    <div role="alert" id="portal-problems">
      <p>{props.heading}</p>
      <ul>
        {listed.map(([field, text]) => (
          <li key={field}>
            <a href={`#${target(field)}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RequestFormPage(props: RequestFormProps): VNode {
  const { context, values, problems, purposes, idCopy } = props;
  const { t } = context;
  const offered = rightKinds.filter(
    (kind) =>
      (kind !== "objection" || purposes.objection.length > 0) &&
      (kind !== "withdraw_consent" || purposes.withdraw.length > 0),
  );
  const portabilityTo = values.text.portabilityTo ?? "";
  return (
    <Layout context={context} title={t("rights-portal.form.title")}>
      <article class="rights-portal">
        <h1>{t("rights-portal.form.title")}</h1>
        <p>{props.intro}</p>
        <details>
          <summary>{t("rights-portal.form.by_mail")}</summary>
          <p>
            {t("rights-portal.form.by_mail.text")}{" "}
            <a href={`mailto:${props.requestEmail}`}>{props.requestEmail}</a>
          </p>
        </details>
        <section aria-labelledby="portal-steps">
          <h2 id="portal-steps">{t("rights-portal.form.steps")}</h2>
          <ol>
            <li>{t("rights-portal.form.step.confirm", { days: props.confirmDays })}</li>
            {idCopy && <li>{t("rights-portal.form.step.id_copy", { rights: idCopy.rights })}</li>}
            <li>{t("rights-portal.form.step.answer", { days: props.answerDays })}</li>
          </ol>
          {idCopy && (
            <p id="portal-id-copy">
              <small>{idCopy.instructions}</small>
            </p>
          )}
        </section>
        {props.formProblem ? (
          <div role="alert" id="portal-form-problem">
            <p>{props.formProblem}</p>
          </div>
        ) : (
          <ProblemSummary heading={t("rights-portal.form.errors")} problems={problems} />
        )}
        <form method="post" action="/privacy/request">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="rendered" value={props.rendered} />
          <fieldset aria-describedby={describedBy(problems.rights && problemId("rights"))}>
            <legend>{t("rights-portal.form.rights")}</legend>
            <FieldProblem field="rights" problem={problems.rights} />
            {offered.map((kind) => (
              <RightChoice
                key={kind}
                kind={kind}
                context={context}
                values={values}
                invalid={problems.rights !== undefined}
              >
                {kind === "objection" && (
                  <PurposeSelect
                    field="objectionPurpose"
                    label={t("rights-portal.form.objection_purpose")}
                    choose={t("rights-portal.form.choose_purpose")}
                    purposes={purposes.objection}
                    values={values}
                    problems={problems}
                  />
                )}
                {kind === "withdraw_consent" && (
                  <PurposeSelect
                    field="withdrawPurpose"
                    label={t("rights-portal.form.withdraw_purpose")}
                    choose={t("rights-portal.form.choose_purpose")}
                    purposes={purposes.withdraw}
                    values={values}
                    problems={problems}
                  />
                )}
                {kind === "portability" && (
                  <fieldset
                    id={fieldId("portabilityTo")}
                    aria-describedby={describedBy(
                      problems.portabilityTo && problemId("portabilityTo"),
                    )}
                  >
                    <legend>{t("rights-portal.form.portability_to")}</legend>
                    <FieldProblem field="portabilityTo" problem={problems.portabilityTo} />
                    {(["self", "organisation"] as const).map((to) => (
                      <label key={to} for={`${fieldId("portabilityTo")}-${to}`}>
                        <input
                          id={`${fieldId("portabilityTo")}-${to}`}
                          type="radio"
                          name="portabilityTo"
                          value={to}
                          checked={portabilityTo === to}
                        />
                        {t(`rights-portal.portability.${to}`)}
                      </label>
                    ))}
                    <TextField
                      field="recipientName"
                      label={t("rights-portal.form.recipient_name")}
                      type="text"
                      autocomplete="off"
                      maxLength={portalLimits.recipientName}
                      values={values}
                      problems={problems}
                    />
                    <TextField
                      field="recipientEmail"
                      label={t("rights-portal.form.recipient_email")}
                      type="email"
                      autocomplete="off"
                      maxLength={portalLimits.email}
                      values={values}
                      problems={problems}
                    />
                  </fieldset>
                )}
              </RightChoice>
            ))}
          </fieldset>
          <label for={fieldId("description")}>
            {t("rights-portal.form.description")}
            <textarea
              id={fieldId("description")}
              name="description"
              rows={6}
              maxLength={portalLimits.description}
              aria-invalid={problems.description ? "true" : undefined}
              aria-describedby={describedBy(
                problems.description && problemId("description"),
                `${fieldId("description")}-hint`,
              )}
            >
              {values.text.description ?? ""}
            </textarea>
            <FieldProblem field="description" problem={problems.description} />
            <small id={`${fieldId("description")}-hint`}>
              {t("rights-portal.form.description.hint")}
            </small>
          </label>
          <fieldset>
            <legend>{t("rights-portal.form.identity")}</legend>
            <TextField
              field="email"
              label={t("rights-portal.form.email")}
              type="email"
              autocomplete="email"
              required
              maxLength={portalLimits.email}
              values={values}
              problems={problems}
              hint={t("rights-portal.form.email.hint")}
            />
            <TextField
              field="phone"
              label={t("rights-portal.form.phone")}
              type="tel"
              autocomplete="tel"
              maxLength={portalLimits.phone}
              values={values}
              problems={problems}
            />
            <TextField
              field="customerNumber"
              label={t("rights-portal.form.customer_number")}
              type="text"
              autocomplete="off"
              maxLength={portalLimits.customerNumber}
              values={values}
              problems={problems}
              hint={t("rights-portal.form.customer_number.hint")}
            />
            <TextField
              field="vat"
              label={t("rights-portal.form.vat")}
              type="text"
              autocomplete="off"
              maxLength={portalLimits.vat}
              values={values}
              problems={problems}
            />
          </fieldset>
          <Honeypot id="portal-website" label={t("rights-portal.form.honeypot")} />
          <p id="portal-notice">
            <small>
              {t("rights-portal.form.notice")}{" "}
              <a href="/privacy">{t("rights-portal.form.notice.privacy")}</a>
            </small>
          </p>
          <button type="submit" aria-describedby="portal-notice">
            {t("rights-portal.form.submit")}
          </button>
        </form>
      </article>
    </Layout>
  );
}

/** The same page whatever the address: it never tells whether we hold data about it. */
export function CheckYourMailPage(props: { context: PageContext; days: number }): VNode {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={t("rights-portal.check.title")}>
      <article class="rights-portal">
        <h1>{t("rights-portal.check.title")}</h1>
        <p>{t("rights-portal.check.body", { days: props.days })}</p>
        <p>{t("rights-portal.check.nothing")}</p>
        <p>
          <a href="/">{t("rights-portal.home")}</a>
        </p>
      </article>
    </Layout>
  );
}

/** What a mail scanner's GET sees: a button, never a confirmation. */
export function ConfirmPage(props: { context: PageContext; csrf: string; token: string }): VNode {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={t("rights-portal.confirm.title")}>
      <article class="rights-portal">
        <h1>{t("rights-portal.confirm.title")}</h1>
        <p>{t("rights-portal.confirm.intro")}</p>
        <form method="post" action="/privacy/request/confirm">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="token" value={props.token} />
          <button type="submit">{t("rights-portal.confirm.submit")}</button>
        </form>
      </article>
    </Layout>
  );
}

export type LinkProblem = "expired" | "invalid" | "status";

/** A link that does not (or no longer) work: what happened, and what to do now. */
export function LinkProblemPage(props: {
  context: PageContext;
  problem: LinkProblem;
  days: number;
}): VNode {
  const { t } = props.context;
  const title = t(`rights-portal.link.${props.problem}.title`);
  return (
    <Layout context={props.context} title={title}>
      <article class="error-page">
        <h1>{title}</h1>
        <p role="alert">{t(`rights-portal.link.${props.problem}`, { days: props.days })}</p>
        <p>
          <a href="/privacy/request">{t("rights-portal.link.again")}</a>
        </p>
      </article>
    </Layout>
  );
}
