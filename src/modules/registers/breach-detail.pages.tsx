import type { VNode } from "preact";
import { type Fact, FactList, ScrollableTable } from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { BreachClockMark, formatBreachTime } from "./breach-clock-mark.tsx";
import { BreachForm, type BreachFormProps } from "./breach-form.pages.tsx";
import type { AffectedPerson } from "./breach-subjects.ts";
import type { Breach, StatusChange } from "./breaches.service.ts";

export interface LinkFormState {
  identifiers: string;
  error?: string | undefined;
}

export interface BreachDetailProps extends Omit<BreachFormProps, "action" | "submitLabel"> {
  breach: Breach;
  now: Date;
  people: readonly AffectedPerson[];
  link: LinkFormState;
  notice?: string | undefined;
  error?: string | undefined;
}

function StatusButton(props: { context: BackOfficeContext; breach: Breach; change: StatusChange }) {
  const { t, csrf } = props.context;
  return (
    <form
      method="post"
      action={`/admin/breaches/${props.breach.id}/${props.change}`}
      class="inline-form"
    >
      <CsrfField token={csrf} />
      <button type="submit" class={props.change === "dismiss" ? "secondary" : undefined}>
        {t(`breaches.action.${props.change}`)}
      </button>
    </form>
  );
}

/** A misuse report: where the reporter's words are, and the two ways out of triage. */
function TriageSection(props: { context: BackOfficeContext; breach: Breach }): VNode {
  const { context, breach } = props;
  const { t } = context;
  return (
    <section aria-labelledby="breach-triage" class="notice">
      <h2 id="breach-triage">{t("breaches.triage.title")}</h2>
      <p>{t("breaches.triage.intro")}</p>
      {breach.contactRequestId && (
        <p>
          <a href={`/admin/contact/${breach.contactRequestId}`}>{t("breaches.triage.request")}</a>
        </p>
      )}
      <StatusButton context={context} breach={breach} change="treat" />
      <StatusButton context={context} breach={breach} change="dismiss" />
    </section>
  );
}

function AffectedPeopleSection(props: {
  context: BackOfficeContext;
  breach: Breach;
  people: readonly AffectedPerson[];
  link: LinkFormState;
}): VNode {
  const { context, breach, people, link } = props;
  const { t, locale } = context;
  return (
    <section aria-labelledby="breach-people">
      <h2 id="breach-people">{t("breaches.people.title")}</h2>
      {people.length === 0 ? (
        <p>{t("breaches.people.none")}</p>
      ) : (
        <ScrollableTable label={t("breaches.people.title")}>
          <table>
            <caption class="visually-hidden">{t("breaches.people.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("breaches.people.col.subject")}</th>
                <th scope="col">{t("breaches.people.col.notice")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("breaches.people.col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.subjectId}>
                  <th scope="row">
                    <a href={`/admin/subjects/${person.subjectId}`}>
                      <code>{person.subjectId}</code>
                    </a>
                  </th>
                  <td>
                    {person.noticeQueuedAt
                      ? t("breaches.people.queued", {
                          at: formatBreachTime(person.noticeQueuedAt, locale),
                        })
                      : t("breaches.people.not_queued")}
                  </td>
                  <td>
                    <form
                      method="post"
                      action={`/admin/breaches/${breach.id}/people/${person.subjectId}/unlink`}
                      class="inline-form"
                    >
                      <CsrfField token={context.csrf} />
                      <button type="submit" class="secondary outline">
                        {t("breaches.people.unlink")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      {people.length > 0 && (
        <p>
          <a href={`/admin/breaches/${breach.id}/notice`}>{t("breaches.notice.open")}</a>
        </p>
      )}
      <form method="post" action={`/admin/breaches/${breach.id}/people`} class="narrow-form">
        <CsrfField token={context.csrf} />
        <h3>{t("breaches.people.add")}</h3>
        {link.error && (
          <p role="alert" class="form-error" id="breach-link-error">
            {link.error}
          </p>
        )}
        <label for="breach-link-identifiers">
          {t("breaches.people.identifiers")}
          <textarea
            id="breach-link-identifiers"
            name="identifiers"
            rows={4}
            required
            maxLength={50_000}
            autocomplete="off"
            spellcheck={false}
            aria-invalid={link.error ? "true" : undefined}
            aria-describedby={link.error ? "breach-link-error" : "breach-link-hint"}
          >
            {link.identifiers}
          </textarea>
          <small id="breach-link-hint">{t("breaches.people.identifiers.hint")}</small>
        </label>
        <button type="submit">{t("breaches.people.link")}</button>
      </form>
    </section>
  );
}

/** One breach: its clock, triage or status actions, every fact to edit, and the people. */
export function BreachDetailPage(props: BreachDetailProps): VNode {
  const { context, breach, now } = props;
  const { t, locale } = context;
  const facts: Fact[] = [
    [t("breaches.col.reference"), <code>{breach.reference}</code>],
    [t("breaches.col.status"), t(`breaches.status.${breach.status}`)],
    [t("breaches.fact.source"), t(`breaches.source.${breach.source}`)],
    [t("breaches.fact.created"), formatBreachTime(breach.createdAt, locale)],
    [t("breaches.col.clock"), <BreachClockMark t={t} locale={locale} breach={breach} now={now} />],
  ];
  return (
    <AdminLayout
      context={context}
      title={t("breaches.detail.title", { reference: breach.reference })}
      notice={props.notice}
    >
      <p>
        <a href="/admin/breaches">{t("breaches.back")}</a>
      </p>
      {props.error && (
        <p role="alert" class="form-error">
          {props.error}
        </p>
      )}
      <FactList id="breach-facts" title={t("breaches.facts")} rows={facts} />
      {breach.status === "triage" && <TriageSection context={context} breach={breach} />}
      {breach.status === "open" && (
        <StatusButton context={context} breach={breach} change="close" />
      )}
      {(breach.status === "closed" || breach.status === "dismissed") && (
        <StatusButton context={context} breach={breach} change="reopen" />
      )}
      <section aria-labelledby="breach-edit">
        <h2 id="breach-edit">{t("breaches.edit")}</h2>
        <BreachForm
          {...props}
          action={`/admin/breaches/${breach.id}`}
          submitLabel={t("breaches.save")}
        />
      </section>
      <AffectedPeopleSection
        context={context}
        breach={breach}
        people={props.people}
        link={props.link}
      />
    </AdminLayout>
  );
}
