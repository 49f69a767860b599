import { diffWords } from "diff";
import type { VNode } from "preact";
import { Layout, type PageContext } from "../../core/http/index.ts";
import type { PolicyVersionRow } from "../../policy/index.ts";
import type { StatementSection } from "./statement-sections.ts";

export function VersionsPage(props: {
  context: PageContext;
  versions: PolicyVersionRow[];
  currentHash: string;
}): VNode {
  const { context, versions, currentHash } = props;
  const { t } = context;
  return (
    <Layout context={context} title={t("statement.versions.title")}>
      <h1>{t("statement.versions.title")}</h1>
      <ol class="versions" reversed>
        {versions.map((version) => (
          <li key={version.contentHash}>
            <a href={`/privacy/versions/${version.contentHash}`}>{version.effectiveDate}</a>
            {version.contentHash === currentHash && (
              <strong> ({t("statement.versions.current")})</strong>
            )}
            <br />
            {version.changelog}
            {version.contentHash !== currentHash && (
              <>
                <br />
                <a href={`/privacy/versions/${version.contentHash}/diff?against=${currentHash}`}>
                  {t("statement.versions.compare")}
                </a>
              </>
            )}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

export interface SectionChange {
  title: string;
  before: string;
  after: string;
}

/** Changed sections only, word by word: what was removed struck through, what was added marked. */
export function DiffPage(props: {
  context: PageContext;
  from: PolicyVersionRow;
  to: PolicyVersionRow;
  changes: SectionChange[];
}): VNode {
  const { context, from, to, changes } = props;
  const { t } = context;
  return (
    <Layout context={context} title={t("statement.diff.title")}>
      <h1>{t("statement.diff.title")}</h1>
      <p>{t("statement.diff.between", { from: from.effectiveDate, to: to.effectiveDate })}</p>
      {changes.length === 0 && <p>{t("statement.diff.none")}</p>}
      {changes.map((change) => (
        <SectionDiff key={change.title} change={change} />
      ))}
      <p>
        <a href="/privacy/versions">{t("statement.versions.title")}</a>
      </p>
    </Layout>
  );
}

/** One changed section, word by word: removed text struck through, added text marked. */
export function SectionDiff({ change }: { change: SectionChange }): VNode {
  return (
    <section class="diff-section">
      <h2>{change.title}</h2>
      <p class="diff-text">
        {diffWords(change.before, change.after).map((part, index) =>
          part.removed ? (
            <del key={`${index}-del`}>{part.value}</del>
          ) : part.added ? (
            <ins key={`${index}-ins`}>{part.value}</ins>
          ) : (
            part.value
          ),
        )}
      </p>
    </section>
  );
}

export function changedSections(
  before: StatementSection[],
  after: StatementSection[],
): SectionChange[] {
  const keys = [...new Set([...before.map((s) => s.key), ...after.map((s) => s.key)])];
  return keys.flatMap((key) => {
    const old = before.find((section) => section.key === key);
    const fresh = after.find((section) => section.key === key);
    if (old?.text === fresh?.text) return [];
    return [
      {
        title: fresh?.title ?? old?.title ?? key,
        before: old?.text ?? "",
        after: fresh?.text ?? "",
      },
    ];
  });
}
