import type { VNode } from "preact";
import { FactList } from "../../core/http/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { AdminLayout, type BackOfficeContext } from "../staff/index.ts";
import { RetentionWhy } from "./retention-why.tsx";
import type { RecordLine, SubjectOverview, TypeLines } from "./subject-overview.ts";

export interface SubjectSearch {
  email: string;
  phone: string;
  vat: string;
}

export function SubjectSearchPage(props: {
  context: BackOfficeContext;
  search: SubjectSearch;
  notFound: boolean;
}): VNode {
  const { context, search, notFound } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("records.subjects.title")}>
      <p>{t("records.subjects.intro")}</p>
      {notFound && (
        <p role="status" class="notice">
          {t("records.subjects.not_found")}
        </p>
      )}
      <form method="get" action="/admin/subjects" class="narrow-form">
        <label>
          {t("records.subjects.field.email")}
          <input type="email" name="email" value={search.email} autocomplete="off" />
        </label>
        <label>
          {t("records.subjects.field.phone")}
          <input type="tel" name="phone" value={search.phone} autocomplete="off" />
        </label>
        <label>
          {t("records.subjects.field.vat")}
          <input type="text" name="vat" value={search.vat} autocomplete="off" />
        </label>
        <button type="submit">{t("records.subjects.search")}</button>
      </form>
    </AdminLayout>
  );
}

function Summary(props: { context: BackOfficeContext; overview: SubjectOverview }): VNode {
  const { context, overview } = props;
  const { t } = context;
  const count = overview.types.reduce((sum, type) => sum + type.records.length, 0);
  const rows: [string, string][] = [
    [t("records.subject.summary.count"), String(count)],
    [
      t("records.subject.summary.records"),
      overview.types.length > 0
        ? overview.types.map((type) => `${type.label}: ${type.records.length}`).join("; ")
        : t("records.subject.summary.none"),
    ],
    [t("records.subject.summary.first"), overview.earliest ? isoDay(overview.earliest) : "—"],
    [t("records.subject.summary.last"), overview.latest ? isoDay(overview.latest) : "—"],
  ];
  if (overview.withoutDate > 0) {
    rows.push([
      t("records.subject.summary.without_date"),
      t("records.subject.summary.without_date_count", { count: overview.withoutDate }),
    ]);
  }
  rows.push([
    t("records.subject.summary.holds"),
    overview.holds.length > 0
      ? overview.holds
          .map((hold) =>
            hold.endsAt
              ? t("records.subject.hold_until", { reason: hold.reason, date: isoDay(hold.endsAt) })
              : hold.reason,
          )
          .join("; ")
      : t("records.subject.summary.no_holds"),
  ]);
  return <FactList id="subject-summary" title={t("records.subject.summary")} rows={rows} />;
}

function Why({ context, record }: { context: BackOfficeContext; record: RecordLine }): VNode {
  const { t } = context;
  const { explanation } = record;
  return (
    <div class="retention-why">
      <h4>{t("records.subject.why")}</h4>
      <RetentionWhy explanation={explanation} changesLead={t("records.subject.changes")}>
        <p>
          {explanation.goesOn
            ? t(
                explanation.holds.length > 0
                  ? "records.subject.goes_on_held"
                  : "records.subject.goes_on",
                {
                  date: isoDay(explanation.goesOn),
                },
              )
            : t("records.subject.no_date")}
        </p>
      </RetentionWhy>
    </div>
  );
}

function TypeSection(props: { context: BackOfficeContext; type: TypeLines }): VNode {
  const { context, type } = props;
  const { t } = context;
  const headingId = `records-${type.recordType.replaceAll(".", "-")}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {type.label} ({type.records.length})
      </h2>
      {type.records.map((record, index) => (
        <article key={record.id} class="record-entry">
          <h3>{t("records.subject.record", { n: index + 1, id: record.id.slice(0, 8) })}</h3>
          <dl>
            {record.fields.map((field) => (
              <div key={field.label}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
          <Why context={context} record={record} />
        </article>
      ))}
    </section>
  );
}

export function SubjectPage(props: {
  context: BackOfficeContext;
  overview: SubjectOverview;
  /** Links to this person's audit trail for staff who may read the log. */
  auditHref?: string | undefined;
  /** Starts the disclosure log's form with this person, for staff who keep that register. */
  disclosureHref?: string | undefined;
}): VNode {
  const { context, overview, auditHref, disclosureHref } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("records.subject.title")}>
      <p>
        {t("records.subject.id")} <code>{overview.subjectId}</code>
        {auditHref && (
          <>
            {" · "}
            <a href={auditHref}>{t("records.subject.audit")}</a>
          </>
        )}
        {disclosureHref && (
          <>
            {" · "}
            <a href={disclosureHref}>{t("disclosures.from_subject")}</a>
          </>
        )}
      </p>
      <p>{t("records.subject.read_logged")}</p>
      <Summary context={context} overview={overview} />
      {overview.types.map((type) => (
        <TypeSection key={type.recordType} context={context} type={type} />
      ))}
      {overview.emptyTypes.length > 0 && (
        <p>
          <small>
            {t("records.subject.nothing_in", { types: overview.emptyTypes.join(", ") })}
          </small>
        </p>
      )}
      <p>
        <a href="/admin/subjects">{t("records.subject.search_again")}</a>
      </p>
    </AdminLayout>
  );
}
