import type { VNode } from "preact";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import {
  maxImportLines,
  type OrderImportProblem,
  optionalImportColumns,
  orderImportColumns,
} from "./orders-import.ts";

export interface OrderImportDone {
  orders: number;
  invoices: number;
  skipped: number;
}

export function OrderImportPage(props: {
  context: BackOfficeContext;
  done?: OrderImportDone | undefined;
  problems?: readonly OrderImportProblem[] | undefined;
  error?: string | undefined;
}): VNode {
  const { context, done, problems, error } = props;
  const { t } = context;
  const problemText = (problem: OrderImportProblem) => {
    const what = t(problem.key, problem.params);
    const text = problem.column ? `${problem.column}: ${what}` : what;
    return problem.line > 0
      ? t("orders-admin.import.line", { line: problem.line, problem: text })
      : text;
  };
  return (
    <AdminLayout
      context={context}
      title={t("orders-admin.import.title")}
      notice={
        done &&
        [
          t("orders-admin.import.done", { orders: done.orders, invoices: done.invoices }),
          done.skipped > 0 ? t("orders-admin.import.done.skipped", { n: done.skipped }) : "",
        ]
          .filter(Boolean)
          .join(" ")
      }
    >
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {problems && problems.length > 0 && (
        <div role="alert" class="form-error">
          <p>{t("orders-admin.import.refused")}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problemText(problem)}</li>
            ))}
          </ul>
        </div>
      )}
      <p>{t("orders-admin.import.lead")}</p>
      <p id="order-import-columns">
        {t("orders-admin.import.columns", {
          columns: orderImportColumns.join(", "),
          optional: optionalImportColumns.join(", "),
        })}
      </p>
      <p>{t("orders-admin.import.rules", { max: maxImportLines })}</p>
      <form
        method="post"
        action="/admin/orders/import"
        enctype="multipart/form-data"
        class="narrow-form"
      >
        <CsrfField token={context.csrf} />
        <label>
          {t("orders-admin.import.file")}
          <input
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby="order-import-columns"
          />
        </label>
        <button type="submit">{t("orders-admin.import.submit")}</button>
      </form>
      <p>
        <a href="/admin/orders">{t("orders-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}
