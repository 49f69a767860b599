import type { VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { ConsentChoiceView } from "./consent-proof.ts";

function When(props: { at: Date; context: BackOfficeContext; timeZone: string }): VNode {
  const text = new Intl.DateTimeFormat(`${props.context.locale}-BE`, {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: props.timeZone,
  }).format(props.at);
  return <time dateTime={props.at.toISOString()}>{text}</time>;
}

function ErrorText({ message }: { message: string | undefined }): VNode | null {
  return message ? (
    <p role="alert" class="form-error">
      {message}
    </p>
  ) : null;
}

/** "analytische cookies: geweigerd", one line per optional category. */
function Categories(props: { choice: ConsentChoiceView; context: BackOfficeContext }): VNode {
  const { t } = props.context;
  const optional = Object.entries(props.choice.choices).filter(([name]) => name !== "necessary");
  return (
    <>
      {optional.map(([name, allowed], index) => (
        <span key={name}>
          {index > 0 && <br />}
          {categoryLabel(props.context, name)}:{" "}
          {allowed ? t("consent.admin.allowed") : t("consent.admin.refused")}
        </span>
      ))}
    </>
  );
}

function categoryLabel(context: BackOfficeContext, category: string): string {
  // A category from an older policy keeps its code: the proof shows what was stored.
  return category === "necessary" || category === "analytics"
    ? context.t(`consent.category.${category}`)
    : category;
}

export function ConsentLookupPage(props: {
  context: BackOfficeContext;
  /** What was typed, shown back as typed. */
  query: string;
  /** The consent id looked up, once valid. */
  consentId: string | undefined;
  choices: readonly ConsentChoiceView[];
  timeZone: string;
  notice?: string | undefined;
  error?: string | undefined;
  linkError?: string | undefined;
  subjectInput?: string | undefined;
}): VNode {
  const { context, consentId, choices, timeZone } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("consent.admin.title")} notice={props.notice}>
      <p>{t("consent.admin.intro")}</p>
      <form method="get" action="/admin/consent" class="narrow-form">
        <ErrorText message={props.error} />
        <label>
          {t("consent.admin.id")}
          <input
            type="text"
            name="id"
            required
            maxLength={80}
            autocomplete="off"
            spellcheck={false}
            value={props.query}
            aria-invalid={props.error ? "true" : undefined}
          />
        </label>
        <button type="submit">{t("consent.admin.search")}</button>
      </form>
      {consentId && choices.length === 0 && <p role="status">{t("consent.admin.none")}</p>}
      {consentId && choices.length > 0 && (
        <>
          <ScrollableTable label={t("consent.admin.table")}>
            <table>
              <caption>
                {t("consent.admin.table")}: <code>{consentId}</code>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("consent.admin.col.decided")}</th>
                  <th scope="col">{t("consent.admin.col.action")}</th>
                  <th scope="col">{t("consent.admin.col.categories")}</th>
                  <th scope="col">{t("consent.admin.col.version")}</th>
                  <th scope="col">{t("consent.admin.col.page")}</th>
                  <th scope="col">{t("consent.admin.col.ip")}</th>
                  <th scope="col">{t("consent.admin.col.browser")}</th>
                  <th scope="col">{t("consent.admin.col.person")}</th>
                </tr>
              </thead>
              <tbody>
                {choices.map((choice) => (
                  <tr key={choice.id}>
                    <td>
                      <When at={choice.decidedAt} context={context} timeZone={timeZone} />
                    </td>
                    <td>{t(`consent.admin.action.${choice.action}`)}</td>
                    <td>
                      <Categories choice={choice} context={context} />
                    </td>
                    <td>
                      <code>{choice.inventoryVersion}</code> (
                      {choice.currentInventory
                        ? t("consent.admin.version.current")
                        : t("consent.admin.version.older")}
                      )
                    </td>
                    <td>{choice.page ?? "—"}</td>
                    <td>{choice.ipPrefix ?? "—"}</td>
                    <td>{choice.browserFamily ?? "—"}</td>
                    <td>
                      {choice.subjectId ? (
                        <a href={`/admin/subjects/${choice.subjectId}`}>
                          <code>{choice.subjectId}</code>
                        </a>
                      ) : (
                        t("consent.admin.not_linked")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
          <section aria-labelledby="consent-link">
            <h2 id="consent-link">{t("consent.admin.link.title")}</h2>
            <p>{t("consent.admin.link.intro")}</p>
            <form method="post" action="/admin/consent/link" class="narrow-form">
              <CsrfField token={context.csrf} />
              <input type="hidden" name="consentId" value={consentId} />
              <ErrorText message={props.linkError} />
              <label>
                {t("consent.admin.link.subject")}
                <input
                  type="text"
                  name="subjectId"
                  required
                  maxLength={80}
                  autocomplete="off"
                  spellcheck={false}
                  value={props.subjectInput ?? ""}
                  aria-invalid={props.linkError ? "true" : undefined}
                />
              </label>
              <button type="submit">{t("consent.admin.link.submit")}</button>
            </form>
          </section>
        </>
      )}
    </AdminLayout>
  );
}
