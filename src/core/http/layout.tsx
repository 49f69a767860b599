import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren, VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { type Locale, locales, type Translate } from "../i18n/index.ts";

export interface PageContext {
  locale: Locale;
  t: Translate;
  organisationName: string;
  /**
   * Current path and query, so the language switcher keeps the visitor on the same page: a page
   * reached by a signed link (`?sig=`, `?token=`) still works in the other language.
   */
  path: string;
  styleNonce?: string | undefined;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    locale: request.locale,
    t: request.t,
    organisationName: request.server.site.organisationName,
    path: switcherPath(request),
    styleNonce: reply.cspNonce?.style,
  };
}

/**
 * The path (and query, without `lang`) the language links point at. Unknown pages and paths a
 * browser would read as another site (`//evil.example`, `/\\evil.example`) fall back to the home
 * page.
 */
function switcherPath(request: FastifyRequest): string {
  const [path = "/", query = ""] = request.url.split("?", 2);
  if (request.is404 || !path.startsWith("/") || /^\/[/\\]/.test(path) || path.includes("\\")) {
    return "/";
  }
  const params = new URLSearchParams(query);
  params.delete("lang");
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

/** A language link: the page's own query kept, `lang` set. */
function languageHref(path: string, code: Locale): string {
  const [base = "/", query = ""] = path.split("?", 2);
  const params = new URLSearchParams(query);
  params.set("lang", code);
  return `${base}?${params.toString()}`;
}

interface LayoutProps {
  context: PageContext;
  title: string;
  children: ComponentChildren;
}

export function Layout({ context, title, children }: LayoutProps): VNode {
  const { t, locale, organisationName, path } = context;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} · ${organisationName}`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/pico/pico.min.css" />
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("layout.skip")}
        </a>
        <header class="container site-header">
          <nav>
            <ul>
              <li>
                <a href="/" class="brand">
                  <strong>{organisationName}</strong>
                </a>
              </li>
            </ul>
            <ul aria-label={t("layout.language")}>
              {locales.map((code) => (
                <li key={code}>
                  <a
                    href={languageHref(path, code)}
                    hreflang={code}
                    lang={code}
                    aria-current={code === locale ? "true" : undefined}
                  >
                    {t(`language.${code}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="container">
          {children}
        </main>
        <footer class="container site-footer">
          <nav>
            <ul>
              <li>
                <a href="/">{t("layout.footer.home")}</a>
              </li>
              <li>
                <a href="/privacy">{t("layout.footer.privacy")}</a>
              </li>
              <li>
                <a href="/cookies">{t("layout.footer.cookies")}</a>
              </li>
            </ul>
          </nav>
        </footer>
      </body>
    </html>
  );
}

/** Renders a full page; preact escapes every string, so raw HTML has to be asked for explicitly. */
export function sendPage<Props>(
  reply: FastifyReply,
  page: VNode<Props>,
  statusCode = 200,
): FastifyReply {
  return reply
    .code(statusCode)
    .type("text/html; charset=utf-8")
    .send(`<!doctype html>${renderToString(page as VNode)}`);
}
