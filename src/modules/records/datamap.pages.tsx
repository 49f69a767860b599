import type { ComponentChildren, VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext } from "../staff/index.ts";
import type { RecordCounts } from "./count-records.ts";
import type { RecordTypeDescription } from "./describe-record-type.ts";

export interface DataMapEntry {
  id: string;
  description: RecordTypeDescription;
  counts: RecordCounts;
}

function Row({ term, children }: { term: string; children: ComponentChildren }): VNode {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function EntrySection(props: { context: BackOfficeContext; entry: DataMapEntry }): VNode {
  const { context, entry } = props;
  const { t } = context;
  const { description, counts } = entry;
  const headingId = `type-${entry.id.replaceAll(".", "-")}`;
  return (
    <section aria-labelledby={headingId} class="record-entry">
      <h2 id={headingId}>{description.label}</h2>
      <p>
        <code>{entry.id}</code>
      </p>
      <dl>
        <Row term={t("records.datamap.purpose")}>{description.purpose}</Row>
        <Row term={t("records.datamap.legal_basis")}>{description.legalBasis}</Row>
        <Row term={t("records.datamap.retention")}>
          {description.retentionText}
          <br />
          <small>{t("records.datamap.engine_rule", { rule: description.engineRule })}</small>
        </Row>
        <Row term={t("records.datamap.erasure")}>{description.erasure}</Row>
        <Row term={t("records.datamap.blockers")}>
          {description.blockers.length > 0
            ? description.blockers.join(" ")
            : t("records.datamap.no_blockers")}{" "}
          {t("records.datamap.holds_always")}
        </Row>
        <Row term={t("records.datamap.records")}>
          {counts.records}
          {counts.anonymised > 0 &&
            ` ${t("records.datamap.anonymised", { count: counts.anonymised })}`}
        </Row>
        <Row term={t("records.datamap.due_soon")}>
          {t("records.datamap.due_counts", { due: counts.dueSoon, held: counts.heldSoon })}
        </Row>
      </dl>
    </section>
  );
}

export function DataMapPage(props: {
  context: BackOfficeContext;
  entries: DataMapEntry[];
  horizon: string;
}): VNode {
  const { context, entries, horizon } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("records.datamap.title")}>
      <p>{t("records.datamap.intro")}</p>
      <p>{t("records.datamap.horizon", { date: horizon })}</p>
      <ScrollableTable label={t("records.datamap.summary")}>
        <table>
          <caption class="visually-hidden">{t("records.datamap.summary")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("records.col.record_type")}</th>
              <th scope="col">{t("records.datamap.records")}</th>
              <th scope="col">{t("records.col.due")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">
                  <a href={`#type-${entry.id.replaceAll(".", "-")}`}>{entry.description.label}</a>
                </th>
                <td>{entry.counts.records}</td>
                <td>
                  {entry.counts.dueSoon}
                  {entry.counts.heldSoon > 0 && (
                    <>
                      <br />
                      <small>
                        {t("records.datamap.held_count", { count: entry.counts.heldSoon })}
                      </small>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <p>
        <a href={`/admin/retention?until=${horizon}`}>
          {t("records.datamap.preview_link", { date: horizon })}
        </a>
      </p>
      {entries.map((entry) => (
        <EntrySection key={entry.id} context={context} entry={entry} />
      ))}
    </AdminLayout>
  );
}
