import type { VNode } from "preact";
import {
  FieldProblemText,
  fieldIds,
  Honeypot,
  Layout,
  type PageContext,
  TextField,
} from "../../core/http/index.ts";
import type { Policy } from "../../policy/index.ts";
import { type ReportField, reportLimits } from "./security-report.schema.ts";

export interface ReportFormState {
  csrf: string;
  /** The signed moment the form was rendered, sent back to tell a person from a script. */
  rendered: string;
  values: Partial<Record<ReportField, string>>;
  /** One message per field, already in the visitor's language. */
  problems: Partial<Record<ReportField, string>>;
  /** A problem with the whole post, such as one sent by a script. */
  formProblem?: string | undefined;
}

const ids = (field: ReportField) => fieldIds("security-report", field);

function ProblemSummary(props: { context: PageContext; form: ReportFormState }) {
  const { t } = props.context;
  const listed = (Object.entries(props.form.problems) as [ReportField, string][]).filter(
    ([, text]) => text,
  );
  if (listed.length === 0 && !props.form.formProblem) return null;
  return (
    <div role="alert" id="security-report-problems">
      <p>{props.form.formProblem ?? t("security.form.errors")}</p>
      {listed.length > 0 && (
        <ul>
          {listed.map(([field, text]) => (
            <li key={field}>
              <a href={`#${ids(field).input}`}>{text}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The misuse report form: no script needed, a honeypot and a signed render time against bots. */
function ReportForm(props: {
  context: PageContext;
  form: ReportFormState;
  /** The contact purpose's retention, in the visitor's language: reports are kept by it. */
  retention: string;
}): VNode {
  const { context, form } = props;
  const { t } = context;
  const message = ids("message");
  return (
    <form
      method="post"
      action="/security/report"
      class="narrow-form"
      id="security-report-form"
      aria-labelledby="security-report-form-title"
    >
      <input type="hidden" name="_csrf" value={form.csrf} />
      <input type="hidden" name="rendered" value={form.rendered} />
      <ProblemSummary context={context} form={form} />
      <label for={message.input}>
        {t("security.form.message")}
        <textarea
          id={message.input}
          name="message"
          rows={8}
          required
          maxLength={reportLimits.message}
          aria-invalid={form.problems.message ? "true" : undefined}
          aria-describedby={
            form.problems.message ? `${message.problem} ${message.hint}` : message.hint
          }
        >
          {form.values.message ?? ""}
        </textarea>
        <FieldProblemText id={message.problem} problem={form.problems.message} />
        <small id={message.hint}>{t("security.form.message.hint")}</small>
      </label>
      <TextField
        idPrefix="security-report"
        name="name"
        label={t("security.form.name")}
        type="text"
        autocomplete="name"
        required={false}
        maxLength={reportLimits.name}
        value={form.values.name ?? ""}
        problem={form.problems.name}
      />
      <TextField
        idPrefix="security-report"
        name="email"
        label={t("security.form.email")}
        type="email"
        autocomplete="email"
        required
        maxLength={reportLimits.email}
        value={form.values.email ?? ""}
        problem={form.problems.email}
        hint={t("security.form.email.hint")}
      />
      <Honeypot id="security-report-website" label={t("security.form.honeypot")} />
      <p id="security-report-notice">
        <small>
          {t("security.form.notice", { retention: props.retention })}{" "}
          <a href="/privacy">{t("security.form.notice.privacy")}</a>
        </small>
      </p>
      <button type="submit" aria-describedby="security-report-notice">
        {t("security.form.submit")}
      </button>
    </form>
  );
}

/** The statement's "Beveiliging": what we do, and whom to tell when something seems wrong. */
export function SecurityPage(props: {
  context: PageContext;
  policy: Policy;
  form: ReportFormState;
}): VNode {
  const { context, policy } = props;
  const { t, locale } = context;
  const email = policy.security.contactEmail;
  return (
    <Layout context={context} title={t("security.title")}>
      <article>
        <h1>{t("security.title")}</h1>
        <ul>
          {policy.securityMeasures.map((measure) => (
            <li key={measure.nl}>{measure[locale]}</li>
          ))}
        </ul>
        <section aria-labelledby="security-report">
          <h2 id="security-report">{t("security.report.title")}</h2>
          <p>
            {t("security.report.how")} <a href={`mailto:${email}`}>{email}</a>
          </p>
          <p>{t("security.report.what")}</p>
          <h3 id="security-report-form-title">{t("security.form.title")}</h3>
          <ReportForm
            context={context}
            form={props.form}
            retention={
              policy.purposes.find((purpose) => purpose.id === "contact")?.retention.text[locale] ??
              ""
            }
          />
        </section>
        <p>
          <a href="/.well-known/security.txt">{t("security.txt")}</a>
        </p>
      </article>
    </Layout>
  );
}
