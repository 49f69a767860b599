import type { VNode } from "preact";
import {
  describedBy,
  FieldProblemText,
  fieldIds,
  Honeypot,
  Layout,
  type PageContext,
  TextField,
} from "../../core/http/index.ts";
import type { SignupField } from "./newsletter-visitor.schema.ts";
import { signupLimits } from "./newsletter-visitor.schema.ts";
import type { TopicChoice } from "./topics.ts";

/** What the newsletter purpose of the policy keeps and for how long, in the visitor's language. */
export interface NewsletterNotice {
  data: string;
  retention: string;
}

const fieldId = (field: string) => fieldIds("newsletter", field).input;
const problemId = (field: string) => fieldIds("newsletter", field).problem;
const topicId = (topic: string) => `newsletter-topic-${topic}`;

type Problems = Partial<Record<SignupField, string>>;

/** The list at the top of a refused form: each problem links to the field it is about. */
function ProblemSummary(props: {
  heading: string;
  problems: Problems;
  topics: readonly TopicChoice[];
}) {
  const listed = (Object.entries(props.problems) as [SignupField, string][]).filter(
    ([, text]) => text,
  );
  if (listed.length === 0) return null;
  const target = (field: SignupField) =>
    field === "topics" ? topicId(props.topics[0]?.id ?? "none") : fieldId(field);
  return (
    <div role="alert" id="newsletter-problems">
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

/**
 * One checkbox per policy topic, each its own consent: its name is the label, its description
 * is read with it. Nothing is ticked unless the person ticked it.
 */
function TopicFieldset(props: {
  legend: string;
  hint: string;
  topics: readonly TopicChoice[];
  chosen: readonly string[];
  problem: string | undefined;
}): VNode {
  const { topics, chosen, problem } = props;
  return (
    <fieldset
      class="topic-choices"
      aria-describedby={describedBy("newsletter-topics-hint", problem && problemId("topics"))}
    >
      <legend>{props.legend}</legend>
      <small id="newsletter-topics-hint">{props.hint}</small>
      <FieldProblemText id={problemId("topics")} problem={problem} />
      {topics.map((topic) => (
        <div class="topic-choice" key={topic.id}>
          <label for={topicId(topic.id)}>
            <input
              id={topicId(topic.id)}
              type="checkbox"
              name="topics"
              value={topic.id}
              checked={chosen.includes(topic.id)}
              aria-invalid={problem ? "true" : undefined}
              aria-describedby={`${topicId(topic.id)}-description`}
            />
            {topic.name}
          </label>
          <small id={`${topicId(topic.id)}-description`}>{topic.description}</small>
        </div>
      ))}
    </fieldset>
  );
}

/** A form that only carries its token (and maybe more hidden fields) and one button. */
function ButtonForm(props: {
  action: string;
  csrf: string;
  label: string;
  hidden?: Record<string, string>;
  secondary?: boolean;
}): VNode {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.secondary ? "secondary" : undefined}>
        {props.label}
      </button>
    </form>
  );
}

export interface SignupFormProps {
  context: PageContext;
  csrf: string;
  /** The signed moment the form was rendered, sent back to tell a person from a script. */
  rendered: string;
  topics: readonly TopicChoice[];
  values: { name?: string | undefined; email?: string | undefined; topics: readonly string[] };
  /** One message per field, already in the visitor's language. */
  problems: Problems;
  /** A problem with the whole post, such as one sent by a script. */
  formProblem?: string | undefined;
  notice: NewsletterNotice | undefined;
}

export function SignupFormPage(props: SignupFormProps): VNode {
  const { context, values, problems, formProblem, notice, topics } = props;
  const { t } = context;
  return (
    <Layout context={context} title={t("newsletter-form.title")}>
      <article class="newsletter-form">
        <h1>{t("newsletter-form.title")}</h1>
        <p>{t("newsletter-form.intro")}</p>
        {formProblem && (
          <div role="alert" id="newsletter-form-problem">
            <p>{formProblem}</p>
          </div>
        )}
        {!formProblem && (
          <ProblemSummary
            heading={t("newsletter-form.errors")}
            problems={problems}
            topics={topics}
          />
        )}
        <form method="post" action="/newsletter">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="rendered" value={props.rendered} />
          <TextField
            idPrefix="newsletter"
            name="name"
            required
            label={t("newsletter-form.name")}
            type="text"
            autocomplete="nickname"
            maxLength={signupLimits.name}
            value={values.name ?? ""}
            problem={problems.name}
          />
          <TextField
            idPrefix="newsletter"
            name="email"
            required
            label={t("newsletter-form.email")}
            type="email"
            autocomplete="email"
            maxLength={signupLimits.email}
            value={values.email ?? ""}
            problem={problems.email}
          />
          <TopicFieldset
            legend={t("newsletter-form.topics")}
            hint={t("newsletter-form.topics.hint")}
            topics={topics}
            chosen={values.topics}
            problem={problems.topics}
          />
          <Honeypot id="newsletter-website" label={t("newsletter-form.honeypot")} />
          {notice && (
            <p id="newsletter-notice">
              <small>
                {t("newsletter-form.notice", { data: notice.data, retention: notice.retention })}{" "}
                {t("newsletter-form.notice.unsubscribe")}{" "}
                <a href="/privacy">{t("newsletter-form.notice.privacy")}</a>
              </small>
            </p>
          )}
          <button type="submit" aria-describedby={notice ? "newsletter-notice" : undefined}>
            {t("newsletter-form.submit")}
          </button>
        </form>
      </article>
    </Layout>
  );
}

/** The same page whether the address was new, known or already subscribed. */
export function CheckYourMailPage(props: { context: PageContext; days: number }): VNode {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={t("newsletter-form.check.title")}>
      <article class="newsletter-page">
        <h1>{t("newsletter-form.check.title")}</h1>
        <p>{t("newsletter-form.check.body")}</p>
        <p>{t("newsletter-form.check.expiry", { days: props.days })}</p>
        <p>
          <a href="/">{t("newsletter-form.home")}</a>
        </p>
      </article>
    </Layout>
  );
}

/** What a mail scanner's GET sees: a button, never a confirmation. */
export function ConfirmPage(props: { context: PageContext; csrf: string; token: string }): VNode {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={t("newsletter-form.confirm.title")}>
      <article class="newsletter-page">
        <h1>{t("newsletter-form.confirm.title")}</h1>
        <p>{t("newsletter-form.confirm.intro")}</p>
        <ButtonForm
          action="/newsletter/confirm"
          csrf={props.csrf}
          label={t("newsletter-form.confirm.submit")}
          hidden={{ token: props.token }}
        />
      </article>
    </Layout>
  );
}

export function ConfirmedPage(props: {
  context: PageContext;
  topics: readonly TopicChoice[];
  preferences: string;
}): VNode {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={t("newsletter-form.confirmed.title")}>
      <article class="newsletter-page">
        <h1>{t("newsletter-form.confirmed.title")}</h1>
        <p>{t("newsletter-form.confirmed.topics")}</p>
        <ul>
          {props.topics.map((topic) => (
            <li key={topic.id}>
              <strong>{topic.name}</strong>: {topic.description}
            </li>
          ))}
        </ul>
        <p>{t("newsletter-form.confirmed.later")}</p>
        <p>
          <a href={props.preferences}>{t("newsletter-form.confirmed.preferences")}</a>
        </p>
      </article>
    </Layout>
  );
}

/**
 * A link that cannot be used: an expired or used confirmation link, or a preference or
 * unsubscribe link whose signature is wrong. Each ends with the way forward: sign up again.
 */
export function LinkProblemPage(props: {
  context: PageContext;
  problem: "expired" | "invalid" | "signature";
  days: number;
}): VNode {
  const { t } = props.context;
  const title =
    props.problem === "expired"
      ? t("newsletter-form.expired.title")
      : t("newsletter-form.invalid.title");
  const body =
    props.problem === "expired"
      ? t("newsletter-form.expired.body", { days: props.days })
      : props.problem === "invalid"
        ? t("newsletter-form.invalid.body")
        : t("newsletter-form.link.body");
  return (
    <Layout context={props.context} title={title}>
      <article class="newsletter-page">
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a href="/newsletter">{t("newsletter-form.signup-again")}</a>
        </p>
      </article>
    </Layout>
  );
}

export interface PreferencesProps {
  context: PageContext;
  csrf: string;
  /** The signed URL the forms post back to. */
  action: string;
  email: string;
  topics: readonly TopicChoice[];
  values: { name: string; topics: readonly string[] };
  /** Topics with a live consent now; none means unsubscribed from everything. */
  subscribed: readonly string[];
  problems: Problems;
  done?: "saved" | "unsubscribed" | undefined;
  /** The policy's retention text, told after unsubscribing. */
  retention: string | undefined;
}

export function PreferencesPage(props: PreferencesProps): VNode {
  const { context, values, problems, topics, done } = props;
  const { t } = context;
  return (
    <Layout context={context} title={t("newsletter-form.preferences.title")}>
      <article class="newsletter-form">
        <h1>{t("newsletter-form.preferences.title")}</h1>
        {done === "saved" && (
          <p class="notice" role="status">
            {t("newsletter-form.preferences.saved")}
          </p>
        )}
        {done === "unsubscribed" && (
          <div class="notice" role="status">
            <p>
              <strong>{t("newsletter-form.unsubscribed.title")}. </strong>
              {t("newsletter-form.unsubscribed.body")}
            </p>
            {props.retention && (
              <p>
                <small>
                  {t("newsletter-form.unsubscribed.retention", { retention: props.retention })}
                </small>
              </p>
            )}
          </div>
        )}
        <p>{t("newsletter-form.preferences.intro", { email: props.email })}</p>
        {props.subscribed.length === 0 && <p>{t("newsletter-form.preferences.none")}</p>}
        <ProblemSummary
          heading={t("newsletter-form.preferences.errors")}
          problems={problems}
          topics={topics}
        />
        <form method="post" action={props.action}>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <TextField
            idPrefix="newsletter"
            name="name"
            required
            label={t("newsletter-form.name")}
            type="text"
            autocomplete="nickname"
            maxLength={signupLimits.name}
            value={values.name ?? ""}
            problem={problems.name}
          />
          <TopicFieldset
            legend={t("newsletter-form.topics")}
            hint={t("newsletter-form.topics.hint")}
            topics={topics}
            chosen={values.topics}
            problem={problems.topics}
          />
          <button type="submit">{t("newsletter-form.preferences.save")}</button>
        </form>
        {props.subscribed.length > 0 && (
          <section aria-labelledby="newsletter-leave" class="newsletter-leave">
            <h2 id="newsletter-leave">{t("newsletter-form.preferences.leave")}</h2>
            <p>{t("newsletter-form.preferences.leave.hint")}</p>
            <ButtonForm
              action={props.action}
              csrf={props.csrf}
              label={t("newsletter-form.unsubscribe.submit")}
              hidden={{ intent: "unsubscribe_all" }}
              secondary
            />
          </section>
        )}
      </article>
    </Layout>
  );
}

/** The unsubscribe link's page: one button, and the gentler way out beside it. */
export function UnsubscribePage(props: {
  context: PageContext;
  csrf: string;
  action: string;
  preferences: string;
}): VNode {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={t("newsletter-form.unsubscribe.title")}>
      <article class="newsletter-page">
        <h1>{t("newsletter-form.unsubscribe.title")}</h1>
        <p>{t("newsletter-form.unsubscribe.intro")}</p>
        <ButtonForm
          action={props.action}
          csrf={props.csrf}
          label={t("newsletter-form.unsubscribe.submit")}
        />
        <p>
          {t("newsletter-form.unsubscribe.instead")}{" "}
          <a href={props.preferences}>{t("newsletter-form.unsubscribe.preferences")}</a>
        </p>
      </article>
    </Layout>
  );
}

export function UnsubscribedPage(props: {
  context: PageContext;
  retention: string | undefined;
  preferences: string;
}): VNode {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={t("newsletter-form.unsubscribed.title")}>
      <article class="newsletter-page">
        <h1>{t("newsletter-form.unsubscribed.title")}</h1>
        <p role="status">{t("newsletter-form.unsubscribed.body")}</p>
        {props.retention && (
          <p>
            <small>
              {t("newsletter-form.unsubscribed.retention", { retention: props.retention })}
            </small>
          </p>
        )}
        <p>
          <a href={props.preferences}>{t("newsletter-form.unsubscribed.again")}</a>
        </p>
      </article>
    </Layout>
  );
}
