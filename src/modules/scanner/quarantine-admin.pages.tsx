import type { VNode } from "preact";
import { FactList, ScrollableTable } from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { explainFinding } from "./explain.ts";
import type { Quarantine } from "./quarantine.ts";
import {
  DeletesOn,
  dateTimeText,
  ErrorText,
  kindsText,
  MarkedText,
  percentText,
  When,
} from "./quarantine-admin.parts.tsx";
import type { QuarantineView, ShownField } from "./quarantine-admin.service.ts";
import { ScanSection, type ScanSectionProps } from "./stored-scan.pages.tsx";
import { recordPage } from "./stored-scan-report.ts";

interface Naming {
  context: BackOfficeContext;
  labelOf: (recordType: string) => string;
  /** Who decided, in words: a staff member's e-mail address, or how the scanner did. */
  decidedBy: (quarantine: Quarantine) => string;
  now: Date;
}

/**
 * The privacy officer's quarantine: kinds and deadlines only, never the text, so the list reads
 * nothing that would have to be audited. The text is one click further, audited there.
 */
export function QuarantineListPage(
  props: Naming & {
    held: readonly Quarantine[];
    decided: readonly Quarantine[];
    notice?: string | undefined;
    scan: Omit<ScanSectionProps, "context" | "labelOf">;
  },
): VNode {
  const { context } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("scanner-admin.title")} notice={props.notice}>
      <p>{t("scanner-admin.intro")}</p>
      <section aria-labelledby="held-title">
        <h2 id="held-title">{t("scanner-admin.held.title")}</h2>
        {props.held.length === 0 ? (
          <p role="status">{t("scanner-admin.held.empty")}</p>
        ) : (
          <HeldTable {...props} />
        )}
      </section>
      <section aria-labelledby="decided-title">
        <h2 id="decided-title">{t("scanner-admin.decided.title")}</h2>
        {props.decided.length === 0 ? (
          <p>{t("scanner-admin.decided.empty")}</p>
        ) : (
          <DecidedTable {...props} />
        )}
      </section>
      <ScanSection {...props.scan} context={context} labelOf={props.labelOf} />
    </AdminLayout>
  );
}

function HeldTable(props: Naming & { held: readonly Quarantine[] }): VNode {
  const { context, labelOf, now } = props;
  const { t, locale } = context;
  return (
    <ScrollableTable label={t("scanner-admin.held.title")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("scanner-admin.col.record")}</th>
            <th scope="col">{t("scanner-admin.col.kinds")}</th>
            <th scope="col">{t("scanner-admin.col.held")}</th>
            <th scope="col">{t("scanner-admin.col.deletes")}</th>
          </tr>
        </thead>
        <tbody>
          {props.held.map((held) => (
            <tr key={held.id} data-quarantine={held.id}>
              <td>
                <a href={`/admin/quarantine/${held.id}`}>{labelOf(held.recordType)}</a>
              </td>
              <td>{kindsText(t, held.types)}</td>
              <td>
                <When at={held.heldAt} locale={locale} />
              </td>
              <td>
                <DeletesOn t={t} locale={locale} at={held.deleteAfter} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function DecidedTable(props: Naming & { decided: readonly Quarantine[] }): VNode {
  const { context, labelOf, decidedBy } = props;
  const { t, locale } = context;
  return (
    <ScrollableTable label={t("scanner-admin.decided.title")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("scanner-admin.col.record")}</th>
            <th scope="col">{t("scanner-admin.col.kinds")}</th>
            <th scope="col">{t("scanner-admin.col.decision")}</th>
            <th scope="col">{t("scanner-admin.col.by")}</th>
            <th scope="col">{t("scanner-admin.col.when")}</th>
          </tr>
        </thead>
        <tbody>
          {props.decided.map((decided) => (
            <tr key={decided.id} data-quarantine={decided.id}>
              <td>
                <a href={`/admin/quarantine/${decided.id}`}>{labelOf(decided.recordType)}</a>
              </td>
              <td>{kindsText(t, decided.types)}</td>
              <td>{t(`scanner-admin.status.${decided.status}`)}</td>
              <td>{decidedBy(decided)}</td>
              <td>{decided.decidedAt ? <When at={decided.decidedAt} locale={locale} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** One quarantine: what it is about, the record's fields with today's findings, the decision. */
export function QuarantineDetailPage(
  props: Naming & { view: QuarantineView; error?: string | undefined },
): VNode {
  const { context, view, labelOf } = props;
  const { t } = context;
  const { quarantine } = view;
  const record = labelOf(quarantine.recordType);
  return (
    <AdminLayout context={context} title={t("scanner-admin.detail.title", { record })}>
      <ErrorText message={props.error} />
      <Summary {...props} />
      {quarantine.status === "deleted" ? (
        <p>{t("scanner-admin.detail.gone", { types: kindsText(t, quarantine.types) })}</p>
      ) : view.fields ? (
        <Content context={context} fields={view.fields} />
      ) : (
        <p>{t("scanner-admin.detail.missing")}</p>
      )}
      {quarantine.status === "held" && <Decide context={context} quarantineId={quarantine.id} />}
    </AdminLayout>
  );
}

function Summary(props: Naming & { view: QuarantineView }): VNode {
  const { context, view, decidedBy, now } = props;
  const { t, locale } = context;
  const { quarantine } = view;
  const page =
    quarantine.status === "released" && recordPage(quarantine.recordType, quarantine.recordId);
  const rows: [string, VNode | string][] = [
    [t("scanner-admin.col.record"), props.labelOf(quarantine.recordType)],
    [
      t("scanner-admin.detail.record_id"),
      page ? (
        <a href={page}>
          <code>{quarantine.recordId}</code>
        </a>
      ) : (
        <code>{quarantine.recordId}</code>
      ),
    ],
    [t("scanner-admin.col.kinds"), kindsText(t, quarantine.types)],
    [t("scanner-admin.detail.status"), t(`scanner-admin.status.${quarantine.status}`)],
    [t("scanner-admin.col.held"), <When key="held" at={quarantine.heldAt} locale={locale} />],
  ];
  if (quarantine.status === "held") {
    rows.push([
      t("scanner-admin.col.deletes"),
      <DeletesOn key="deletes" t={t} locale={locale} at={quarantine.deleteAfter} now={now} />,
    ]);
  } else if (quarantine.decidedAt) {
    rows.push([
      t("scanner-admin.detail.decided"),
      t("scanner-admin.detail.decided_by", {
        when: dateTimeText(locale, quarantine.decidedAt),
        by: decidedBy(quarantine),
      }),
    ]);
  }
  return <FactList id="quarantine-summary" title={t("scanner-admin.detail.summary")} rows={rows} />;
}

function Content(props: { context: BackOfficeContext; fields: readonly ShownField[] }): VNode {
  const { context } = props;
  const { t } = context;
  return (
    <section class="record-entry" aria-labelledby="quarantine-content">
      <h2 id="quarantine-content">{t("scanner-admin.detail.content")}</h2>
      <p>{t("scanner-admin.detail.read_logged")}</p>
      <dl>
        {props.fields.map((shown) => (
          <div key={shown.field.column}>
            <dt>{shown.field.label[context.locale]}</dt>
            <dd>
              <FieldValue context={context} shown={shown} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function FieldValue(props: { context: BackOfficeContext; shown: ShownField }): VNode {
  const { context, shown } = props;
  const { t, locale } = context;
  switch (shown.shown) {
    case "empty":
      return <>{t("scanner-admin.field.empty")}</>;
    case "erased":
      return <em>{t("scanner-admin.field.erased")}</em>;
    case "bytes":
      return <>{t("scanner-admin.field.bytes", { size: shown.size })}</>;
    case "value":
      return shown.field.kind === "date" ? (
        <When at={new Date(shown.text)} locale={locale} />
      ) : (
        <span>{shown.text}</span>
      );
    case "text":
      return (
        <>
          <MarkedText text={shown.text} findings={shown.findings} />
          {shown.findings.length > 0 && (
            <ul
              aria-label={t("scanner-admin.findings.label", {
                field: shown.field.label[locale],
              })}
            >
              {shown.findings.map((finding) => (
                <li key={`${finding.start}-${finding.type}`}>
                  <strong>{t(`scanner.type.${finding.type}`)}</strong>{" "}
                  {t("scanner-admin.finding.detail", {
                    confidence: percentText(locale, finding.confidence),
                    reason: explainFinding(t, finding),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      );
  }
}

function Decide(props: { context: BackOfficeContext; quarantineId: string }): VNode {
  const { context, quarantineId } = props;
  const { t } = context;
  return (
    <section aria-labelledby="quarantine-decide">
      <h2 id="quarantine-decide">{t("scanner-admin.decide.title")}</h2>
      <form method="post" action={`/admin/quarantine/${quarantineId}/release`}>
        <CsrfField token={context.csrf} />
        <p>{t("scanner-admin.release.hint")}</p>
        <button type="submit">{t("scanner-admin.release")}</button>
      </form>
      <form method="post" action={`/admin/quarantine/${quarantineId}/delete`}>
        <CsrfField token={context.csrf} />
        <p>{t("scanner-admin.delete.hint")}</p>
        <button type="submit" class="secondary">
          {t("scanner-admin.delete")}
        </button>
      </form>
    </section>
  );
}
