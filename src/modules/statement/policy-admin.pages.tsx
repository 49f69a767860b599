import type { VNode } from "preact";
import type { PolicyProblem, PolicyVersionRow } from "../../policy/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { type SectionChange, SectionDiff } from "./versions.pages.tsx";

function SourceForm(props: { context: BackOfficeContext; source: string }): VNode {
  const { context, source } = props;
  const { t } = context;
  return (
    <form method="post" action="/admin/policy/preview">
      <CsrfField token={context.csrf} />
      <label>
        {t("admin.policy.source")}
        <textarea name="source" rows={16} required spellcheck={false} class="policy-source">
          {source}
        </textarea>
      </label>
      <button type="submit">{t("admin.policy.check")}</button>
    </form>
  );
}

export function PolicyAdminPage(props: {
  context: BackOfficeContext;
  current: PolicyVersionRow | undefined;
  notice?: string | undefined;
  pendingNotices?: number;
}): VNode {
  const { context, current, notice, pendingNotices = 0 } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("admin.policy.title")} notice={notice}>
      {current && (
        <p>
          {t("admin.policy.current", {
            date: current.effectiveDate,
            changelog: current.changelog,
          })}{" "}
          <a href="/privacy/versions">{t("statement.versions.title")}</a>
        </p>
      )}
      {pendingNotices > 0 && <p>{t("admin.policy.notices", { count: pendingNotices })}</p>}
      <p>{t("admin.policy.intro")}</p>
      <SourceForm context={context} source="" />
    </AdminLayout>
  );
}

export function PolicyPreviewPage(props: {
  context: BackOfficeContext;
  source: string;
  problems: PolicyProblem[];
  warnings: PolicyProblem[];
  changes: SectionChange[];
  hash?: string | undefined;
  /** The version in force when the diff was made. */
  base?: string | undefined;
}): VNode {
  const { context, source, problems, warnings, changes, hash, base } = props;
  const { t } = context;
  const where = (problem: PolicyProblem) =>
    `${problem.line ? `${t("admin.policy.line", { line: problem.line })} ` : ""}${problem.path}`;
  return (
    <AdminLayout context={context} title={t("admin.policy.preview")}>
      {problems.length > 0 ? (
        <>
          <p role="alert" class="form-error">
            {t("admin.policy.invalid", { count: problems.length })}
          </p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.path}:${problem.line}:${problem.message}`}>
                <code>{where(problem)}</code>: {problem.message}
              </li>
            ))}
          </ul>
          <SourceForm context={context} source={source} />
        </>
      ) : (
        <>
          {warnings.map((warning) => (
            <p key={warning.message} class="notice">
              <code>{where(warning)}</code>: {warning.message}
            </p>
          ))}
          <h2>{t("statement.diff.title")}</h2>
          {changes.length === 0 ? (
            <p>{t("statement.diff.none")}</p>
          ) : (
            changes.map((change) => <SectionDiff key={change.title} change={change} />)
          )}
          <form method="post" action="/admin/policy/activate">
            <CsrfField token={context.csrf} />
            <input type="hidden" name="source" value={source} />
            <input type="hidden" name="hash" value={hash ?? ""} />
            <input type="hidden" name="base" value={base ?? ""} />
            <button type="submit">{t("admin.policy.activate")}</button>
          </form>
          <p>
            <a href="/admin/policy">{t("admin.policy.cancel")}</a>
          </p>
        </>
      )}
    </AdminLayout>
  );
}
