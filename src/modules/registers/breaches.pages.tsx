import type { VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext } from "../staff/index.ts";
import { BreachClockMark, formatBreachTime } from "./breach-clock-mark.tsx";
import type { Breach } from "./breaches.service.ts";

/** The register in three parts: reports to triage, open breaches by deadline, the rest. */
export function BreachListPage(props: {
  context: BackOfficeContext;
  breaches: readonly Breach[];
  now: Date;
  notice?: string | undefined;
}): VNode {
  const { context, now } = props;
  const { t, locale } = context;
  const groups = [
    { id: "triage", rows: props.breaches.filter((breach) => breach.status === "triage") },
    { id: "open", rows: props.breaches.filter((breach) => breach.status === "open") },
    {
      id: "done",
      rows: props.breaches.filter((b) => b.status === "closed" || b.status === "dismissed"),
    },
  ] as const;
  return (
    <AdminLayout context={context} title={t("breaches.title")} notice={props.notice}>
      <p>{t("breaches.intro")}</p>
      <p>
        <a href="/admin/breaches/new">{t("breaches.new")}</a>
      </p>
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`breaches-${group.id}`}>
          <h2 id={`breaches-${group.id}`}>{t(`breaches.group.${group.id}`)}</h2>
          {group.rows.length === 0 ? (
            <p>{t(`breaches.group.${group.id}.none`)}</p>
          ) : (
            <ScrollableTable label={t(`breaches.group.${group.id}`)}>
              <table>
                <caption class="visually-hidden">{t(`breaches.group.${group.id}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("breaches.col.reference")}</th>
                    <th scope="col">{t("breaches.col.title")}</th>
                    <th scope="col">{t("breaches.col.status")}</th>
                    <th scope="col">{t("breaches.col.clock")}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.rows.map((breach) => (
                    <tr key={breach.id} data-breach={breach.id}>
                      <th scope="row">
                        <a href={`/admin/breaches/${breach.id}`}>{breach.reference}</a>
                      </th>
                      <td>{breach.title}</td>
                      <td>{t(`breaches.status.${breach.status}`)}</td>
                      <td>
                        {group.id === "done" && !breach.authorityNotifiedAt ? (
                          breach.closedAt ? (
                            formatBreachTime(breach.closedAt, locale)
                          ) : (
                            "—"
                          )
                        ) : (
                          <BreachClockMark t={t} locale={locale} breach={breach} now={now} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </section>
      ))}
    </AdminLayout>
  );
}
