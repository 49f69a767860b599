import type { VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";

export interface PlanLine {
  recordType: string;
  label: string;
  reason: string;
  due: number;
  held: number;
}

export interface SweepResultLine {
  recordType: string;
  label: string;
  erased: number;
  deferred: number;
  keysShredded: number;
}

export interface SweepResult {
  lines: SweepResultLine[];
  held: number;
}

export interface RetentionPageProps {
  context: BackOfficeContext;
  /** The day previewed, as shown. */
  day: string;
  isToday: boolean;
  today: string;
  /** What was typed in the date field, kept when it was refused. */
  typed: string;
  error?: string | undefined;
  plan: PlanLine[];
  activeHolds: number;
  result?: SweepResult | undefined;
}

function PlanTable({ context, plan }: { context: BackOfficeContext; plan: PlanLine[] }): VNode {
  const { t } = context;
  const total = (pick: (line: PlanLine) => number) =>
    plan.reduce((sum, line) => sum + pick(line), 0);
  return (
    <ScrollableTable label={t("records.retention.plan")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("records.col.type_and_reason")}</th>
            <th scope="col">{t("records.col.due")}</th>
            <th scope="col">{t("records.col.held")}</th>
          </tr>
        </thead>
        <tbody>
          {plan.map((line) => (
            <tr key={`${line.recordType}:${line.reason}`}>
              <th scope="row">
                {line.label}
                <br />
                <small>{line.reason}</small>
              </th>
              <td>{line.due}</td>
              <td>{line.held}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("records.col.total")}</th>
            <td>{total((line) => line.due)}</td>
            <td>{total((line) => line.held)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollableTable>
  );
}

function ResultSection(props: { context: BackOfficeContext; result: SweepResult }): VNode {
  const { context, result } = props;
  const { t } = context;
  return (
    <section aria-labelledby="sweep-result">
      <h2 id="sweep-result">{t("records.retention.result")}</h2>
      <ul>
        {result.lines.map((line) => (
          <li key={line.recordType}>
            <strong>{line.label}</strong>:{" "}
            {t("records.retention.result_line", {
              erased: line.erased,
              deferred: line.deferred,
              keys: line.keysShredded,
            })}
          </li>
        ))}
      </ul>
      <p>{t("records.retention.result_held", { count: result.held })}</p>
    </section>
  );
}

export function RetentionPage(props: RetentionPageProps): VNode {
  const { context, day, isToday, today, typed, error, plan, activeHolds, result } = props;
  const { t } = context;
  return (
    <AdminLayout
      context={context}
      title={t("records.retention.title")}
      notice={result ? t("records.retention.ran") : undefined}
    >
      {result && <ResultSection context={context} result={result} />}
      <p>{t("records.retention.intro")}</p>
      <form method="get" action="/admin/retention" class="filter-form">
        {error && (
          <p role="alert" class="form-error" id="until-error">
            {error}
          </p>
        )}
        <label>
          {t("records.retention.until")}
          <input
            type="date"
            name="until"
            value={typed}
            min={today}
            required
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? "until-error" : undefined}
          />
        </label>
        <button type="submit">{t("records.retention.preview")}</button>
      </form>
      <h2>
        {isToday
          ? t("records.retention.plan_now")
          : t("records.retention.plan_until", { date: day })}
      </h2>
      {plan.length === 0 ? (
        <p>{t("records.retention.nothing_due")}</p>
      ) : (
        <PlanTable context={context} plan={plan} />
      )}
      <p>
        {t("records.retention.holds", { count: activeHolds })}{" "}
        <a href="/admin/holds">{t("records.retention.holds_link")}</a>
      </p>
      <section aria-labelledby="run-now">
        <h2 id="run-now">{t("records.retention.run_title")}</h2>
        <p>{t("records.retention.scheduled")}</p>
        <form method="post" action="/admin/retention/run" class="inline-form">
          <CsrfField token={context.csrf} />
          <button type="submit">{t("records.retention.run")}</button>
        </form>
      </section>
    </AdminLayout>
  );
}
