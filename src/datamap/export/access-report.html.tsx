import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { translator } from "../../core/i18n/index.ts";
import type { AccessReport, ReportRecord, ReportRecordType } from "./access-report.ts";

/**
 * The report leaves our site and is opened from a disk, so it carries its own style and loads
 * nothing: no stylesheet, script, font or image.
 */
const style = `
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ccc; }
th { width: 30%; font-weight: 600; }
dl { display: grid; grid-template-columns: minmax(10rem, 30%) 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.record { border: 1px solid #ccc; border-radius: 4px; padding: 0 1rem 0.5rem; margin: 1rem 0; break-inside: avoid; }
.erased, .empty { font-style: italic; color: #555; }
.file { font-family: ui-monospace, monospace; }
.muted { color: #555; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

/** The report as one HTML file in the person's language; preact escapes every value. */
export function renderReportHtml(report: AccessReport): string {
  return `<!doctype html>${renderToString(<ReportDocument report={report} />)}`;
}

function ReportDocument({ report }: { report: AccessReport }): VNode {
  const t = translator(report.locale);
  return (
    <html lang={report.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{report.title}</title>
        {/* A constant of this file, not data: the one place raw text is needed, since CSS is not HTML. */}
        <style dangerouslySetInnerHTML={{ __html: style }} />
      </head>
      <body>
        <header>
          <h1>{report.title}</h1>
          <p>{report.intro}</p>
          <p class="muted">{report.made}</p>
        </header>
        <main>
          <section aria-labelledby="controller">
            <h2 id="controller">{t("export.report.controller")}</h2>
            {report.controller.map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p>{report.contact}</p>
          </section>
          <Summary report={report} />
          {report.recordTypes.map((type) => (
            <RecordTypeSection key={type.id} type={type} report={report} />
          ))}
          <section aria-labelledby="disclosures">
            <h2 id="disclosures">{t("export.report.disclosures")}</h2>
            {report.disclosures.length === 0 ? (
              <p>{t("export.report.disclosures.none")}</p>
            ) : (
              <ul>
                {report.disclosures.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="rights">
            <h2 id="rights">{t("export.report.rights")}</h2>
            <p>{report.rights.text}</p>
            <p>{report.rights.ask}</p>
          </section>
          <section aria-labelledby="complaint">
            <h2 id="complaint">{t("export.report.complaint")}</h2>
            <p>{report.complaint.text}</p>
            <address>
              {report.complaint.authority.map((line, index) => (
                <span key={line}>
                  {index > 0 && <br />}
                  {line}
                </span>
              ))}
            </address>
          </section>
        </main>
      </body>
    </html>
  );
}

function Summary({ report }: { report: AccessReport }): VNode {
  const t = translator(report.locale);
  return (
    <section aria-labelledby="summary">
      <h2 id="summary">{t("export.report.summary")}</h2>
      {report.recordTypes.length === 0 ? (
        <p>{t("export.report.nothing")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("export.report.col.type")}</th>
              <th scope="col">{t("export.report.col.count")}</th>
              <th scope="col">{t("export.report.col.purpose")}</th>
            </tr>
          </thead>
          <tbody>
            {report.recordTypes.map((type) => (
              <tr key={type.id}>
                <td>
                  <a href={`#type-${type.id}`}>{type.label}</a>
                </td>
                <td>{type.records.length}</td>
                <td>{type.purposeName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RecordTypeSection(props: { type: ReportRecordType; report: AccessReport }): VNode {
  const { type, report } = props;
  const t = translator(report.locale);
  return (
    <section id={`type-${type.id}`} aria-labelledby={`heading-${type.id}`}>
      <h2 id={`heading-${type.id}`}>
        {type.label} <span class="muted">({type.records.length})</span>
      </h2>
      <dl>
        <dt>{t("export.report.purpose")}</dt>
        <dd>
          <strong>{type.purposeName}</strong>
          {type.purposeDescription && <p>{type.purposeDescription}</p>}
        </dd>
        <dt>{t("export.report.legal_basis")}</dt>
        <dd>{type.legalBasis}</dd>
        {type.legalReference && (
          <>
            <dt>{t("export.report.legal_reference")}</dt>
            <dd>{type.legalReference}</dd>
          </>
        )}
        <dt>{t("export.report.source")}</dt>
        <dd>{type.source}</dd>
        <dt>{t("export.report.recipients")}</dt>
        <dd>
          <Lines lines={type.recipients} none={t("export.report.recipients.none")} />
        </dd>
        <dt>{t("export.report.processors")}</dt>
        <dd>
          <Lines lines={type.processors} none={t("export.report.processors.none")} />
        </dd>
        <dt>{t("export.report.transfers")}</dt>
        <dd>{type.transfers}</dd>
        <dt>{t("export.report.retention_rule")}</dt>
        <dd>{type.retentionRule}</dd>
      </dl>
      {type.records.map((record, index) => (
        <RecordBlock
          key={record.id}
          record={record}
          heading={t("export.report.record", { n: index + 1, total: type.records.length })}
          report={report}
        />
      ))}
    </section>
  );
}

function RecordBlock(props: {
  record: ReportRecord;
  heading: string;
  report: AccessReport;
}): VNode {
  const { record, heading, report } = props;
  const t = translator(report.locale);
  const { retention } = record;
  return (
    <article class="record">
      <h3>{heading}</h3>
      <table>
        <tbody>
          {record.fields.map((field) => (
            <tr key={field.label}>
              <th scope="row">{field.label}</th>
              <td class={field.state === "value" ? undefined : field.state}>{field.value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("export.report.record.retention")}</th>
            <td>{retention.summary}</td>
          </tr>
          {retention.changes.length > 0 && (
            <tr>
              <th scope="row">{t("export.report.record.changes")}</th>
              <td>
                <Lines lines={retention.changes} none="" />
              </td>
            </tr>
          )}
          {retention.holds.length > 0 && (
            <tr>
              <th scope="row">{t("export.report.record.holds")}</th>
              <td>
                <Lines lines={retention.holds} none="" />
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </article>
  );
}

function Lines({ lines, none }: { lines: readonly string[]; none: string }): VNode {
  if (lines.length === 0) return <>{none}</>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
