import type { VNode } from "preact";
import type { AuditEntry } from "../../audit/index.ts";
import { ScrollableTable } from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext } from "./staff.pages.tsx";

export interface AuditFilters {
  action?: string | undefined;
  actorId?: string | undefined;
  subjectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(", ");
}

export function AuditLogPage(props: {
  context: BackOfficeContext;
  entries: AuditEntry[];
  filters: AuditFilters;
  olderHref?: string | undefined;
  /** Staff ids to names: staff are colleagues, so the log may name them. */
  staffNames: Map<string, string>;
  timeZone: string;
}): VNode {
  const { context, entries, filters, olderHref, staffNames, timeZone } = props;
  const { t } = context;
  const when = new Intl.DateTimeFormat(`${context.locale}-BE`, {
    timeZone,
    dateStyle: "short",
    timeStyle: "medium",
  });
  return (
    <AdminLayout context={context} title={t("admin.audit.title")}>
      <p>{t("admin.audit.intro")}</p>
      <details open={Object.values(filters).some(Boolean)}>
        <summary>{t("admin.audit.filter")}</summary>
        <form method="get" action="/admin/audit" class="filter-form">
          <label>
            {t("admin.audit.action")}
            <input name="action" value={filters.action ?? ""} placeholder="staff.*" />
          </label>
          <label>
            {t("admin.audit.actor")}
            <input name="actorId" value={filters.actorId ?? ""} />
          </label>
          <label>
            {t("admin.audit.subject")}
            <input name="subjectId" value={filters.subjectId ?? ""} />
          </label>
          <label>
            {t("admin.audit.from")}
            <input type="date" name="from" value={filters.from ?? ""} />
          </label>
          <label>
            {t("admin.audit.to")}
            <input type="date" name="to" value={filters.to ?? ""} />
          </label>
          <button type="submit">{t("admin.audit.apply")}</button>
        </form>
      </details>
      {entries.length === 0 ? (
        <p>{t("admin.audit.empty")}</p>
      ) : (
        <ScrollableTable label={t("admin.audit.title")}>
          <table class="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.col.seq")}</th>
                <th scope="col">{t("admin.audit.col.at")}</th>
                <th scope="col">{t("admin.audit.col.actor")}</th>
                <th scope="col">{t("admin.audit.col.action")}</th>
                <th scope="col">{t("admin.audit.col.record")}</th>
                <th scope="col">{t("admin.audit.col.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>{entry.seq}</td>
                  <td>
                    <time dateTime={entry.at.toISOString()}>{when.format(entry.at)}</time>
                  </td>
                  <td>
                    {entry.actorType === "staff" && entry.actorId
                      ? (staffNames.get(entry.actorId) ?? entry.actorType)
                      : entry.actorType}
                    {entry.actorId && (
                      <>
                        <br />
                        <small>{entry.actorId}</small>
                      </>
                    )}
                  </td>
                  <td>{entry.action}</td>
                  <td>
                    {entry.recordType ?? ""} {entry.recordId ?? ""}
                    {entry.subjectId && (
                      <>
                        <br />
                        <small>{entry.subjectId}</small>
                      </>
                    )}
                  </td>
                  <td>{detailsText(entry.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      {olderHref && (
        <p>
          <a href={olderHref}>{t("admin.audit.older")}</a>
        </p>
      )}
    </AdminLayout>
  );
}
