import type { VNode } from "preact";
import type { Locale } from "../../core/i18n/index.ts";
import { locales } from "../../core/i18n/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { NoticeRecipient, NoticeTexts } from "./breach-notice.ts";
import type { Breach } from "./breaches.service.ts";

/** Who gets the notice, in which language, and who cannot be reached by mail. */
function RecipientSummary(props: {
  context: BackOfficeContext;
  recipients: readonly NoticeRecipient[];
}): VNode {
  const { t } = props.context;
  const waiting = props.recipients.filter((person) => person.email && !person.queuedAt);
  const sent = props.recipients.filter((person) => person.queuedAt);
  const unreachable = props.recipients.filter((person) => !person.email);
  return (
    <section aria-labelledby="notice-recipients">
      <h2 id="notice-recipients">{t("breaches.notice.recipients")}</h2>
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            {t("breaches.notice.waiting", {
              count: waiting.filter((person) => person.locale === locale).length,
              language: t(`breaches.language.${locale}`),
            })}
          </li>
        ))}
        <li>{t("breaches.notice.sent", { count: sent.length })}</li>
      </ul>
      {unreachable.length > 0 && (
        <>
          <h3>{t("breaches.notice.unreachable")}</h3>
          <ul>
            {unreachable.map((person) => (
              <li key={person.subjectId} data-unreachable={person.subjectId}>
                <a href={`/admin/subjects/${person.subjectId}`}>
                  <code>{person.subjectId}</code>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The Art. 34 notice per language, editable, and the button that queues it. */
export function BreachNoticePage(props: {
  context: BackOfficeContext;
  breach: Breach;
  texts: NoticeTexts;
  recipients: readonly NoticeRecipient[];
  problems: Partial<Record<Locale, string>>;
}): VNode {
  const { context, breach, texts, problems } = props;
  const { t } = context;
  const waiting = props.recipients.filter((person) => person.email && !person.queuedAt).length;
  return (
    <AdminLayout
      context={context}
      title={t("breaches.notice.title", { reference: breach.reference })}
    >
      <p>
        <a href={`/admin/breaches/${breach.id}`}>{t("breaches.notice.back")}</a>
      </p>
      <p>{t("breaches.notice.intro")}</p>
      <RecipientSummary context={context} recipients={props.recipients} />
      <form method="post" action={`/admin/breaches/${breach.id}/notice`}>
        <CsrfField token={context.csrf} />
        {locales.map((locale) => (
          <fieldset key={locale} lang={locale}>
            <legend>{t(`breaches.language.${locale}`)}</legend>
            {problems[locale] && (
              <p role="alert" class="form-error" id={`notice-${locale}-error`}>
                {problems[locale]}
              </p>
            )}
            <label for={`notice-${locale}-subject`}>
              {t("breaches.notice.label.subject")}
              <input
                id={`notice-${locale}-subject`}
                name={`subject_${locale}`}
                type="text"
                required
                maxLength={200}
                value={texts[locale].subject}
                aria-invalid={problems[locale] ? "true" : undefined}
              />
            </label>
            <label for={`notice-${locale}-text`}>
              {t("breaches.notice.label.text")}
              <textarea
                id={`notice-${locale}-text`}
                name={`text_${locale}`}
                rows={14}
                required
                maxLength={20_000}
                aria-invalid={problems[locale] ? "true" : undefined}
                aria-describedby={problems[locale] ? `notice-${locale}-error` : undefined}
              >
                {texts[locale].text}
              </textarea>
            </label>
          </fieldset>
        ))}
        <button type="submit" disabled={waiting === 0}>
          {t("breaches.notice.queue", { count: waiting })}
        </button>
      </form>
    </AdminLayout>
  );
}
