import type { VNode } from "preact";
import { Layout, type PageContext } from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import { type ExportFile, formatInstant } from "../../datamap/export/index.ts";

/** Where each file of a package is downloaded, below the package's page. */
export const exportDownloads = [
  { file: "pdf", path: "report.pdf", title: "export.page.pdf", hint: "export.page.pdf.hint" },
  { file: "html", path: "report.html", title: "export.page.html", hint: "export.page.html.hint" },
  { file: "zip", path: "package.zip", title: "export.page.zip", hint: "export.page.zip.hint" },
] as const satisfies readonly {
  file: ExportFile;
  path: string;
  title: MessageKey;
  hint: MessageKey;
}[];

/** Where a person asks again once a package is gone. */
const requestPath = "/privacy/request";

interface ExportPageProps {
  context: PageContext;
  packageId: string;
  token: string;
  createdAt: Date;
  expiresAt: Date;
}

/** The page a download link opens: nothing is downloaded until the person picks a file. */
export function ExportPage(props: ExportPageProps): VNode {
  const { context, packageId, token } = props;
  const { t } = context;
  const title = t("export.page.title");
  return (
    <Layout context={context} title={title}>
      <article>
        <hgroup>
          <h1>{title}</h1>
          <p>{t("export.page.made", { date: formatInstant(props.createdAt) })}</p>
        </hgroup>
        <p>
          <strong>{t("export.page.expires", { date: formatInstant(props.expiresAt) })}</strong>
        </p>
        <p>{t("export.page.private")}</p>
        <section aria-labelledby="export-files">
          <h2 id="export-files">{t("export.page.files")}</h2>
          <ul class="actions">
            {exportDownloads.map((download) => (
              <li key={download.file}>
                <article>
                  {/* A GET form, so the download is a real button without JavaScript or CSRF token. */}
                  <form method="get" action={`/privacy/export/${packageId}/${download.path}`}>
                    <input type="hidden" name="token" value={token} />
                    <button type="submit">{t(download.title)}</button>
                  </form>
                  <p>{t(download.hint)}</p>
                </article>
              </li>
            ))}
          </ul>
        </section>
      </article>
    </Layout>
  );
}

interface GonePageProps {
  context: PageContext;
  /** Expired links say until when they worked; an erased package has no date worth telling. */
  expiresAt?: Date;
}

/** 410: the link was real, but the package is gone; the person learns how to ask again. */
export function ExportGonePage({ context, expiresAt }: GonePageProps): VNode {
  const { t } = context;
  const title = expiresAt ? t("export.expired.title") : t("export.erased.title");
  return (
    <Layout context={context} title={title}>
      <article class="error-page">
        <h1>{title}</h1>
        <p role="alert">
          {expiresAt
            ? t("export.expired.text", { date: formatInstant(expiresAt) })
            : t("export.erased.text")}
        </p>
        <p>{t("export.again")}</p>
        <p>
          <a href={requestPath}>{t("export.again.link")}</a>
        </p>
      </article>
    </Layout>
  );
}
