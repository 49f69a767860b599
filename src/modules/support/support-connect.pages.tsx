import type { VNode } from "preact";
import { fieldIds, Honeypot, Layout, type PageContext, TextField } from "../../core/http/index.ts";
import type { HandOverField } from "./support-connect-fields.ts";

export interface ConnectFormProps {
  context: PageContext;
  csrf: string;
  /** The signed moment the form was rendered (humanCheck). */
  rendered: string;
  /** What the visitor typed, shown back: never the password. */
  values: { code: string; teamviewerId: string; objected: boolean };
  /** One message per field, already in the visitor's language. */
  problems: Partial<Record<HandOverField, string>>;
  /** A problem with the whole post: unknown or expired code, a script, a stale form. */
  formProblem?: string | undefined;
  /** The support purpose's retention text from the policy, in the visitor's language. */
  retention: string | undefined;
}

const fieldId = (field: string) => fieldIds("support", field).input;

/**
 * The code, the TeamViewer ID and its password. A TeamViewer password typed into a password field
 * would be offered to the browser's password manager, autocomplete="off" or not; a plain text
 * field without spellcheck is not sent to a spelling service either.
 */
function Field(props: {
  field: HandOverField;
  label: string;
  hint: string;
  problem: string | undefined;
  /** Undefined for the password: the field carries no value at all. */
  value: string | undefined;
  maxLength: number;
  /** The code and ID are digits: a phone shows its number pad. */
  numeric: boolean;
}): VNode {
  return (
    <TextField
      idPrefix="support"
      name={props.field}
      label={props.label}
      type="text"
      autocomplete="off"
      plain
      inputMode={props.numeric ? "numeric" : undefined}
      required
      maxLength={props.maxLength}
      value={props.value}
      problem={props.problem}
      hint={props.hint}
    />
  );
}

export function ConnectFormPage(props: ConnectFormProps): VNode {
  const { context, values, problems, formProblem, retention } = props;
  const { t } = context;
  const listed = (Object.entries(problems) as [HandOverField, string][]).filter(([, text]) => text);
  const hasProblems = listed.length > 0 || formProblem !== undefined;
  return (
    <Layout context={context} title={t("support.connect.title")}>
      <article class="support-connect">
        <h1>{t("support.connect.title")}</h1>
        <p>{t("support.connect.intro")}</p>
        {hasProblems && (
          <div role="alert" id="support-problems">
            <p>{formProblem ?? t("support.connect.errors")}</p>
            {listed.length > 0 && (
              <ul>
                {listed.map(([field, text]) => (
                  <li key={field}>
                    <a href={`#${fieldId(field)}`}>{text}</a>
                  </li>
                ))}
              </ul>
            )}
            <p>{t("support.connect.again")}</p>
          </div>
        )}
        <form method="post" action="/support/connect">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="rendered" value={props.rendered} />
          <Field
            field="code"
            label={t("support.connect.code")}
            hint={t("support.connect.code.hint")}
            problem={problems.code}
            value={values.code}
            maxLength={12}
            numeric
          />
          <Field
            field="teamviewerId"
            label={t("support.connect.teamviewer_id")}
            hint={t("support.connect.teamviewer_id.hint")}
            problem={problems.teamviewerId}
            value={values.teamviewerId}
            maxLength={20}
            numeric
          />
          {/* Always empty: a password is never sent back, not even after a refused post. */}
          <Field
            field="password"
            label={t("support.connect.password")}
            hint={t("support.connect.password.hint")}
            problem={problems.password}
            value={undefined}
            maxLength={100}
            numeric={false}
          />
          <label for="support-objected">
            <input
              id="support-objected"
              type="checkbox"
              name="objected"
              value="yes"
              checked={values.objected}
            />
            {t("support.connect.objected")}
          </label>
          <Honeypot id="support-website" label={t("support.connect.honeypot")} />
          {retention && (
            <p id="support-notice">
              <small>
                {t("support.connect.notice", { retention })}{" "}
                <a href="/privacy">{t("support.connect.notice.privacy")}</a>
              </small>
            </p>
          )}
          <button type="submit" aria-describedby={retention ? "support-notice" : undefined}>
            {t("support.connect.submit")}
          </button>
        </form>
      </article>
    </Layout>
  );
}

export function ConnectedPage({ context }: { context: PageContext }): VNode {
  const { t } = context;
  return (
    <Layout context={context} title={t("support.connect.done.title")}>
      <article>
        <h1>{t("support.connect.done.title")}</h1>
        <p role="status">{t("support.connect.done.text")}</p>
        <p>
          <a href="/">{t("support.connect.done.home")}</a>
        </p>
      </article>
    </Layout>
  );
}
