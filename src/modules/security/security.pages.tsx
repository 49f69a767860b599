import type { VNode } from "preact";
import { Layout, type PageContext } from "../../core/http/index.ts";
import type { Policy } from "../../policy/index.ts";

/** The statement's "Beveiliging": what we do, and whom to tell when something seems wrong. */
export function SecurityPage(props: { context: PageContext; policy: Policy }): VNode {
  const { context, policy } = props;
  const { t, locale } = context;
  const email = policy.security.contactEmail;
  return (
    <Layout context={context} title={t("security.title")}>
      <article>
        <h1>{t("security.title")}</h1>
        <ul>
          {policy.securityMeasures.map((measure) => (
            <li key={measure.nl}>{measure[locale]}</li>
          ))}
        </ul>
        <section aria-labelledby="security-report">
          <h2 id="security-report">{t("security.report.title")}</h2>
          <p>
            {t("security.report.how")} <a href={`mailto:${email}`}>{email}</a>
          </p>
          <p>{t("security.report.what")}</p>
        </section>
        <p>
          <a href="/.well-known/security.txt">{t("security.txt")}</a>
        </p>
      </article>
    </Layout>
  );
}
