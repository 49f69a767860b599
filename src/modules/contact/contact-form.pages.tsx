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
import type { ContactField } from "./contact.schema.ts";

export interface ContactNotice {
  /** The contact purpose's data categories, in the visitor's language. */
  data: string;
  retention: string;
}

export interface ContactFormProps {
  context: PageContext;
  csrf: string;
  /** The signed moment the form was rendered, sent back to tell a person from a script. */
  rendered: string;
  values: Partial<Record<ContactField, string>>;
  /** One message per field, already in the visitor's language. */
  problems: Partial<Record<ContactField, string>>;
  fileProblems: readonly string[];
  /** A problem with the whole post, such as one sent by a script. */
  formProblem?: string | undefined;
  notice: ContactNotice | undefined;
  limits: { maxFiles: number; fileLimit: string; totalLimit: string };
}

const fieldId = (field: string) => fieldIds("contact", field).input;
const problemId = (field: string) => fieldIds("contact", field).problem;

export function ContactFormPage(props: ContactFormProps): VNode {
  const { context, values, problems, fileProblems, formProblem, notice, limits } = props;
  const { t } = context;
  const listed = (Object.entries(problems) as [ContactField, string][]).filter(([, text]) => text);
  const hasProblems = listed.length > 0 || fileProblems.length > 0 || formProblem !== undefined;
  return (
    <Layout context={context} title={t("contact-form.title")}>
      <article class="contact-form">
        <h1>{t("contact-form.title")}</h1>
        <p>{t("contact-form.intro")}</p>
        {hasProblems && (
          <div role="alert" id="contact-problems">
            {formProblem ? <p>{formProblem}</p> : <p>{t("contact-form.errors")}</p>}
            {(listed.length > 0 || fileProblems.length > 0) && (
              <ul>
                {listed.map(([field, text]) => (
                  <li key={field}>
                    <a href={`#${fieldId(field)}`}>{text}</a>
                  </li>
                ))}
                {fileProblems.map((text) => (
                  <li key={text}>
                    <a href={`#${fieldId("attachments")}`}>{text}</a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <form method="post" action="/contact" enctype="multipart/form-data">
          {/* The token leads the form: a multipart body is checked before a file byte is read. */}
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="rendered" value={props.rendered} />
          <TextField
            idPrefix="contact"
            name="name"
            label={t("contact-form.name")}
            type="text"
            autocomplete="name"
            required
            maxLength={200}
            value={values.name ?? ""}
            problem={problems.name}
          />
          <TextField
            idPrefix="contact"
            name="email"
            label={t("contact-form.email")}
            type="email"
            autocomplete="email"
            required
            maxLength={254}
            value={values.email ?? ""}
            problem={problems.email}
          />
          <TextField
            idPrefix="contact"
            name="phone"
            label={t("contact-form.phone")}
            type="tel"
            autocomplete="tel"
            required={false}
            maxLength={40}
            value={values.phone ?? ""}
            problem={problems.phone}
            hint={t("contact-form.phone.hint")}
          />
          <TextField
            idPrefix="contact"
            name="subject"
            label={t("contact-form.subject")}
            type="text"
            autocomplete="off"
            required
            maxLength={200}
            value={values.subject ?? ""}
            problem={problems.subject}
          />
          <label for={fieldId("message")}>
            {t("contact-form.message")}
            <textarea
              id={fieldId("message")}
              name="message"
              rows={8}
              required
              maxLength={10_000}
              aria-invalid={problems.message ? "true" : undefined}
              aria-describedby={problems.message ? problemId("message") : undefined}
            >
              {values.message ?? ""}
            </textarea>
            <FieldProblemText id={problemId("message")} problem={problems.message} />
          </label>
          <Honeypot id="contact-website" label={t("contact-form.honeypot")} />
          <label for={fieldId("attachments")}>
            {t("contact-form.attachments")}
            <input
              id={fieldId("attachments")}
              name="attachments"
              type="file"
              multiple
              aria-invalid={fileProblems.length > 0 ? "true" : undefined}
              aria-describedby={describedBy(
                fileProblems.length > 0 && problemId("attachments"),
                "contact-attachments-hint",
              )}
            />
            <FieldProblemText
              id={problemId("attachments")}
              problem={fileProblems.length > 0 ? fileProblems.join(" ") : undefined}
            />
            <small id="contact-attachments-hint">
              {t("contact-form.attachments.hint", {
                max: limits.maxFiles,
                fileLimit: limits.fileLimit,
                totalLimit: limits.totalLimit,
              })}
              {hasProblems && ` ${t("contact-form.attachments.again")}`}
            </small>
          </label>
          {notice && (
            <p id="contact-notice">
              <small>
                {t("contact-form.notice", { data: notice.data, retention: notice.retention })}{" "}
                <a href="/privacy">{t("contact-form.notice.privacy")}</a>
              </small>
            </p>
          )}
          <button type="submit" aria-describedby={notice ? "contact-notice" : undefined}>
            {t("contact-form.submit")}
          </button>
        </form>
      </article>
    </Layout>
  );
}

/** The page after a message is received; the security page's misuse report words it its own way. */
export function ContactSentPage(props: {
  context: PageContext;
  reference: string | undefined;
  title?: string | undefined;
  next?: string | undefined;
  /** What the scanner removed or held, in the visitor's words. */
  screeningNotices: readonly string[];
}) {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={props.title ?? t("contact-form.sent.title")}>
      <article>
        <h1>{props.title ?? t("contact-form.sent.title")}</h1>
        {props.reference && (
          <p>
            <strong>{t("contact-form.sent.reference", { reference: props.reference })}</strong>
          </p>
        )}
        <p>{props.next ?? t("contact-form.sent.mail")}</p>
        {props.screeningNotices.length > 0 && (
          <section class="notice" aria-label={t("contact-form.sent.screening")}>
            {props.screeningNotices.map((notice) => (
              <p key={notice}>{notice}</p>
            ))}
          </section>
        )}
        <p>
          <a href="/">{t("contact-form.sent.home")}</a>
        </p>
      </article>
    </Layout>
  );
}
