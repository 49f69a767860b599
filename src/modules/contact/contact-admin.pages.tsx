import { type ComponentChildren, Fragment, type VNode } from "preact";
import {
  Day,
  FactList,
  FilterForm,
  KeysetPager,
  ScrollableTable,
  SelectFilter,
  TextFilter,
} from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import type { RetentionExplanation } from "../../datamap/index.ts";
import type { CustomerSummary } from "../customers/index.ts";
import { RetentionWhy } from "../records/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { type ContactStatus, contactStatuses } from "./contact.tables.ts";
import { CustomerPanel } from "./contact-customer.pages.tsx";
import type { ContactRequestView, InboxLine, Opened } from "./contact-inbox.ts";
import type { ContactNote } from "./contact-notes.ts";

export interface InboxSearch {
  status: ContactStatus | "";
  email: string;
  reference: string;
  name: string;
}

export interface StaffChoice {
  id: string;
  displayName: string;
}

/** A decrypted value, or "erased" when the person's key was shredded. */
function shown(context: BackOfficeContext, value: Opened): ComponentChildren {
  return value ?? <em>{context.t("contact-admin.erased")}</em>;
}

const statusKey = (status: ContactStatus) => `contact-admin.status.${status}` as const;

export function ContactInboxPage(props: {
  context: BackOfficeContext;
  search: InboxSearch;
  lines: InboxLine[];
  staffNames: ReadonlyMap<string, string>;
  /** The link to the next (older) page, or undefined on the last page. */
  olderHref: string | undefined;
  /** Set when this is not the first page. */
  newestHref: string | undefined;
}): VNode {
  const { context, search, lines, staffNames, olderHref, newestHref } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("contact-admin.inbox.title")}>
      <p>{t("contact-admin.inbox.read_logged")}</p>
      <FilterForm
        action="/admin/contact"
        label={t("contact-admin.filter.label")}
        submitLabel={t("contact-admin.filter.submit")}
        clearLabel={t("contact-admin.filter.clear")}
      >
        <SelectFilter
          label={t("contact-admin.filter.status")}
          name="status"
          value={search.status}
          allLabel={t("contact-admin.filter.all")}
          options={contactStatuses.map((status) => ({
            value: status,
            label: t(statusKey(status)),
          }))}
        />
        <TextFilter
          label={t("contact-admin.filter.email")}
          name="email"
          value={search.email}
          type="email"
        />
        <TextFilter
          label={t("contact-admin.filter.reference")}
          name="reference"
          value={search.reference}
        />
        <TextFilter label={t("contact-admin.filter.name")} name="name" value={search.name} />
      </FilterForm>
      {lines.length === 0 ? (
        <p role="status">{t("contact-admin.empty")}</p>
      ) : (
        <ScrollableTable label={t("contact-admin.table.label")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("contact-admin.col.reference")}</th>
                <th scope="col">{t("contact-admin.col.received")}</th>
                <th scope="col">{t("contact-admin.col.status")}</th>
                <th scope="col">{t("contact-admin.col.assignee")}</th>
                <th scope="col">{t("contact-admin.col.name")}</th>
                <th scope="col">{t("contact-admin.col.topic")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    <a href={`/admin/contact/${line.id}`}>{line.reference}</a>
                  </td>
                  <td>
                    <Day at={line.createdAt} />
                  </td>
                  <td>{t(statusKey(line.status))}</td>
                  <td>
                    {line.assignedTo
                      ? (staffNames.get(line.assignedTo) ?? line.assignedTo.slice(0, 8))
                      : t("contact-admin.unassigned")}
                  </td>
                  <td>{shown(context, line.name)}</td>
                  <td>{shown(context, line.topic)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <KeysetPager
        newestHref={newestHref}
        olderHref={olderHref}
        newestLabel={t("contact-admin.newest")}
        olderLabel={t("contact-admin.older")}
      />
    </AdminLayout>
  );
}

function Retention(props: {
  context: BackOfficeContext;
  explanation: RetentionExplanation;
}): VNode {
  const { context, explanation } = props;
  const { t } = context;
  return (
    <section aria-labelledby="contact-retention" class="retention-why">
      <h2 id="contact-retention">{t("contact-admin.retention.title")}</h2>
      <RetentionWhy
        explanation={explanation}
        holdsLead={t("contact-admin.retention.holds")}
        changesLead={t("contact-admin.retention.changes")}
      />
    </section>
  );
}

export function ContactRequestPage(props: {
  context: BackOfficeContext;
  request: ContactRequestView;
  notes: readonly ContactNote[];
  explanation: RetentionExplanation;
  customer: CustomerSummary | undefined;
  today: string;
  staff: StaffChoice[];
  staffNames: ReadonlyMap<string, string>;
  notice?: string | undefined;
  error?: string | undefined;
}): VNode {
  const { context, request, notes, explanation, customer, staff, staffNames, notice, error } =
    props;
  const { t } = context;
  const base = `/admin/contact/${request.id}`;
  const rows: [string, ComponentChildren][] = [
    [t("contact-admin.field.status"), t(statusKey(request.status))],
    [
      t("contact-admin.field.assignee"),
      request.assignedTo
        ? (staffNames.get(request.assignedTo) ?? request.assignedTo)
        : t("contact-admin.unassigned"),
    ],
    [t("contact-admin.field.name"), shown(context, request.name)],
    [t("contact-admin.field.email"), shown(context, request.email)],
    [
      t("contact-admin.field.phone"),
      request.phone === null && request.subjectId ? "—" : shown(context, request.phone),
    ],
    [t("contact-admin.field.ip"), shown(context, request.ip)],
    [t("contact-admin.field.topic"), shown(context, request.topic)],
    [t("contact-admin.field.received"), <Day at={request.createdAt} />],
    [t("contact-admin.field.updated"), <Day at={request.updatedAt} />],
    [t("contact-admin.field.handled"), <Day at={request.handledAt} />],
    [t("contact-admin.field.channel"), request.channel],
    [t("contact-admin.field.locale"), request.locale],
  ];
  return (
    <AdminLayout
      context={context}
      title={t("contact-admin.request.title", { reference: request.reference })}
      notice={notice}
    >
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <p>{t("contact-admin.request.read_logged")}</p>
      <FactList
        id="contact-fields"
        title={t("contact-admin.request.title", { reference: request.reference })}
        titleHidden
        rows={rows}
      />
      <section aria-labelledby="contact-message">
        <h2 id="contact-message">{t("contact-admin.field.message")}</h2>
        {request.message === null ? (
          <p>
            <em>{t("contact-admin.erased")}</em>
          </p>
        ) : (
          <p class="contact-message">
            {request.message.split(/\r?\n/).map((line, index) => (
              <Fragment key={index}>
                {index > 0 && <br />}
                {line}
              </Fragment>
            ))}
          </p>
        )}
      </section>
      <section aria-labelledby="contact-attachments">
        <h2 id="contact-attachments">{t("contact-admin.attachments")}</h2>
        {request.attachments.length === 0 ? (
          <p>{t("contact-admin.attachments.none")}</p>
        ) : (
          <ul>
            {request.attachments.map((file) => {
              const name = file.fileName ?? t("contact-admin.attachment.unnamed");
              return (
                <li key={file.id}>
                  <a href={`${base}/attachments/${file.id}`} download>
                    {t("contact-admin.attachment.download", { file: name })}
                  </a>{" "}
                  ({file.mediaType}, {t("contact-admin.attachment.size", { size: file.sizeBytes })})
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <Retention context={context} explanation={explanation} />
      <CustomerPanel
        context={context}
        requestId={request.id}
        customer={customer}
        today={props.today}
        erased={request.subjectId === null || request.name === null}
      />
      {request.status !== "handled" && (
        <section aria-labelledby="contact-status-form">
          <h2 id="contact-status-form">{t("contact-admin.status.form")}</h2>
          <form method="post" action={`${base}/status`} class="narrow-form">
            <CsrfField token={context.csrf} />
            <label>
              {t("contact-admin.field.status")}
              <select name="status">
                {contactStatuses.map((status) => (
                  <option key={status} value={status} selected={request.status === status}>
                    {t(statusKey(status))}
                  </option>
                ))}
              </select>
            </label>
            <p>
              <small>{t("contact-admin.status.handled_note")}</small>
            </p>
            <button type="submit">{t("contact-admin.status.save")}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="contact-assign-form">
        <h2 id="contact-assign-form">{t("contact-admin.assign.form")}</h2>
        <form method="post" action={`${base}/assign`} class="narrow-form">
          <CsrfField token={context.csrf} />
          <label>
            {t("contact-admin.field.assignee")}
            <select name="assignee">
              <option value="" selected={request.assignedTo === null}>
                {t("contact-admin.unassigned")}
              </option>
              {staff.map((member) => (
                <option
                  key={member.id}
                  value={member.id}
                  selected={request.assignedTo === member.id}
                >
                  {member.displayName}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("contact-admin.assign.save")}</button>
        </form>
      </section>
      <NoteThread context={context} notes={notes} staffNames={staffNames} />
      {[
        [
          "reply",
          "contact-admin.reply.form",
          "contact-admin.reply.hint",
          "contact-admin.reply.send",
        ],
        ["notes", "contact-admin.note.form", "contact-admin.note.hint", "contact-admin.note.save"],
      ].map(([path, heading, hint, button]) => (
        <section key={path} aria-labelledby={`contact-${path}-form`}>
          <h2 id={`contact-${path}-form`}>{t(heading as MessageKey)}</h2>
          <form method="post" action={`${base}/${path}`}>
            <CsrfField token={context.csrf} />
            <label>
              {t("contact-admin.field.text")}
              <textarea name="text" rows={5} required aria-describedby={`contact-${path}-hint`} />
            </label>
            <small id={`contact-${path}-hint`}>{t(hint as MessageKey)}</small>
            <button type="submit">{t(button as MessageKey)}</button>
          </form>
        </section>
      ))}
      <p>
        <a href="/admin/contact">{t("contact-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}

/** Notes and replies, oldest first; a reply says it was mailed. Text is escaped like the message. */
function NoteThread(props: {
  context: BackOfficeContext;
  notes: readonly ContactNote[];
  staffNames: ReadonlyMap<string, string>;
}): VNode {
  const { context, notes, staffNames } = props;
  const { t } = context;
  return (
    <section aria-labelledby="contact-thread">
      <h2 id="contact-thread">{t("contact-admin.thread")}</h2>
      {notes.length === 0 ? (
        <p>{t("contact-admin.thread.empty")}</p>
      ) : (
        <ol class="contact-thread">
          {notes.map((note) => (
            <li key={note.id}>
              <p>
                <strong>
                  {t(
                    note.kind === "reply"
                      ? "contact-admin.thread.reply"
                      : "contact-admin.thread.note",
                  )}
                </strong>{" "}
                · {staffNames.get(note.authorStaffId) ?? note.authorStaffId} ·{" "}
                <Day at={note.createdAt} />
              </p>
              <p class="contact-message">{note.text ?? t("contact-admin.erased")}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
