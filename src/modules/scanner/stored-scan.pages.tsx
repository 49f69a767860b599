import type { VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import type { Translate } from "../../core/i18n/index.ts";
import { type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { dateTimeText, ErrorText, kindsText, percentText } from "./quarantine-admin.parts.tsx";
import type { StoredScan } from "./stored-scan.ts";
import { type ReportHit, recordPage, type StoredScanReport } from "./stored-scan-report.ts";

export interface ScanSectionProps {
  context: BackOfficeContext;
  scan: StoredScan | undefined;
  report: StoredScanReport | undefined;
  labelOf: (recordType: string) => string;
  fieldLabelOf: (recordType: string, column: string) => string;
  /** False once the officer turned the page's own refreshing off. */
  refresh: boolean;
  error?: string | undefined;
}

const isActive = (scan: StoredScan | undefined) =>
  scan?.status === "queued" || scan?.status === "running";

/** "Scan existing data": the button, the latest scan's progress, and its report once done. */
export function ScanSection(props: ScanSectionProps): VNode {
  const { context, scan } = props;
  const { t } = context;
  return (
    <section id="scan" aria-labelledby="scan-title">
      <h2 id="scan-title">{t("scanner-admin.scan.title")}</h2>
      <p>{t("scanner-admin.scan.intro")}</p>
      <ErrorText message={props.error} />
      {scan && <ScanStatus {...props} scan={scan} />}
      {!isActive(scan) && (
        <form method="post" action="/admin/quarantine/scan" class="inline-form">
          <CsrfField token={context.csrf} />
          <button type="submit">
            {scan ? t("scanner-admin.scan.again") : t("scanner-admin.scan.start")}
          </button>
        </form>
      )}
      {scan?.status === "done" && props.report && <ScanReport {...props} report={props.report} />}
    </section>
  );
}

function ScanStatus(props: ScanSectionProps & { scan: StoredScan }): VNode {
  const { context, scan } = props;
  const { t, locale } = context;
  const fraction =
    scan.total > 0 ? Math.min(scan.scanned / scan.total, 1) : scan.status === "done" ? 1 : 0;
  const count = t("scanner-admin.scan.count", {
    scanned: scan.scanned,
    total: scan.total,
    percent: percentText(locale, fraction),
  });
  return (
    <>
      <p>
        {t("scanner-admin.scan.status", {
          status: t(`scanner-admin.scan.status.${scan.status}`),
          date: dateTimeText(locale, scan.requestedAt),
        })}
      </p>
      {scan.status === "failed" && (
        <p role="alert" class="form-error">
          {t("scanner-admin.scan.failed", { error: scan.error ?? "?" })}
        </p>
      )}
      {(scan.status === "running" || scan.status === "done") && (
        <p>
          <label for="scan-progress">{t("scanner-admin.scan.progress")}</label>
          <progress id="scan-progress" value={scan.scanned} max={Math.max(scan.total, 1)}>
            {count}
          </progress>
          <span>{count}</span>
        </p>
      )}
      {isActive(scan) && <Refreshing t={t} refresh={props.refresh} />}
    </>
  );
}

/**
 * Without JavaScript a page can only follow progress by reloading itself. That is the officer's
 * choice (WCAG 2.2.1: no timed refresh the user did not ask for), made with one link and undone
 * with another. The meta element sits in the body because the layout has no slot in the head;
 * browsers act on it there too. The target has no `#scan`: chromium treats a refresh to an address
 * that differs only by its fragment as a jump within the page, and never reloads.
 */
function Refreshing(props: { t: Translate; refresh: boolean }): VNode {
  const { t } = props;
  return props.refresh ? (
    <p>
      <meta http-equiv="refresh" content="3; url=/admin/quarantine?refresh=on" />
      {t("scanner-admin.scan.refreshing")}{" "}
      <a href="/admin/quarantine#scan">{t("scanner-admin.scan.refresh_off")}</a>
    </p>
  ) : (
    <p>
      <a href="/admin/quarantine#scan">{t("scanner-admin.scan.refresh_now")}</a>{" "}
      <a href="/admin/quarantine?refresh=on#scan">{t("scanner-admin.scan.refresh_on")}</a>
    </p>
  );
}

function ScanReport(props: ScanSectionProps & { report: StoredScanReport }): VNode {
  const { context, report, labelOf } = props;
  const { t } = context;
  if (report.hits.length === 0) return <p role="status">{t("scanner-admin.scan.none")}</p>;
  return (
    <>
      <ScrollableTable label={t("scanner-admin.scan.counts")}>
        <table>
          <caption>{t("scanner-admin.scan.counts")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scanner-admin.col.record")}</th>
              <th scope="col">{t("scanner-admin.col.kinds")}</th>
              <th scope="col">{t("scanner-admin.scan.col.records")}</th>
            </tr>
          </thead>
          <tbody>
            {report.counts.map((count) => (
              <tr key={`${count.recordType}-${count.kind}`}>
                <td>{labelOf(count.recordType)}</td>
                <td>{t(`scanner.type.${count.kind}`)}</td>
                <td>{count.records}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {report.truncated && (
        <p role="alert" class="form-error">
          {t("scanner-admin.scan.truncated", { count: report.hits.length })}
        </p>
      )}
      <HitTable {...props} />
    </>
  );
}

function HitTable(props: ScanSectionProps & { report: StoredScanReport }): VNode {
  const { context, report, labelOf, fieldLabelOf } = props;
  const { t } = context;
  return (
    <ScrollableTable label={t("scanner-admin.scan.hits")}>
      <table>
        <caption>{t("scanner-admin.scan.hits")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("scanner-admin.col.record")}</th>
            <th scope="col">{t("scanner-admin.detail.record_id")}</th>
            <th scope="col">{t("scanner-admin.scan.col.field")}</th>
            <th scope="col">{t("scanner-admin.col.kinds")}</th>
            <th scope="col">{t("scanner-admin.scan.col.action")}</th>
            <th scope="col">{t("scanner-admin.scan.col.next")}</th>
          </tr>
        </thead>
        <tbody>
          {report.hits.map((hit) => (
            <tr key={`${hit.recordId}-${hit.column}`} data-record={hit.recordId}>
              <td>{labelOf(hit.recordType)}</td>
              <td>
                <RecordLink hit={hit} />
              </td>
              <td>{fieldLabelOf(hit.recordType, hit.column)}</td>
              <td>{kindsText(t, hit.types)}</td>
              <td>
                {hit.actions
                  .map(({ kind, action }) =>
                    hit.actions.length > 1
                      ? t("scanner-admin.action.of", {
                          kind: t(`scanner.type.${kind}`),
                          action: t(`scanner-admin.action.${action}`),
                        })
                      : t(`scanner-admin.action.${action}`),
                  )
                  .join("; ")}
              </td>
              <td>
                <NextStep context={context} hit={hit} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** A held record is hidden from its own page, so its link goes to the quarantine instead. */
function RecordLink({ hit }: { hit: ReportHit }): VNode {
  const code = <code>{hit.recordId}</code>;
  const href =
    hit.quarantine?.status === "held"
      ? `/admin/quarantine/${hit.quarantine.id}`
      : recordPage(hit.recordType, hit.recordId);
  return href ? <a href={href}>{code}</a> : code;
}

function NextStep(props: { context: BackOfficeContext; hit: ReportHit }): VNode {
  const { context, hit } = props;
  const { t } = context;
  if (!hit.holdable) return <>{t("scanner-admin.scan.listed")}</>;
  if (hit.quarantine?.status === "held") return <>{t("scanner-admin.scan.held")}</>;
  return (
    <>
      {hit.quarantine?.status === "released" && (
        <>
          {t("scanner-admin.scan.released_before")}
          <br />
        </>
      )}
      <form method="post" action="/admin/quarantine/scan/hold" class="inline-form">
        <CsrfField token={context.csrf} />
        <input type="hidden" name="recordType" value={hit.recordType} />
        <input type="hidden" name="recordId" value={hit.recordId} />
        <button type="submit" class="secondary">
          {t("scanner-admin.scan.hold")}
          <span class="visually-hidden"> {hit.recordId}</span>
        </button>
      </form>
    </>
  );
}
