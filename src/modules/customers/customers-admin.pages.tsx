import { type ComponentChildren, Fragment, type VNode } from "preact";
import { Day, KeysetPager, ScrollableTable } from "../../core/http/index.ts";
import type { Locale } from "../../core/i18n/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { RetentionWhy } from "../records/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { CustomerPageData, PartRetention } from "./customer-page-data.ts";
import { customerKinds } from "./customers.tables.ts";
import type { CustomerListLine } from "./customers-admin-queries.ts";
import { type DossierItemKind, dossierItemKinds } from "./dossier.tables.ts";

export interface CustomerSearch {
  number: string;
  email: string;
  name: string;
}

/** What the new-customer form holds, so a refused form comes back as it was typed. */
export interface NewCustomerForm {
  kind: string;
  companyName: string;
  email: string;
  name: string;
  role: string;
  service: string;
  startsOn: string;
}

// One formatter per language, as orders' formatEuro writes it: building an Intl.NumberFormat
// costs about 60 µs, and a customer page shows dozens of amounts.
const euroFormats = new Map<Locale, Intl.NumberFormat>();
function euro(cents: number, locale: Locale): string {
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === "en" ? "en-IE" : `${locale}-BE`, {
      style: "currency",
      currency: "EUR",
    });
    euroFormats.set(locale, format);
  }
  return format.format(cents / 100);
}

/** A decrypted value, or "erased" once the person's key was shredded. */
function shown(context: BackOfficeContext, value: string | null | undefined): ComponentChildren {
  return value ?? <em>{context.t("customers-admin.erased")}</em>;
}

const kindKey = (kind: DossierItemKind) => `customers-admin.dossier.kind.${kind}` as const;

function ErrorText({ error }: { error: string | undefined }): VNode | null {
  return error ? (
    <p role="alert" class="form-error">
      {error}
    </p>
  ) : null;
}

export function CustomerListPage(props: {
  context: BackOfficeContext;
  search: CustomerSearch;
  lines: readonly CustomerListLine[];
  olderHref: string | undefined;
  newestHref: string | undefined;
}): VNode {
  const { context, search, lines, olderHref, newestHref } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("customers-admin.list.title")}>
      <p>{t("customers-admin.list.read_logged")}</p>
      <p>
        <a href="/admin/customers/new">{t("customers-admin.new.link")}</a>
      </p>
      <form
        method="get"
        action="/admin/customers"
        class="filter-form"
        aria-label={t("customers-admin.filter.label")}
      >
        <label>
          {t("customers-admin.filter.number")}
          <input type="text" name="number" value={search.number} autocomplete="off" />
        </label>
        <label>
          {t("customers-admin.filter.email")}
          <input type="email" name="email" value={search.email} autocomplete="off" />
        </label>
        <label>
          {t("customers-admin.filter.name")}
          <input type="text" name="name" value={search.name} autocomplete="off" />
        </label>
        <button type="submit">{t("customers-admin.filter.submit")}</button>{" "}
        <a href="/admin/customers">{t("customers-admin.filter.clear")}</a>
      </form>
      {lines.length === 0 ? (
        <p role="status">{t("customers-admin.empty")}</p>
      ) : (
        <ScrollableTable label={t("customers-admin.table.label")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("customers-admin.col.number")}</th>
                <th scope="col">{t("customers-admin.col.name")}</th>
                <th scope="col">{t("customers-admin.col.agreement")}</th>
                <th scope="col">{t("customers-admin.col.created")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    <a href={`/admin/customers/${line.id}`}>{line.number}</a>
                  </td>
                  <td>
                    {line.companyName ?? (line.contact ? shown(context, line.contact.name) : "—")}
                  </td>
                  <td>
                    {line.running
                      ? t("customers-admin.running.yes")
                      : t("customers-admin.running.no")}
                  </td>
                  <td>
                    <Day at={line.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <KeysetPager
        newestHref={newestHref}
        olderHref={olderHref}
        newestLabel={t("customers-admin.newest")}
        olderLabel={t("customers-admin.older")}
      />
    </AdminLayout>
  );
}

export function NewCustomerPage(props: {
  context: BackOfficeContext;
  form: NewCustomerForm;
  error?: string | undefined;
}): VNode {
  const { context, form, error } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("customers-admin.new.title")}>
      <ErrorText error={error} />
      <form method="post" action="/admin/customers/new" class="narrow-form">
        <CsrfField token={context.csrf} />
        <fieldset>
          <legend>{t("customers-admin.field.kind")}</legend>
          {customerKinds.map((kind) => (
            <label key={kind}>
              <input type="radio" name="kind" value={kind} checked={form.kind === kind} />
              {t(`customers-admin.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("customers-admin.field.company")}
          <input type="text" name="companyName" value={form.companyName} maxLength={200} />
        </label>
        <fieldset>
          <legend>{t("customers-admin.new.contact")}</legend>
          <label>
            {t("customers-admin.field.email")}
            <input
              type="email"
              name="email"
              value={form.email}
              required
              maxLength={320}
              autocomplete="off"
            />
          </label>
          <label>
            {t("customers-admin.field.name")}
            <input
              type="text"
              name="name"
              value={form.name}
              required
              maxLength={200}
              autocomplete="off"
            />
          </label>
          <label>
            {t("customers-admin.field.role")}
            <input type="text" name="role" value={form.role} maxLength={100} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t("customers-admin.new.agreement")}</legend>
          <label>
            {t("customers-admin.field.service")}
            <input type="text" name="service" value={form.service} maxLength={200} />
          </label>
          <label>
            {t("customers-admin.field.starts_on")}
            <input type="date" name="startsOn" value={form.startsOn} />
          </label>
          <small>{t("customers-admin.new.agreement_hint")}</small>
        </fieldset>
        <button type="submit">{t("customers-admin.new.submit")}</button>
      </form>
      <p>
        <a href="/admin/customers">{t("customers-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}

function Retention(props: {
  context: BackOfficeContext;
  id: string;
  parts: readonly PartRetention[] | undefined;
}): VNode | null {
  const { context, id, parts } = props;
  const { t } = context;
  if (!parts || parts.length === 0) return null;
  return (
    <section class="retention-why" aria-labelledby={id}>
      <h3 id={id}>{t("customers-admin.retention.title")}</h3>
      {parts.map((part) => (
        <Fragment key={part.label}>
          {parts.length > 1 && (
            <p>
              <strong>{part.label}</strong>
            </p>
          )}
          <RetentionWhy
            explanation={part.explanation}
            holdsLead={t("customers-admin.retention.holds")}
            changesLead={t("customers-admin.retention.changes")}
          />
        </Fragment>
      ))}
    </section>
  );
}

function PersonSelect(props: {
  context: BackOfficeContext;
  data: CustomerPageData;
  id: string;
}): VNode {
  const { context, data, id } = props;
  return (
    <label for={id}>
      {context.t("customers-admin.field.person")}
      <select id={id} name="subjectId" required>
        {data.contacts
          .filter((contact) => contact.subjectId !== null && contact.name !== null)
          .map((contact) => (
            <option key={contact.id} value={contact.subjectId ?? ""}>
              {contact.name}
            </option>
          ))}
      </select>
    </label>
  );
}

export function CustomerPage(props: {
  context: BackOfficeContext;
  data: CustomerPageData;
  today: string;
  notice?: string | undefined;
  error?: string | undefined;
}): VNode {
  const { context, data, today, notice, error } = props;
  const { t } = context;
  const { customer } = data;
  const base = `/admin/customers/${customer.id}`;
  const title = t("customers-admin.customer.title", { number: customer.number });
  return (
    <AdminLayout context={context} title={title} notice={notice}>
      <ErrorText error={error} />
      <p>{t("customers-admin.customer.read_logged")}</p>
      <section class="record-entry" aria-labelledby="customer-fields">
        <h2 id="customer-fields" class="visually-hidden">
          {title}
        </h2>
        <dl>
          <div>
            <dt>{t("customers-admin.field.kind")}</dt>
            <dd>{t(`customers-admin.kind.${customer.kind}`)}</dd>
          </div>
          {customer.companyName && (
            <div>
              <dt>{t("customers-admin.field.company")}</dt>
              <dd>{customer.companyName}</dd>
            </div>
          )}
          <div>
            <dt>{t("customers-admin.col.agreement")}</dt>
            <dd>
              {customer.running
                ? t("customers-admin.running.yes")
                : t("customers-admin.running.no")}
            </dd>
          </div>
        </dl>
      </section>
      <Agreements context={context} data={data} base={base} today={today} />
      <Contacts context={context} data={data} base={base} />
      <Dossier context={context} data={data} base={base} today={today} />
      <Tickets context={context} data={data} base={base} />
      <Sessions context={context} data={data} />
      <Orders context={context} data={data} />
      <Requests context={context} data={data} />
      <EraseNow context={context} data={data} base={base} />
      <p>
        <a href="/admin/customers">{t("customers-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}

type PartProps = { context: BackOfficeContext; data: CustomerPageData; base: string };

function Agreements({ context, data, base, today }: PartProps & { today: string }): VNode {
  const { t } = context;
  const { agreements } = data.customer;
  return (
    <section aria-labelledby="customer-agreements">
      <h2 id="customer-agreements">{t("customers-admin.agreements.title")}</h2>
      {agreements.length === 0 ? (
        <p>{t("customers-admin.agreements.none")}</p>
      ) : (
        <ul>
          {agreements.map((agreement) => (
            <li key={agreement.id}>
              {agreement.status === "running"
                ? t("customers-admin.agreement.running", {
                    service: agreement.service,
                    from: agreement.startsOn,
                  })
                : t("customers-admin.agreement.ended", {
                    service: agreement.service,
                    from: agreement.startsOn,
                    to: agreement.endedAt ? isoDay(agreement.endedAt) : "—",
                  })}
              {agreement.status === "running" && (
                <form method="post" action={`${base}/agreements/end`} class="inline-form">
                  <CsrfField token={context.csrf} />
                  <input type="hidden" name="agreementId" value={agreement.id} />{" "}
                  <button type="submit" class="secondary">
                    {t("customers-admin.agreement.end", { service: agreement.service })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t("customers-admin.agreement.start")}</summary>
        <form method="post" action={`${base}/agreements`} class="narrow-form">
          <CsrfField token={context.csrf} />
          <label>
            {t("customers-admin.field.service")}
            <input type="text" name="service" required maxLength={200} />
          </label>
          <label>
            {t("customers-admin.field.starts_on")}
            <input type="date" name="startsOn" value={today} required />
          </label>
          <button type="submit">{t("customers-admin.agreement.start.submit")}</button>
        </form>
      </details>
    </section>
  );
}

function Contacts({ context, data, base }: PartProps): VNode {
  const { t } = context;
  return (
    <section aria-labelledby="customer-contacts">
      <h2 id="customer-contacts">{t("customers-admin.contacts.title")}</h2>
      <ScrollableTable label={t("customers-admin.contacts.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("customers-admin.field.name")}</th>
              <th scope="col">{t("customers-admin.field.role")}</th>
              <th scope="col">{t("customers-admin.contacts.since")}</th>
              <th scope="col">{t("customers-admin.newsletter.title")}</th>
            </tr>
          </thead>
          <tbody>
            {data.contacts.map((contact) => {
              const standing = data.newsletter.get(contact.id);
              return (
                <tr key={contact.id}>
                  <td>{shown(context, contact.name)}</td>
                  <td>{contact.role ?? "—"}</td>
                  <td>
                    <Day at={contact.createdAt} />
                  </td>
                  <td>
                    {!standing || standing.state === "none"
                      ? t("customers-admin.newsletter.none")
                      : standing.state === "unsubscribed"
                        ? t("customers-admin.newsletter.unsubscribed", {
                            date: isoDay(standing.on),
                          })
                        : t("customers-admin.newsletter.subscribed", {
                            topics: standing.topics.join(", ") || "—",
                          })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
      <Retention
        context={context}
        id="customer-contacts-retention"
        parts={data.retention.contacts}
      />
      <details>
        <summary>{t("customers-admin.contact.add")}</summary>
        <form method="post" action={`${base}/contacts`} class="narrow-form">
          <CsrfField token={context.csrf} />
          <label>
            {t("customers-admin.field.email")}
            <input type="email" name="email" required maxLength={320} autocomplete="off" />
          </label>
          <label>
            {t("customers-admin.field.name")}
            <input type="text" name="name" required maxLength={200} autocomplete="off" />
          </label>
          <label>
            {t("customers-admin.field.role")}
            <input type="text" name="role" maxLength={100} />
          </label>
          <button type="submit">{t("customers-admin.contact.add.submit")}</button>
        </form>
      </details>
    </section>
  );
}

function Dossier({ context, data, base, today }: PartProps & { today: string }): VNode {
  const { t } = context;
  const names = new Map(
    data.contacts.flatMap((contact) =>
      contact.subjectId ? [[contact.subjectId, contact.name] as const] : [],
    ),
  );
  const groups = dossierItemKinds
    .map((kind) => ({ kind, items: data.dossier.filter((item) => item.kind === kind) }))
    .filter((group) => group.items.length > 0);
  return (
    <section aria-labelledby="customer-dossier">
      <h2 id="customer-dossier">{t("customers-admin.dossier.title")}</h2>
      {groups.length === 0 && <p>{t("customers-admin.dossier.none")}</p>}
      {groups.map((group) => (
        <Fragment key={group.kind}>
          <h3 id={`dossier-${group.kind}`}>
            {t(kindKey(group.kind))} ({group.items.length})
          </h3>
          <ScrollableTable label={t(kindKey(group.kind))}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("customers-admin.field.value")}</th>
                  <th scope="col">{t("customers-admin.field.person")}</th>
                  <th scope="col">{t("customers-admin.field.note")}</th>
                  <th scope="col">{t("customers-admin.field.source")}</th>
                  <th scope="col">{t("customers-admin.field.recorded_on")}</th>
                </tr>
              </thead>
              <tbody>
                {group.items.map((item) => (
                  <tr key={item.id}>
                    <td class="contact-message">{shown(context, item.value)}</td>
                    <td>{item.subjectId ? shown(context, names.get(item.subjectId)) : "—"}</td>
                    <td class="contact-message">{item.note ?? "—"}</td>
                    <td>{item.source}</td>
                    <td>{item.recordedOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </Fragment>
      ))}
      <Retention context={context} id="customer-dossier-retention" parts={data.retention.dossier} />
      <details>
        <summary>{t("customers-admin.dossier.add")}</summary>
        <form method="post" action={`${base}/dossier`} class="narrow-form">
          <CsrfField token={context.csrf} />
          <label>
            {t("customers-admin.field.kind_of_item")}
            <select name="kind" required>
              {dossierItemKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(kindKey(kind))}
                </option>
              ))}
            </select>
          </label>
          <PersonSelect context={context} data={data} id="dossier-person" />
          <label>
            {t("customers-admin.field.value")}
            <input type="text" name="value" required maxLength={2000} autocomplete="off" />
          </label>
          <label>
            {t("customers-admin.field.note")}
            <textarea name="note" rows={3} maxLength={5000} />
          </label>
          <label>
            {t("customers-admin.field.source")}
            <input
              type="text"
              name="source"
              required
              maxLength={200}
              aria-describedby="dossier-source-hint"
            />
          </label>
          <small id="dossier-source-hint">{t("customers-admin.dossier.source_hint")}</small>
          <label>
            {t("customers-admin.field.recorded_on")}
            <input type="date" name="recordedOn" value={today} required />
          </label>
          <button type="submit">{t("customers-admin.dossier.add.submit")}</button>
        </form>
      </details>
    </section>
  );
}

function Tickets({ context, data, base }: PartProps): VNode {
  const { t } = context;
  return (
    <section aria-labelledby="customer-tickets">
      <h2 id="customer-tickets">{t("customers-admin.tickets.title")}</h2>
      {data.tickets.length === 0 ? (
        <p>{t("customers-admin.tickets.none")}</p>
      ) : (
        <ul class="contact-thread">
          {data.tickets.map((ticket) => (
            <li key={ticket.id}>
              <h3 id={`ticket-${ticket.id}`}>
                {ticket.number} · {shown(context, ticket.title)}
              </h3>
              <p>
                {t(`customers-admin.ticket.status.${ticket.status}`)} ·{" "}
                {t("customers-admin.ticket.opened")} <Day at={ticket.createdAt} />
                {ticket.closedAt && (
                  <>
                    {" · "}
                    {t("customers-admin.ticket.closed")} <Day at={ticket.closedAt} />
                  </>
                )}
              </p>
              {ticket.notes.length > 0 && (
                <ol>
                  {ticket.notes.map((note) => (
                    <li key={note.id}>
                      <p>
                        {data.staffNames.get(note.authorStaffId) ?? note.authorStaffId.slice(0, 8)}{" "}
                        · <Day at={note.createdAt} />
                      </p>
                      <p class="contact-message">{shown(context, note.body)}</p>
                    </li>
                  ))}
                </ol>
              )}
              <form method="post" action={`${base}/tickets/status`} class="inline-form">
                <CsrfField token={context.csrf} />
                <input type="hidden" name="ticketId" value={ticket.id} />
                <input
                  type="hidden"
                  name="status"
                  value={ticket.status === "open" ? "closed" : "open"}
                />
                <button type="submit" class="secondary">
                  {ticket.status === "open"
                    ? t("customers-admin.ticket.close", { number: ticket.number })
                    : t("customers-admin.ticket.reopen", { number: ticket.number })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {data.tickets.some((ticket) => ticket.status === "open") && (
        // One form for every open ticket: a form per ticket would double the page's size.
        <form method="post" action={`${base}/tickets/note`} class="narrow-form">
          <CsrfField token={context.csrf} />
          <label>
            {t("customers-admin.ticket.which")}
            <select name="ticketId" required>
              {data.tickets
                .filter((ticket) => ticket.status === "open")
                .map((ticket) => (
                  <option key={ticket.id} value={ticket.id}>
                    {ticket.number} · {ticket.title ?? t("customers-admin.erased")}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t("customers-admin.ticket.note")}
            <textarea name="text" rows={3} required maxLength={20000} />
          </label>
          <button type="submit">{t("customers-admin.ticket.note.submit")}</button>
        </form>
      )}
      <Retention context={context} id="customer-tickets-retention" parts={data.retention.tickets} />
      <details>
        <summary>{t("customers-admin.ticket.open")}</summary>
        <form method="post" action={`${base}/tickets`} class="narrow-form">
          <CsrfField token={context.csrf} />
          <label>
            {t("customers-admin.field.title")}
            <input type="text" name="title" required maxLength={300} autocomplete="off" />
          </label>
          <PersonSelect context={context} data={data} id="ticket-person" />
          <button type="submit">{t("customers-admin.ticket.open.submit")}</button>
        </form>
      </details>
    </section>
  );
}

function Sessions({ context, data }: Omit<PartProps, "base">): VNode {
  const { t } = context;
  return (
    <section aria-labelledby="customer-sessions">
      <h2 id="customer-sessions">{t("customers-admin.sessions.title")}</h2>
      <p>
        <a href={`/admin/support/new?customer=${data.customer.id}`}>
          {t("customers-admin.sessions.start")}
        </a>
      </p>
      {data.sessions.length === 0 ? (
        <p>{t("customers-admin.sessions.none")}</p>
      ) : (
        <ScrollableTable label={t("customers-admin.sessions.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("customers-admin.sessions.started")}</th>
                <th scope="col">{t("customers-admin.sessions.ended")}</th>
                <th scope="col">{t("customers-admin.col.status")}</th>
                <th scope="col">{t("customers-admin.sessions.technician")}</th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    <Day at={session.startedAt} />
                  </td>
                  <td>
                    <Day at={session.endedAt} />
                  </td>
                  <td>{t(`customers-admin.session.status.${session.status}`)}</td>
                  <td>
                    {data.staffNames.get(session.technicianId) ?? session.technicianId.slice(0, 8)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <Retention
        context={context}
        id="customer-sessions-retention"
        parts={data.retention.sessions}
      />
    </section>
  );
}

function Orders({ context, data }: Omit<PartProps, "base">): VNode {
  const { t, locale } = context;
  return (
    <section aria-labelledby="customer-orders">
      <h2 id="customer-orders">{t("customers-admin.orders.title")}</h2>
      {data.orders.length === 0 ? (
        <p>{t("customers-admin.orders.none")}</p>
      ) : (
        <ScrollableTable label={t("customers-admin.orders.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("customers-admin.col.number")}</th>
                <th scope="col">{t("customers-admin.col.created")}</th>
                <th scope="col">{t("customers-admin.col.status")}</th>
                <th scope="col">{t("customers-admin.orders.total")}</th>
              </tr>
            </thead>
            <tbody>
              {data.orders.map((order) => (
                <tr key={order.id}>
                  <td>
                    <a href={`/admin/orders/${order.id}`}>{order.number}</a>
                  </td>
                  <td>
                    <Day at={order.createdAt} />
                  </td>
                  <td>{t(`orders-admin.status.${order.status}`)}</td>
                  <td>{euro(order.grossCents, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <Retention context={context} id="customer-orders-retention" parts={data.retention.orders} />
    </section>
  );
}

function Requests({ context, data }: Omit<PartProps, "base">): VNode {
  const { t } = context;
  return (
    <section aria-labelledby="customer-requests">
      <h2 id="customer-requests">{t("customers-admin.requests.title")}</h2>
      {data.requests.length === 0 ? (
        <p>{t("customers-admin.requests.none")}</p>
      ) : (
        <ul>
          {data.requests.map((request) => (
            <li key={request.id}>
              <a href={`/admin/contact/${request.id}`}>{request.reference}</a> ·{" "}
              {t(`contact-admin.status.${request.status}`)} · <Day at={request.createdAt} />
            </li>
          ))}
        </ul>
      )}
      <Retention
        context={context}
        id="customer-requests-retention"
        parts={data.retention.requests}
      />
    </section>
  );
}

function EraseNow({ context, data, base }: PartProps): VNode {
  const { t } = context;
  return (
    <section aria-labelledby="customer-erase" class="no-print">
      <h2 id="customer-erase">{t("customers-admin.erase.title")}</h2>
      <p>{t("customers-admin.erase.lead")}</p>
      {data.customer.running && <p>{t("customers-admin.erase.running_hint")}</p>}
      {/* Erasure cannot be undone, so it takes a second, deliberate step; no JavaScript needed. */}
      <details>
        <summary>{t("customers-admin.erase.button")}</summary>
        <p>{t("customers-admin.erase.confirm")}</p>
        <form method="post" action={`${base}/erase`} class="inline-form">
          <CsrfField token={context.csrf} />
          <button type="submit" class="secondary">
            {t("customers-admin.erase.submit")}
          </button>
        </form>
      </details>
    </section>
  );
}
