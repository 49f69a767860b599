import type { VNode } from "preact";
import {
  type Art30Entry,
  type Art30Record,
  art30Labels,
  art30ProcessorText,
} from "../../policy/index.ts";
import { AdminLayout, type BackOfficeContext } from "../staff/index.ts";

function EntryList({ entry, record }: { entry: Art30Entry; record: Art30Record }): VNode {
  const labels = art30Labels[record.locale].columns;
  const rows: [string, string][] = [
    [labels.description, entry.purpose.description],
    [labels.legalBasis, `${entry.legalBasis.label} (${entry.legalBasis.article})`],
    [labels.legalReference, entry.legalBasis.legalReference ?? "—"],
    [labels.dataSubjects, entry.dataSubjects.join("; ")],
    [labels.dataCategories, entry.dataCategories.map((category) => category.label).join("; ")],
    [
      labels.recipients,
      [...entry.recipients.categories, ...entry.recipients.processors.map(art30ProcessorText)].join(
        "; ",
      ) || "—",
    ],
    [
      labels.transfersOutsideEea,
      entry.transfersOutsideEea.transfers
        ? [
            art30Labels[record.locale].yes,
            ...(entry.transfersOutsideEea.safeguards ? [entry.transfersOutsideEea.safeguards] : []),
            ...entry.transfersOutsideEea.processorSafeguards,
          ].join("; ")
        : art30Labels[record.locale].no,
    ],
    [labels.retention, `${entry.retention.text} (${entry.retention.rule})`],
  ];
  return (
    <section aria-labelledby={`record-${entry.purposeId}`} class="record-entry">
      <h2 id={`record-${entry.purposeId}`}>{entry.purpose.name}</h2>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function RecordPage({
  context,
  record,
}: {
  context: BackOfficeContext;
  record: Art30Record;
}) {
  const { t } = context;
  const labels = art30Labels[record.locale];
  const first = record.entries[0];
  return (
    <AdminLayout context={context} title={labels.title}>
      <p>
        {t("admin.record.version", {
          version: record.generatedFrom.policyVersion,
          date: record.generatedFrom.effectiveDate,
        })}
      </p>
      <p class="no-print">
        <a href="/admin/record.csv" download>
          {t("admin.record.csv")}
        </a>{" "}
        ·{" "}
        <a href="/admin/record.json" download>
          {t("admin.record.json")}
        </a>{" "}
        · {t("admin.record.print")}
      </p>
      {first && (
        <p>
          <strong>{labels.columns.controller}:</strong> {first.controller.name}{" "}
          {first.controller.legalForm}, {first.controller.address},{" "}
          {first.controller.enterpriseNumber}, {first.controller.privacyEmail}
        </p>
      )}
      {record.entries.map((entry) => (
        <EntryList key={entry.purposeId} entry={entry} record={record} />
      ))}
      {first && (
        <section aria-labelledby="record-security">
          <h2 id="record-security">{labels.columns.securityMeasures}</h2>
          <ul>
            {first.securityMeasures.map((measure) => (
              <li key={measure}>{measure}</li>
            ))}
          </ul>
        </section>
      )}
    </AdminLayout>
  );
}
