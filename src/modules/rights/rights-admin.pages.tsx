import type { VNode } from "preact";
import {
  Day,
  FilterForm,
  KeysetPager,
  ScrollableTable,
  SelectFilter,
  TextFilter,
} from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext } from "../staff/index.ts";
import { DeadlineMark, rightKindsText } from "./rights-admin-parts.tsx";
import { openQueueLimit, type QueueLine, type QueueStatus, queueStatuses } from "./rights-queue.ts";

export interface QueueSearch {
  status: QueueStatus | "";
  reference: string;
}

/**
 * The privacy officer's queue: open requests, the most urgent first. References only, so the
 * list shows no personal data and reads nothing that would have to be audited.
 */
export function RightsQueuePage(props: {
  context: BackOfficeContext;
  search: QueueSearch;
  lines: readonly QueueLine[];
  truncated: boolean;
  olderHref: string | undefined;
  newestHref: string | undefined;
}): VNode {
  const { context, search, lines } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("rights-admin.queue.title")}>
      <p>{t("rights-admin.queue.intro")}</p>
      <p>
        <a href="/admin/rights/new">{t("rights-admin.queue.new")}</a>
      </p>
      <FilterForm
        action="/admin/rights"
        label={t("rights-admin.filter.label")}
        submitLabel={t("rights-admin.filter.submit")}
        clearLabel={t("rights-admin.filter.clear")}
      >
        <SelectFilter
          label={t("rights-admin.filter.status")}
          name="status"
          value={search.status}
          allLabel={t("rights-admin.filter.open")}
          options={queueStatuses.map((status) => ({
            value: status,
            label: t(`rights-portal.status.${status}`),
          }))}
        />
        <TextFilter
          label={t("rights-admin.filter.reference")}
          name="reference"
          value={search.reference}
        />
      </FilterForm>
      {props.truncated && (
        <p role="alert" class="form-error">
          {t("rights-admin.queue.truncated", { count: openQueueLimit })}
        </p>
      )}
      {lines.length === 0 ? (
        <p role="status">{t("rights-admin.queue.empty")}</p>
      ) : (
        <ScrollableTable label={t("rights-admin.queue.table")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("rights-admin.col.reference")}</th>
                <th scope="col">{t("rights-admin.col.rights")}</th>
                <th scope="col">{t("rights-admin.col.channel")}</th>
                <th scope="col">{t("rights-admin.col.status")}</th>
                <th scope="col">{t("rights-admin.col.received")}</th>
                <th scope="col">{t("rights-admin.col.deadline")}</th>
                <th scope="col">{t("rights-admin.col.days")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id} data-deadline={line.state}>
                  <td>
                    <a href={`/admin/rights/${line.id}`}>{line.reference}</a>
                  </td>
                  <td>{rightKindsText(t, line.rights)}</td>
                  <td>{t(`rights-admin.channel.${line.channel}`)}</td>
                  <td>{t(`rights-portal.status.${line.status}`)}</td>
                  <td>
                    <Day at={line.receivedAt} />
                  </td>
                  <td>
                    <Day at={line.deadline} />
                    {line.extended && <> {t("rights-admin.queue.extended")}</>}
                  </td>
                  <td>
                    <DeadlineMark t={t} state={line.state} daysLeft={line.daysLeft} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <KeysetPager
        newestHref={props.newestHref}
        olderHref={props.olderHref}
        newestLabel={t("rights-admin.newest")}
        olderLabel={t("rights-admin.older")}
      />
    </AdminLayout>
  );
}
