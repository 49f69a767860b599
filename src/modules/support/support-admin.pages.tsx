import type { ComponentChildren, VNode } from "preact";
import { FactList, ScrollableTable } from "../../core/http/index.ts";
import type { CustomerContact } from "../customers/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { SessionStatus } from "./support.tables.ts";
import type { SupportSessionView } from "./support-admin-sessions.ts";

/** Dates and times as the technician reads them, in the organisation's time zone. */
export interface TimeFormat {
  timeZone: string;
}

function When({
  at,
  format,
  context,
}: {
  at: Date;
  format: TimeFormat;
  context: BackOfficeContext;
}) {
  const text = new Intl.DateTimeFormat(`${context.locale}-BE`, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: format.timeZone,
  }).format(at);
  return <time dateTime={at.toISOString()}>{text}</time>;
}

const statusKey = (status: SessionStatus) => `support.status.${status}` as const;

/** The big code: read out digit by digit, so it is grouped 3 + 3 and never wraps. */
const pageStyle = `
.support-code { font-size: clamp(2.5rem, 12vw, 4rem); font-weight: 700; letter-spacing: 0.15em;
  font-variant-numeric: tabular-nums; white-space: nowrap; margin: 0.25rem 0 0.5rem; }
.support-secret { font-size: 1.5rem; overflow-wrap: anywhere; }
.support-actions > section { margin-top: 2rem; }
`;

function PageStyle({ context }: { context: BackOfficeContext }): VNode {
  return <style nonce={context.styleNonce}>{pageStyle}</style>;
}

function ErrorText({ message }: { message: string | undefined }): VNode | null {
  return message ? (
    <p role="alert" class="form-error">
      {message}
    </p>
  ) : null;
}

export function SupportListPage(props: {
  context: BackOfficeContext;
  sessions: readonly SupportSessionView[];
  customerNumbers: ReadonlyMap<string, string>;
  format: TimeFormat;
  customer?: string | undefined;
  error?: string | undefined;
}): VNode {
  const { context, sessions, customerNumbers, format, error } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("support.list.title")}>
      <p>{t("support.list.intro")}</p>
      {sessions.length === 0 ? (
        <p role="status">{t("support.list.empty")}</p>
      ) : (
        <ScrollableTable label={t("support.list.table")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("support.col.started")}</th>
                <th scope="col">{t("support.col.customer")}</th>
                <th scope="col">{t("support.col.status")}</th>
                <th scope="col">{t("support.col.session")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    <When at={session.startedAt} format={format} context={context} />
                  </td>
                  <td>{customerNumbers.get(session.customerId) ?? "—"}</td>
                  <td>{t(statusKey(session.status))}</td>
                  <td>
                    <a href={`/admin/support/sessions/${session.id}`}>{t("support.col.open")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <section aria-labelledby="support-start">
        <h2 id="support-start">{t("support.list.start")}</h2>
        <form method="get" action="/admin/support/new" class="narrow-form">
          <ErrorText message={error} />
          <label>
            {t("support.list.customer")}
            <input
              type="text"
              name="customer"
              required
              maxLength={40}
              autocomplete="off"
              value={props.customer ?? ""}
            />
          </label>
          <button type="submit">{t("support.list.choose")}</button>
        </form>
      </section>
    </AdminLayout>
  );
}

export function NewSessionPage(props: {
  context: BackOfficeContext;
  customer: { id: string; number: string };
  contacts: readonly CustomerContact[];
  error?: string | undefined;
}): VNode {
  const { context, customer, contacts, error } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("support.new.title", { number: customer.number })}>
      {contacts.length === 0 ? (
        <p role="status">{t("support.new.no_contacts")}</p>
      ) : (
        <form method="post" action="/admin/support/sessions" class="narrow-form">
          <CsrfField token={context.csrf} />
          <input type="hidden" name="customer" value={customer.id} />
          <ErrorText message={error} />
          <fieldset aria-describedby="support-person-hint">
            <legend>{t("support.new.person")}</legend>
            <small id="support-person-hint">{t("support.new.person.hint")}</small>
            {contacts.map((contact) => (
              <label key={contact.subjectId}>
                <input
                  type="radio"
                  name="subject"
                  value={contact.subjectId}
                  required
                  checked={contacts.length === 1}
                />
                {contact.name ?? t("support.new.erased")}
                {contact.role ? ` (${contact.role})` : ""}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t("support.new.submit")}</button>
        </form>
      )}
    </AdminLayout>
  );
}

export interface SessionPageProps {
  context: BackOfficeContext;
  session: SupportSessionView;
  customerNumber: string | undefined;
  technicianName: string;
  /** The signed-in staff member is the session's technician: only they act on it. */
  mine: boolean;
  /** The code to read out, while the session waits and this process still holds it. */
  code: string | undefined;
  connectUrl: string;
  /** Shown once, in the response to the reveal post, never in a URL. */
  revealed?: { teamviewerId: string; password: string } | undefined;
  revealNone?: boolean;
  idKept: boolean | undefined;
  format: TimeFormat;
  notice?: string | undefined;
  error?: string | undefined;
}

export function SessionPage(props: SessionPageProps): VNode {
  const { context, session, mine, code, revealed, format, notice, error } = props;
  const { t } = context;
  const rows: [string, ComponentChildren][] = [
    [t("support.session.customer"), props.customerNumber ?? "—"],
    [t("support.session.technician"), props.technicianName],
    [t("support.session.status"), t(statusKey(session.status))],
    [
      t("support.session.started"),
      <When at={session.startedAt} format={format} context={context} />,
    ],
  ];
  if (session.handover) {
    rows.push([t("support.session.handover"), t(`support.handover.${session.handover}`)]);
  }
  if (session.connectedAt) {
    rows.push([
      t("support.session.connected"),
      <When at={session.connectedAt} format={format} context={context} />,
    ]);
  }
  if (session.endedAt) {
    const minutes = Math.max(
      0,
      Math.round((session.endedAt.getTime() - session.startedAt.getTime()) / 60_000),
    );
    rows.push([
      t("support.session.ended"),
      <When at={session.endedAt} format={format} context={context} />,
    ]);
    rows.push([t("support.session.duration"), t("support.session.minutes", { minutes })]);
    if (props.idKept !== undefined) {
      rows.push([
        t("support.session.id_kept"),
        props.idKept ? t("support.session.id_kept.yes") : t("support.session.id_kept.no"),
      ]);
    }
  }
  const base = `/admin/support/sessions/${session.id}`;
  return (
    <AdminLayout context={context} title={t("support.session.title")} notice={notice}>
      <PageStyle context={context} />
      <ErrorText message={error} />
      {!mine && <p>{t("support.session.readonly")}</p>}
      {session.status === "waiting" && mine && (
        <section aria-labelledby="support-code">
          <h2 id="support-code">{t("support.code.title")}</h2>
          {code ? (
            <>
              <p class="support-code">
                <span aria-hidden="true">
                  {code.slice(0, 3)} {code.slice(3)}
                </span>
                {/* Screen readers read it digit by digit, as the customer hears it. */}
                <span class="visually-hidden">{code.split("").join(" ")}</span>
              </p>
              <p>
                {t("support.code.read_out", { url: props.connectUrl })}{" "}
                {t("support.code.valid_until", {
                  time: new Intl.DateTimeFormat(`${context.locale}-BE`, {
                    timeStyle: "short",
                    timeZone: format.timeZone,
                  }).format(session.codeExpiresAt),
                })}
              </p>
            </>
          ) : (
            <p>{t("support.code.gone")}</p>
          )}
        </section>
      )}
      <FactList id="support-fields" title={t("support.session.title")} titleHidden rows={rows} />
      {mine && session.status !== "ended" && (
        <div class="support-actions">
          {session.status === "waiting" && <PhoneForm context={context} action={`${base}/phone`} />}
          {session.status === "connected" && (
            <section aria-labelledby="support-reveal">
              <h2 id="support-reveal">{t("support.reveal.title")}</h2>
              {revealed ? (
                <>
                  <dl class="record-entry">
                    <div>
                      <dt>{t("support.reveal.teamviewer_id")}</dt>
                      <dd>
                        <code class="support-secret">{revealed.teamviewerId}</code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t("support.reveal.password")}</dt>
                      <dd>
                        <code class="support-secret">{revealed.password}</code>
                      </dd>
                    </div>
                  </dl>
                  <p>
                    <small>{t("support.reveal.once")}</small>
                  </p>
                </>
              ) : (
                <>
                  {props.revealNone && <p role="status">{t("support.reveal.none")}</p>}
                  <p>{t("support.reveal.intro")}</p>
                  <form method="post" action={`${base}/reveal`} class="inline-form">
                    <CsrfField token={context.csrf} />
                    <button type="submit">{t("support.reveal.submit")}</button>
                  </form>
                </>
              )}
            </section>
          )}
          <section aria-labelledby="support-end">
            <h2 id="support-end">{t("support.end.title")}</h2>
            <p>{t("support.end.intro")}</p>
            <form method="post" action={`${base}/end`} class="narrow-form">
              <CsrfField token={context.csrf} />
              <label for="support-summary">
                {t("support.end.summary")}
                <textarea
                  id="support-summary"
                  name="summary"
                  rows={4}
                  maxLength={5_000}
                  aria-describedby="support-summary-hint"
                />
                <small id="support-summary-hint">{t("support.end.summary.hint")}</small>
              </label>
              <button type="submit" class="secondary">
                {t("support.end.submit")}
              </button>
            </form>
          </section>
        </div>
      )}
    </AdminLayout>
  );
}

function PhoneForm({ context, action }: { context: BackOfficeContext; action: string }): VNode {
  const { t } = context;
  return (
    <section aria-labelledby="support-phone">
      <h2 id="support-phone">{t("support.phone.title")}</h2>
      <p>{t("support.phone.intro")}</p>
      {/* Never prefilled: after a refusal the technician types the password again. */}
      <form method="post" action={action} class="narrow-form">
        <CsrfField token={context.csrf} />
        <label>
          {t("support.phone.teamviewer_id")}
          <input
            type="text"
            name="teamviewerId"
            inputmode="numeric"
            autocomplete="off"
            required
            maxLength={20}
          />
        </label>
        <label>
          {t("support.phone.password")}
          <input type="password" name="password" autocomplete="off" required maxLength={100} />
        </label>
        <label>
          <input type="checkbox" name="objected" value="yes" />
          {t("support.phone.objected")}
        </label>
        <button type="submit">{t("support.phone.submit")}</button>
      </form>
    </section>
  );
}
