import type { ComponentChildren, VNode } from "preact";
import {
  Day,
  FactList,
  FilterForm,
  KeysetPager,
  ScrollableTable,
  SelectFilter,
  TextFilter,
} from "../../core/http/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { ImportProblem } from "./subscriber-import.ts";
import {
  type ConsentEvent,
  type NewsletterCounts,
  type SubscriberLine,
  type SubscriberState,
  subscriberStates,
} from "./subscriber-list.ts";
import type { TopicChoice } from "./topics.ts";

export interface SubscriberSearch {
  state: SubscriberState | "";
  topic: string;
  email: string;
  name: string;
}

function shown(context: BackOfficeContext, value: string | null): ComponentChildren {
  return value ?? <em>{context.t("newsletter-subscribers.erased")}</em>;
}

function stateOf(line: Pick<SubscriberLine, "topics" | "undeliverableAt">): SubscriberState {
  if (line.undeliverableAt) return "undeliverable";
  return line.topics.length > 0 ? "subscribed" : "unsubscribed";
}

function topicNames(topics: readonly string[], choices: readonly TopicChoice[]): string {
  return topics.map((id) => choices.find((choice) => choice.id === id)?.name ?? id).join(", ");
}

export function SubscriberListPage(props: {
  context: BackOfficeContext;
  search: SubscriberSearch;
  counts: NewsletterCounts;
  topics: readonly TopicChoice[];
  lines: readonly SubscriberLine[];
  olderHref: string | undefined;
  newestHref: string | undefined;
}): VNode {
  const { context, search, counts, topics, lines, olderHref, newestHref } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("newsletter-subscribers.title")}>
      <p>{t("newsletter-subscribers.read_logged")}</p>
      <section aria-labelledby="newsletter-counts">
        <h2 id="newsletter-counts">{t("newsletter-subscribers.counts")}</h2>
        <ul>
          <li>{t("newsletter-subscribers.count.subscribed", { n: counts.subscribed })}</li>
          {topics.map((topic) => (
            <li key={topic.id}>
              {t("newsletter-subscribers.count.topic", {
                topic: topic.name,
                n: counts.topics[topic.id] ?? 0,
              })}
            </li>
          ))}
          <li>{t("newsletter-subscribers.count.unsubscribed", { n: counts.unsubscribed })}</li>
          <li>{t("newsletter-subscribers.count.undeliverable", { n: counts.undeliverable })}</li>
          <li>{t("newsletter-subscribers.count.pending", { n: counts.pendingSignups })}</li>
        </ul>
        <p>
          <a href="/admin/newsletter/import">{t("newsletter-subscribers.import.link")}</a>
        </p>
      </section>
      <FilterForm
        action="/admin/newsletter/subscribers"
        label={t("newsletter-subscribers.filter.label")}
        submitLabel={t("newsletter-subscribers.filter.submit")}
        clearLabel={t("newsletter-subscribers.filter.clear")}
      >
        <SelectFilter
          label={t("newsletter-subscribers.filter.state")}
          name="state"
          value={search.state}
          allLabel={t("newsletter-subscribers.filter.all")}
          options={subscriberStates.map((state) => ({
            value: state,
            label: t(`newsletter-subscribers.state.${state}`),
          }))}
        />
        <SelectFilter
          label={t("newsletter-subscribers.filter.topic")}
          name="topic"
          value={search.topic}
          allLabel={t("newsletter-subscribers.filter.all")}
          options={topics.map((topic) => ({ value: topic.id, label: topic.name }))}
        />
        <TextFilter
          label={t("newsletter-subscribers.filter.email")}
          name="email"
          value={search.email}
          type="email"
        />
        <TextFilter
          label={t("newsletter-subscribers.filter.name")}
          name="name"
          value={search.name}
        />
      </FilterForm>
      {lines.length === 0 ? (
        <p role="status">{t("newsletter-subscribers.empty")}</p>
      ) : (
        <ScrollableTable label={t("newsletter-subscribers.table.label")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("newsletter-subscribers.col.name")}</th>
                <th scope="col">{t("newsletter-subscribers.col.email")}</th>
                <th scope="col">{t("newsletter-subscribers.col.topics")}</th>
                <th scope="col">{t("newsletter-subscribers.col.since")}</th>
                <th scope="col">{t("newsletter-subscribers.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    <a href={`/admin/newsletter/subscribers/${line.id}`}>
                      {shown(context, line.name || line.email)}
                    </a>
                  </td>
                  <td>{shown(context, line.email)}</td>
                  <td>
                    {line.topics.length > 0
                      ? topicNames(line.topics, topics)
                      : t("newsletter-subscribers.none")}
                  </td>
                  <td>
                    <Day at={line.createdAt} />
                  </td>
                  <td>{t(`newsletter-subscribers.state.${stateOf(line)}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <KeysetPager
        newestHref={newestHref}
        olderHref={olderHref}
        newestLabel={t("newsletter-subscribers.newest")}
        olderLabel={t("newsletter-subscribers.older")}
      />
    </AdminLayout>
  );
}

export function SubscriberPage(props: {
  context: BackOfficeContext;
  subscriber: SubscriberLine;
  history: readonly ConsentEvent[];
  topics: readonly TopicChoice[];
  notice?: string | undefined;
}): VNode {
  const { context, subscriber, history, topics, notice } = props;
  const { t } = context;
  const rows: [string, ComponentChildren][] = [
    [t("newsletter-subscribers.col.name"), shown(context, subscriber.name)],
    [t("newsletter-subscribers.col.email"), shown(context, subscriber.email)],
    [
      t("newsletter-subscribers.col.topics"),
      subscriber.topics.length > 0
        ? topicNames(subscriber.topics, topics)
        : t("newsletter-subscribers.none"),
    ],
    [
      t("newsletter-subscribers.col.state"),
      t(`newsletter-subscribers.state.${stateOf(subscriber)}`),
    ],
    [t("newsletter-subscribers.detail.locale"), subscriber.locale],
    [t("newsletter-subscribers.col.since"), <Day at={subscriber.createdAt} />],
    [t("newsletter-subscribers.detail.unsubscribed"), <Day at={subscriber.unsubscribedAt} />],
    [t("newsletter-subscribers.detail.undeliverable"), <Day at={subscriber.undeliverableAt} />],
  ];
  return (
    <AdminLayout
      context={context}
      title={t("newsletter-subscribers.detail.title", {
        name: subscriber.name || subscriber.email || "—",
      })}
      notice={notice}
    >
      <p>{t("newsletter-subscribers.detail.read_logged")}</p>
      <FactList
        id="subscriber-fields"
        title={t("newsletter-subscribers.col.state")}
        titleHidden
        rows={rows}
      />
      <ConsentHistory context={context} history={history} topics={topics} />
      {subscriber.topics.length > 0 && (
        <section aria-labelledby="subscriber-unsubscribe">
          <h2 id="subscriber-unsubscribe">{t("newsletter-subscribers.unsubscribe.title")}</h2>
          <form
            method="post"
            action={`/admin/newsletter/subscribers/${subscriber.id}/unsubscribe`}
            class="narrow-form"
          >
            <CsrfField token={context.csrf} />
            <p>
              <small>{t("newsletter-subscribers.unsubscribe.hint")}</small>
            </p>
            <button type="submit">{t("newsletter-subscribers.unsubscribe.submit")}</button>
          </form>
        </section>
      )}
      <p>
        <a href="/admin/newsletter/subscribers">{t("newsletter-subscribers.back")}</a>
      </p>
    </AdminLayout>
  );
}

function ConsentHistory(props: {
  context: BackOfficeContext;
  history: readonly ConsentEvent[];
  topics: readonly TopicChoice[];
}): VNode {
  const { context, history, topics } = props;
  const { t } = context;
  return (
    <section aria-labelledby="subscriber-history">
      <h2 id="subscriber-history">{t("newsletter-subscribers.history.title")}</h2>
      <p>{t("newsletter-subscribers.history.lead")}</p>
      <ScrollableTable label={t("newsletter-subscribers.history.label")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("newsletter-subscribers.history.topic")}</th>
              <th scope="col">{t("newsletter-subscribers.history.given")}</th>
              <th scope="col">{t("newsletter-subscribers.history.source")}</th>
              <th scope="col">{t("newsletter-subscribers.history.version")}</th>
              <th scope="col">{t("newsletter-subscribers.history.ip")}</th>
              <th scope="col">{t("newsletter-subscribers.history.wording")}</th>
              <th scope="col">{t("newsletter-subscribers.history.withdrawn")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((event) => (
              <tr key={event.id}>
                <td>{topicNames([event.topic], topics)}</td>
                <td>
                  <Day at={event.givenAt} />
                  {event.requestedAt && (
                    <>
                      <br />
                      <small>
                        {t("newsletter-subscribers.history.requested", {
                          day: isoDay(event.requestedAt),
                        })}
                      </small>
                    </>
                  )}
                </td>
                <td>
                  {event.source}
                  {event.sourceDetail && (
                    <>
                      <br />
                      <small>{event.sourceDetail}</small>
                    </>
                  )}
                </td>
                <td>
                  <code>{event.policyVersion.slice(0, 12)}</code>
                </td>
                <td>{event.ip ?? "—"}</td>
                <td lang={event.locale}>{event.wording}</td>
                <td>
                  <Day at={event.withdrawnAt} />
                  {event.withdrawnVia && (
                    <>
                      <br />
                      <small>{event.withdrawnVia}</small>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}

export function SubscriberImportPage(props: {
  context: BackOfficeContext;
  topicIds: readonly string[];
  imported?: number | undefined;
  problems?: readonly ImportProblem[] | undefined;
  error?: string | undefined;
  maxRows: number;
}): VNode {
  const { context, topicIds, imported, problems, error, maxRows } = props;
  const { t } = context;
  return (
    <AdminLayout
      context={context}
      title={t("newsletter-subscribers.import.title")}
      notice={
        imported === undefined
          ? undefined
          : t("newsletter-subscribers.import.done", { n: imported })
      }
    >
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {problems && problems.length > 0 && (
        <div role="alert" class="form-error">
          <p>{t("newsletter-subscribers.import.refused")}</p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.line}-${problem.code}`}>
                {t("newsletter-subscribers.import.line", {
                  line: problem.line,
                  problem: t(`newsletter-subscribers.import.problem.${problem.code}`, {
                    max: maxRows,
                  }),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{t("newsletter-subscribers.import.lead")}</p>
      <p id="import-columns">
        {t("newsletter-subscribers.import.columns", { topics: topicIds.join(", ") })}
      </p>
      <form
        method="post"
        action="/admin/newsletter/import"
        enctype="multipart/form-data"
        class="narrow-form"
      >
        <CsrfField token={context.csrf} />
        <label>
          {t("newsletter-subscribers.import.file")}
          <input
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby="import-columns"
          />
        </label>
        <button type="submit">{t("newsletter-subscribers.import.submit")}</button>
      </form>
      <p>
        <a href="/admin/newsletter/subscribers">{t("newsletter-subscribers.back")}</a>
      </p>
    </AdminLayout>
  );
}
