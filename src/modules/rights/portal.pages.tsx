import type { VNode } from "preact";
import { Honeypot, Layout, type PageContext } from "../../core/http/index.ts";
import type { PurposeChoice } from "./portal-purposes.ts";
import {
  type RequestFieldProblems,
  RequestFields,
  type RequestFieldsWording,
  RequestProblemSummary,
} from "./request-fields.tsx";
import type { RequestFormValues } from "./request-form-values.ts";

/** The portal asks the person, in their own words. */
const personWording: RequestFieldsWording = {
  rights: "rights-portal.form.rights",
  objectionPurpose: "rights-portal.form.objection_purpose",
  withdrawPurpose: "rights-portal.form.withdraw_purpose",
  portabilityTo: "rights-portal.form.portability_to",
  portability: {
    self: "rights-portal.portability.self",
    organisation: "rights-portal.portability.organisation",
  },
  description: "rights-portal.form.description",
  descriptionHint: "rights-portal.form.description.hint",
  identity: "rights-portal.form.identity",
  emailHint: "rights-portal.form.email.hint",
  customerNumberHint: "rights-portal.form.customer_number.hint",
};

export interface RequestFormProps {
  context: PageContext;
  csrf: string;
  /** The signed moment the form was rendered, sent back to tell a person from a script. */
  rendered: string;
  values: RequestFormValues;
  /** One message per field, already in the visitor's language. */
  problems: RequestFieldProblems;
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

export function RequestFormPage(props: RequestFormProps): VNode {
  const { context, values, problems, purposes, idCopy } = props;
  const { t } = context;
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
          <RequestProblemSummary
            idPrefix="portal"
            heading={t("rights-portal.form.errors")}
            problems={problems}
          />
        )}
        <form method="post" action="/privacy/request">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="rendered" value={props.rendered} />
          <RequestFields
            t={t}
            idPrefix="portal"
            wording={personWording}
            values={values}
            problems={problems}
            purposes={purposes}
            autofill
          />
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
