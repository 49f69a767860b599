import type { ComponentChildren, VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { RenderedCampaign } from "./campaign-render.ts";
import type { Campaign, CampaignProgress } from "./campaigns.ts";
import { type CampaignKind, type CampaignStatus, campaignKinds } from "./newsletter.tables.ts";
import type { TopicChoice } from "./topics.ts";

export const campaignIntents = ["save", "test", "schedule", "send_now"] as const;
export type CampaignIntent = (typeof campaignIntents)[number];

/** What the form shows: the stored draft, or what staff typed when it was refused. */
export interface CampaignFormValues {
  kind: CampaignKind;
  subject: string;
  markdown: string;
  topics: readonly string[];
  scheduleAt: string;
}

export interface CampaignLine {
  campaign: Campaign;
  progress: CampaignProgress | undefined;
  author: string;
}

const statusKey = (status: CampaignStatus) => `newsletter-admin.status.${status}` as const;
const kindKey = (kind: CampaignKind) => `newsletter-admin.kind.${kind}` as const;

const progressColumns: [keyof CampaignProgress, MessageKey][] = [
  ["recipients", "newsletter-admin.count.recipients"],
  ["queued", "newsletter-admin.count.queued"],
  ["held", "newsletter-admin.count.held"],
  ["sent", "newsletter-admin.count.sent"],
  ["failed", "newsletter-admin.count.failed"],
  ["cancelled", "newsletter-admin.count.cancelled"],
  ["removed", "newsletter-admin.count.removed"],
  ["unsubscribedAfterwards", "newsletter-admin.count.unsubscribed"],
];

function When(props: { at: Date | null; format: Intl.DateTimeFormat }): VNode {
  const { at, format } = props;
  return at ? <time dateTime={at.toISOString()}>{format.format(at)}</time> : <>—</>;
}

function timeFormat(context: BackOfficeContext, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(`${context.locale}-BE`, {
    timeZone,
    dateStyle: "short",
    timeStyle: "short",
  });
}

export function CampaignListPage(props: {
  context: BackOfficeContext;
  lines: readonly CampaignLine[];
  timeZone: string;
}): VNode {
  const { context, lines, timeZone } = props;
  const { t } = context;
  const format = timeFormat(context, timeZone);
  return (
    <AdminLayout context={context} title={t("newsletter-admin.list.title")}>
      <p>{t("newsletter-admin.list.intro")}</p>
      <p>
        <a href="/admin/newsletter/campaigns/new">{t("newsletter-admin.list.new")}</a>
      </p>
      {lines.length === 0 ? (
        <p role="status">{t("newsletter-admin.list.empty")}</p>
      ) : (
        <ScrollableTable label={t("newsletter-admin.list.label")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("newsletter-admin.col.subject")}</th>
                <th scope="col">{t("newsletter-admin.col.kind")}</th>
                <th scope="col">{t("newsletter-admin.col.status")}</th>
                <th scope="col">{t("newsletter-admin.col.when")}</th>
                <th scope="col">{t("newsletter-admin.col.author")}</th>
                {progressColumns.map(([key, label]) => (
                  <th key={key} scope="col">
                    {t(label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map(({ campaign, progress, author }) => (
                <tr key={campaign.id}>
                  <td>
                    <a href={`/admin/newsletter/campaigns/${campaign.id}`}>{campaign.subject}</a>
                  </td>
                  <td>{t(kindKey(campaign.kind))}</td>
                  <td>{t(statusKey(campaign.status))}</td>
                  <td>
                    <When at={campaign.startedAt ?? campaign.scheduledAt} format={format} />
                  </td>
                  <td>{author}</td>
                  {progressColumns.map(([key]) => (
                    <td key={key}>{progress ? progress[key] : 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </AdminLayout>
  );
}

function Progress(props: { context: BackOfficeContext; progress: CampaignProgress }): VNode {
  const { context, progress } = props;
  const { t } = context;
  return (
    <section aria-labelledby="campaign-progress">
      <h2 id="campaign-progress">{t("newsletter-admin.progress.title")}</h2>
      {progress.recipients === 0 ? (
        <p role="status">{t("newsletter-admin.progress.none")}</p>
      ) : (
        <ScrollableTable label={t("newsletter-admin.progress.label")}>
          <table>
            <thead>
              <tr>
                {progressColumns.map(([key, label]) => (
                  <th key={key} scope="col">
                    {t(label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {progressColumns.map(([key]) => (
                  <td key={key} data-count={key}>
                    {progress[key]}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <p>{t("newsletter-admin.sending.note")}</p>
    </section>
  );
}

function Preview(props: {
  context: BackOfficeContext;
  preview: RenderedCampaign;
  sampleName: string;
}): VNode {
  const { context, preview, sampleName } = props;
  const { t } = context;
  return (
    <section aria-labelledby="campaign-preview">
      <h2 id="campaign-preview">{t("newsletter-admin.preview.title")}</h2>
      <p>{t("newsletter-admin.preview.intro", { name: sampleName })}</p>
      <dl>
        <dt>{t("newsletter-admin.preview.subject")}</dt>
        <dd>{preview.subject}</dd>
      </dl>
      <h3>{t("newsletter-admin.preview.html")}</h3>
      <article class="campaign-preview" lang={context.locale}>
        {/* Raw HTML on purpose: the mail's HTML part as readers get it. markdown-it ran with html: false and every personal value is escaped (campaign-render.ts). */}
        <div dangerouslySetInnerHTML={{ __html: preview.htmlBody }} />
      </article>
      <h3 id="campaign-preview-text">{t("newsletter-admin.preview.text")}</h3>
      {/* Long lines scroll sideways on a phone: keyboard users must reach them (axe). */}
      <pre
        class="campaign-text"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll it
        tabIndex={0}
      >
        {preview.text}
      </pre>
    </section>
  );
}

function CampaignForm(props: {
  context: BackOfficeContext;
  action: string;
  values: CampaignFormValues;
  topics: readonly TopicChoice[];
  timeZone: string;
}): VNode {
  const { context, action, values, topics, timeZone } = props;
  const { t } = context;
  return (
    <form method="post" action={action} aria-label={t("newsletter-admin.form.label")}>
      <CsrfField token={context.csrf} />
      <fieldset>
        <legend>{t("newsletter-admin.field.kind")}</legend>
        {campaignKinds.map((kind) => (
          <label key={kind}>
            <input type="radio" name="kind" value={kind} checked={values.kind === kind} />{" "}
            <strong>{t(kindKey(kind))}</strong>: {t(`newsletter-admin.kind.${kind}.hint`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t("newsletter-admin.field.subject")}
        <input type="text" name="subject" value={values.subject} required maxLength={200} />
      </label>
      <label>
        {t("newsletter-admin.field.markdown")}
        <textarea name="markdown" rows={16} required aria-describedby="campaign-markdown-hint">
          {values.markdown}
        </textarea>
        <small id="campaign-markdown-hint">
          {t("newsletter-admin.field.markdown.hint", { placeholder: "{{name}}" })}
        </small>
      </label>
      <fieldset aria-describedby="campaign-topics-hint">
        <legend>{t("newsletter-admin.field.topics")}</legend>
        <small id="campaign-topics-hint">{t("newsletter-admin.field.topics.hint")}</small>
        {topics.map((topic) => (
          <label key={topic.id}>
            <input
              type="checkbox"
              name="topics"
              value={topic.id}
              checked={values.topics.includes(topic.id)}
            />{" "}
            {topic.name}
          </label>
        ))}
      </fieldset>
      <label>
        {t("newsletter-admin.field.schedule_at", { zone: timeZone })}
        <input type="datetime-local" name="scheduleAt" value={values.scheduleAt} />
      </label>
      <div class="actions">
        <button type="submit" name="intent" value="save">
          {t("newsletter-admin.action.save")}
        </button>{" "}
        <button type="submit" name="intent" value="test" class="secondary">
          {t("newsletter-admin.action.test")}
        </button>{" "}
        <button type="submit" name="intent" value="schedule" class="secondary">
          {t("newsletter-admin.action.schedule")}
        </button>{" "}
        <button type="submit" name="intent" value="send_now" class="contrast">
          {t("newsletter-admin.action.send_now")}
        </button>
      </div>
    </form>
  );
}

export function CampaignPage(props: {
  context: BackOfficeContext;
  /** Undefined for a new campaign. */
  campaign: Campaign | undefined;
  author: string | undefined;
  values: CampaignFormValues;
  topics: readonly TopicChoice[];
  progress: CampaignProgress | undefined;
  preview: RenderedCampaign | undefined;
  sampleName: string;
  timeZone: string;
  notice?: string | undefined;
  error?: string | undefined;
}): VNode {
  const { context, campaign, author, values, topics, progress, preview, timeZone } = props;
  const { t } = context;
  const format = timeFormat(context, timeZone);
  const editable = !campaign || campaign.status === "draft";
  const base = campaign
    ? `/admin/newsletter/campaigns/${campaign.id}`
    : "/admin/newsletter/campaigns";
  const facts: [string, ComponentChildren][] = campaign
    ? [
        [t("newsletter-admin.field.status"), t(statusKey(campaign.status))],
        [t("newsletter-admin.field.kind"), t(kindKey(campaign.kind))],
        [t("newsletter-admin.col.author"), author ?? "—"],
        [t("newsletter-admin.field.created"), <When at={campaign.createdAt} format={format} />],
        [t("newsletter-admin.field.scheduled"), <When at={campaign.scheduledAt} format={format} />],
        [t("newsletter-admin.field.started"), <When at={campaign.startedAt} format={format} />],
        [t("newsletter-admin.field.finished"), <When at={campaign.finishedAt} format={format} />],
      ]
    : [];
  return (
    <AdminLayout
      context={context}
      title={
        campaign
          ? t("newsletter-admin.edit.title", { subject: campaign.subject })
          : t("newsletter-admin.new.title")
      }
      notice={props.notice}
    >
      {props.error && (
        <p role="alert" class="form-error">
          {props.error}
        </p>
      )}
      <p>
        <a href="/admin/newsletter/campaigns">{t("newsletter-admin.list.title")}</a>
      </p>
      {facts.length > 0 && (
        <dl class="record-entry">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {campaign && campaign.status !== "draft" && progress && (
        <Progress context={context} progress={progress} />
      )}
      {editable ? (
        <CampaignForm
          context={context}
          action={base}
          values={values}
          topics={topics}
          timeZone={timeZone}
        />
      ) : (
        <>
          <p>{t("newsletter-admin.readonly")}</p>
          {campaign?.status === "scheduled" && (
            <form method="post" action={`${base}/unschedule`} class="inline-form">
              <CsrfField token={context.csrf} />
              <button type="submit" class="secondary">
                {t("newsletter-admin.action.unschedule")}
              </button>
            </form>
          )}
        </>
      )}
      {preview && <Preview context={context} preview={preview} sampleName={props.sampleName} />}
    </AdminLayout>
  );
}
