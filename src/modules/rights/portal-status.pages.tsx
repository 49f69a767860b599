import type { VNode } from "preact";
import { Day, Layout, type PageContext } from "../../core/http/index.ts";
import { IdCardPicture } from "./id-card-picture.tsx";
import type { RequestStatusView, StatusDownload } from "./request-status.ts";
import type { RequestStatus } from "./rights.tables.ts";

/** The way a request goes, as the person sees it; `refused` ends it after receipt. */
const progress = ["received", "verified", "in_progress", "answered"] as const;

export interface SupervisoryAuthority {
  name: string;
  address: string;
  url: string;
  email?: string | undefined;
}

export interface StatusPageProps {
  context: PageContext;
  csrf: string;
  view: RequestStatusView;
  /** The rights asked, each as the person reads it. */
  rights: readonly string[];
  /** The status link's token: the forms on the page send it back. */
  token: string;
  authority: SupervisoryAuthority;
  idCopyInstructions: string;
  maxUploadMb: number;
  /** A refused upload, already in the visitor's language. */
  uploadProblem?: string | undefined;
}

const requestPath = (id: string) => `/privacy/request/${id}`;
const withToken = (path: string, token: string) => `${path}?token=${encodeURIComponent(token)}`;

function Progress({ context, status }: { context: PageContext; status: RequestStatus }) {
  const { t } = context;
  const steps: readonly RequestStatus[] = status === "refused" ? ["received", "refused"] : progress;
  const current = steps.indexOf(status);
  return (
    <ol class="request-progress">
      {steps.map((step, index) => {
        const label = t(`rights-portal.status.${step}`);
        if (index < current) {
          return (
            <li key={step}>
              <span aria-hidden="true">✓ </span>
              {label}
              <span class="visually-hidden"> ({t("rights-portal.page.done")})</span>
            </li>
          );
        }
        if (index === current) {
          return (
            <li key={step} aria-current="step">
              <strong>{label}</strong>
            </li>
          );
        }
        return (
          <li key={step}>
            <span aria-hidden="true">○ </span>
            {label}
            <span class="visually-hidden"> ({t("rights-portal.page.to_come")})</span>
          </li>
        );
      })}
    </ol>
  );
}

function Deadline({ context, view }: { context: PageContext; view: RequestStatusView }) {
  const { t } = context;
  if (!view.deadline || view.status === "answered" || view.status === "refused") return null;
  return (
    <>
      <p>
        {t("rights-portal.page.deadline")} <Day at={view.deadline} />
      </p>
      {view.extension && (
        <p>
          {t("rights-portal.page.extended")}{" "}
          {view.extension.reason ?? t("rights-portal.page.extended.no_reason")}
        </p>
      )}
    </>
  );
}

/** The letter as sent: plain text, its paragraphs and line breaks kept, every character escaped. */
function Letter({ text }: { text: string }) {
  return (
    <blockquote class="reply-letter">
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>
          {paragraph
            .split("\n")
            .flatMap((line, lineIndex) =>
              lineIndex === 0 ? [line] : [<br key={lineIndex} />, line],
            )}
        </p>
      ))}
    </blockquote>
  );
}

function Answer(props: StatusPageProps) {
  const { context, view, token } = props;
  const { t } = context;
  if (view.status === "refused") {
    return (
      <section aria-labelledby="request-answer">
        <h2 id="request-answer">{t("rights-portal.page.refused")}</h2>
        <p>{view.refusalReason ?? t("rights-portal.page.refused.no_reason")}</p>
      </section>
    );
  }
  if (view.status !== "answered") return null;
  return (
    <section aria-labelledby="request-answer">
      <h2 id="request-answer">{t("rights-portal.page.answer")}</h2>
      {view.answeredAt && (
        <p>
          {t("rights-portal.page.answered_on")} <Day at={view.answeredAt} />
        </p>
      )}
      {view.letter && <Letter text={view.letter} />}
      <p>
        <a href={withToken(`${requestPath(view.requestId)}/letter.pdf`, token)}>
          {t("rights-portal.page.letter_pdf")}
        </a>
      </p>
    </section>
  );
}

function Downloads(props: StatusPageProps & { downloads: readonly StatusDownload[] }) {
  const { context, view, token, csrf, downloads } = props;
  const { t } = context;
  if (downloads.length === 0) return null;
  return (
    <section aria-labelledby="request-downloads">
      <h2 id="request-downloads">{t("rights-portal.page.downloads")}</h2>
      <p>{t("rights-portal.page.downloads.intro")}</p>
      {downloads.map((download) => (
        <form
          key={download.packageId}
          method="post"
          action={`${requestPath(view.requestId)}/download`}
        >
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="packageId" value={download.packageId} />
          <button type="submit" aria-describedby={`download-${download.packageId}`}>
            {t("rights-portal.page.download", {
              right: t(`rights-portal.right.${download.right}`),
            })}
          </button>
          <small id={`download-${download.packageId}`}>
            {" "}
            {t("rights-portal.page.download.until")} <Day at={download.expiresAt} />
          </small>
        </form>
      ))}
    </section>
  );
}

function IdCopyUpload(props: StatusPageProps) {
  const { context, view, token, csrf, uploadProblem } = props;
  const { t } = context;
  if (!view.idCopy.expected) return null;
  const uploadedAt = view.idCopy.uploadedAt;
  return (
    <section aria-labelledby="request-id-copy">
      <h2 id="request-id-copy">{t("rights-portal.id.title")}</h2>
      {uploadedAt && (
        <p role="status">
          {t("rights-portal.id.uploaded")} <Day at={uploadedAt} />.{" "}
          {t("rights-portal.id.uploaded.check")}
        </p>
      )}
      <p>{props.idCopyInstructions}</p>
      <figure>
        <IdCardPicture
          label={t("rights-portal.id.picture")}
          photo={t("rights-portal.id.picture.photo")}
          number={t("rights-portal.id.picture.number")}
        />
        <figcaption>{t("rights-portal.id.picture.caption")}</figcaption>
      </figure>
      <p>{t("rights-portal.id.kept")}</p>
      {uploadProblem && (
        <div role="alert" id="id-copy-problem">
          <p>{uploadProblem}</p>
        </div>
      )}
      <form
        method="post"
        action={withToken(`${requestPath(view.requestId)}/id-copy`, token)}
        enctype="multipart/form-data"
      >
        {/* The token leads the form: a multipart body is checked before a file byte is read. */}
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="id-copy-file">
          {t("rights-portal.id.file")}
          <input
            id="id-copy-file"
            name="idCopy"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required
            aria-invalid={uploadProblem ? "true" : undefined}
            aria-describedby={uploadProblem ? "id-copy-problem id-copy-hint" : "id-copy-hint"}
          />
          <small id="id-copy-hint">{t("rights-portal.id.hint", { mb: props.maxUploadMb })}</small>
        </label>
        <button type="submit">
          {uploadedAt ? t("rights-portal.id.replace") : t("rights-portal.id.submit")}
        </button>
      </form>
    </section>
  );
}

function Complaint({
  context,
  authority,
}: {
  context: PageContext;
  authority: SupervisoryAuthority;
}) {
  const { t } = context;
  return (
    <section aria-labelledby="request-complaint">
      <h2 id="request-complaint">{t("rights-portal.page.complaint")}</h2>
      <p>{t("rights-portal.page.complaint.text", { authority: authority.name })}</p>
      <address>
        {authority.name}
        <br />
        {authority.address}
        <br />
        <a href={authority.url} rel="noopener noreferrer">
          {authority.url}
        </a>
        {authority.email && (
          <>
            <br />
            <a href={`mailto:${authority.email}`}>{authority.email}</a>
          </>
        )}
      </address>
    </section>
  );
}

/** The person's page for one request, opened by the signed link from our mails. */
export function StatusPage(props: StatusPageProps): VNode {
  const { context, view } = props;
  const { t } = context;
  const title = t("rights-portal.page.title", { reference: view.reference });
  return (
    <Layout context={context} title={title}>
      <article class="rights-portal">
        <hgroup>
          <h1>{title}</h1>
          <p>{t("rights-portal.page.private")}</p>
        </hgroup>
        <section aria-labelledby="request-asked">
          <h2 id="request-asked">{t("rights-portal.page.asked")}</h2>
          <ul>
            {props.rights.map((right) => (
              <li key={right}>{right}</li>
            ))}
          </ul>
          {view.receivedAt && (
            <p>
              {t("rights-portal.page.received_on")} <Day at={view.receivedAt} />
            </p>
          )}
          <Deadline context={context} view={view} />
        </section>
        <section aria-labelledby="request-progress">
          <h2 id="request-progress">{t("rights-portal.page.progress")}</h2>
          <Progress context={context} status={view.status} />
        </section>
        <IdCopyUpload {...props} />
        <Answer {...props} />
        <Downloads {...props} downloads={view.downloads} />
        <Complaint context={context} authority={props.authority} />
      </article>
    </Layout>
  );
}
