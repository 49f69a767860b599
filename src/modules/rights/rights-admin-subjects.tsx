import type { VNode } from "preact";
import { type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { RequestSubjects, SubjectHoldings } from "./request-subjects.ts";

function Holdings(props: { context: BackOfficeContext; holdings: SubjectHoldings }): VNode {
  const { context, holdings } = props;
  const { t } = context;
  return (
    <>
      <a href={`/admin/subjects/${holdings.subjectId}`}>
        {t("rights-admin.subjects.open", { subject: holdings.subjectId.slice(0, 8) })}
      </a>
      {holdings.counts.length === 0 ? (
        <p>{t("rights-admin.subjects.nothing")}</p>
      ) : (
        <ul>
          {holdings.counts.map((entry) => (
            <li key={entry.recordTypeId}>
              {t("rights-admin.subjects.count", {
                type: entry.label[context.locale],
                count: entry.count,
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function LinkForm(props: {
  context: BackOfficeContext;
  requestId: string;
  subjectId: string;
  action: "link" | "unlink";
}): VNode {
  const { context, requestId, subjectId, action } = props;
  return (
    <form method="post" action={`/admin/rights/${requestId}/subjects`} class="inline-form">
      <CsrfField token={context.csrf} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" class={action === "unlink" ? "secondary outline" : "secondary"}>
        {context.t(
          action === "link" ? "rights-admin.subjects.link" : "rights-admin.subjects.unlink",
        )}
      </button>
    </form>
  );
}

/**
 * Whose records the request is about: the subject of its e-mail address, the ones the officer
 * linked, and suggestions from the other identifiers, with the reason they stay suggestions.
 */
export function SubjectsSection(props: {
  context: BackOfficeContext;
  requestId: string;
  subjects: RequestSubjects;
  linkable: boolean;
}): VNode {
  const { context, requestId, subjects, linkable } = props;
  const { t } = context;
  return (
    <section aria-labelledby="rights-subjects">
      <h2 id="rights-subjects">{t("rights-admin.subjects.title")}</h2>
      <h3>{t("rights-admin.subjects.own")}</h3>
      {subjects.own ? (
        <Holdings context={context} holdings={subjects.own} />
      ) : (
        <p>{t("rights-admin.subjects.own_erased")}</p>
      )}
      {subjects.linked.length > 0 && (
        <>
          <h3>{t("rights-admin.subjects.linked")}</h3>
          <ul>
            {subjects.linked.map((holdings) => (
              <li key={holdings.subjectId}>
                <Holdings context={context} holdings={holdings} />
                {linkable && (
                  <LinkForm
                    context={context}
                    requestId={requestId}
                    subjectId={holdings.subjectId}
                    action="unlink"
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t("rights-admin.subjects.suggestions")}</h3>
      <p>{t("rights-admin.subjects.why_suggestions")}</p>
      {!linkable && <p>{t("rights-admin.subjects.link_after_verification")}</p>}
      {subjects.suggestions.length === 0 ? (
        <p>{t("rights-admin.subjects.no_suggestions")}</p>
      ) : (
        <ul>
          {subjects.suggestions.map((suggestion) => (
            <li key={suggestion.subjectId}>
              <p>
                {t("rights-admin.subjects.found_by", {
                  identifiers: suggestion.foundBy
                    .map((source) => t(`rights-admin.subjects.source.${source}`))
                    .join(", "),
                })}
              </p>
              <Holdings context={context} holdings={suggestion} />
              {linkable && (
                <LinkForm
                  context={context}
                  requestId={requestId}
                  subjectId={suggestion.subjectId}
                  action="link"
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
