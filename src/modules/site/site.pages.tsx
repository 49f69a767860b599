import type { VNode } from "preact";
import { Layout, type PageContext } from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";

interface VisitorAction {
  href: string;
  title: MessageKey;
  hint: MessageKey;
}

/** What a visitor can do here, in the order the privacy statement names it. */
export const visitorActions: readonly VisitorAction[] = [
  { href: "/contact", title: "home.contact", hint: "home.contact.hint" },
  { href: "/newsletter", title: "home.newsletter", hint: "home.newsletter.hint" },
  { href: "/support", title: "home.support", hint: "home.support.hint" },
  { href: "/privacy", title: "home.privacy", hint: "home.privacy.hint" },
  { href: "/cookies", title: "home.cookies", hint: "home.cookies.hint" },
  { href: "/privacy/request", title: "home.rights", hint: "home.rights.hint" },
];

export function HomePage({ context }: { context: PageContext }): VNode {
  const { t, organisationName } = context;
  const title = t("home.title", { organisation: organisationName });
  return (
    <Layout context={context} title={title}>
      <hgroup>
        <h1>{title}</h1>
        <p>{t("home.intro")}</p>
      </hgroup>
      <section aria-labelledby="actions">
        <h2 id="actions">{t("home.actions")}</h2>
        <ul class="actions">
          {visitorActions.map((action) => (
            <li key={action.href}>
              <article>
                <a href={action.href}>
                  <strong>{t(action.title)}</strong>
                </a>
                <p>{t(action.hint)}</p>
              </article>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
