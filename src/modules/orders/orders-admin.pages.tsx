import type { ComponentChildren, VNode } from "preact";
import {
  Day,
  FilterForm,
  KeysetPager,
  ScrollableTable,
  SelectFilter,
  TextFilter,
} from "../../core/http/index.ts";
import { type Locale, locales, type Translate } from "../../core/i18n/index.ts";
import type { RetentionExplanation } from "../../datamap/index.ts";
import { RetentionWhy } from "../records/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { formatEuro, type VatGroup, vatRates } from "./money.ts";
import type { OrderView } from "./orders.service.ts";
import { type OrderStatus, orderStatuses, type VatTreatment } from "./orders.tables.ts";
import {
  type billingFieldNames,
  type EntryForm,
  entryRows,
  type LineFieldName,
  lineField,
} from "./orders-admin-entry.ts";
import type { OrderInvoiceLine, OrderListLine } from "./orders-admin-queries.ts";

export interface OrderSearch {
  status: OrderStatus | "";
  email: string;
  number: string;
}

function shown(t: Translate, value: string | null | undefined): ComponentChildren {
  return value ?? <em>{t("orders-admin.erased")}</em>;
}

const statusKey = (status: OrderStatus) => `orders-admin.status.${status}` as const;

/** 1500 thousandths → "1,5" (or "1.5" in English): quantities as people write them. */
function formatQuantity(milli: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "en" ? "en-IE" : `${locale}-BE`, {
    maximumFractionDigits: 3,
  }).format(milli / 1000);
}

export function OrderListPage(props: {
  context: BackOfficeContext;
  search: OrderSearch;
  lines: readonly OrderListLine[];
  olderHref: string | undefined;
  newestHref: string | undefined;
}): VNode {
  const { context, search, lines, olderHref, newestHref } = props;
  const { t, locale } = context;
  return (
    <AdminLayout context={context} title={t("orders-admin.list.title")}>
      <p>{t("orders-admin.list.read_logged")}</p>
      <ul>
        <li>
          <a href="/admin/orders/new">{t("orders-admin.new.link")}</a>
        </li>
        <li>
          <a href="/admin/orders/import">{t("orders-admin.import.link")}</a>
        </li>
      </ul>
      <FilterForm
        action="/admin/orders"
        label={t("orders-admin.filter.label")}
        submitLabel={t("orders-admin.filter.submit")}
        clearLabel={t("orders-admin.filter.clear")}
      >
        <SelectFilter
          label={t("orders-admin.filter.status")}
          name="status"
          value={search.status}
          allLabel={t("orders-admin.filter.all")}
          options={orderStatuses.map((status) => ({ value: status, label: t(statusKey(status)) }))}
        />
        <TextFilter
          label={t("orders-admin.filter.email")}
          name="email"
          value={search.email}
          type="email"
        />
        <TextFilter label={t("orders-admin.filter.number")} name="number" value={search.number} />
      </FilterForm>
      {lines.length === 0 ? (
        <p role="status">{t("orders-admin.empty")}</p>
      ) : (
        <ScrollableTable label={t("orders-admin.table.label")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("orders-admin.col.number")}</th>
                <th scope="col">{t("orders-admin.col.date")}</th>
                <th scope="col">{t("orders-admin.col.customer")}</th>
                <th scope="col">{t("orders-admin.col.status")}</th>
                <th scope="col">{t("orders-admin.col.total")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    <a href={`/admin/orders/${line.id}`}>{line.number}</a>
                  </td>
                  <td>
                    <Day at={line.createdAt} />
                  </td>
                  <td>
                    {shown(t, line.name)}
                    {line.company && (
                      <>
                        <br />
                        <small>{line.company}</small>
                      </>
                    )}
                  </td>
                  <td>{t(statusKey(line.status))}</td>
                  <td>{formatEuro(line.grossCents, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <KeysetPager
        newestHref={newestHref}
        olderHref={olderHref}
        newestLabel={t("orders-admin.newest")}
        olderLabel={t("orders-admin.older")}
      />
    </AdminLayout>
  );
}

/** A field's id on the entry form: its name with the dots made safe for fragments. */
const fieldId = (name: string) => `order-${name.replaceAll(".", "-")}`;

type FieldLabels = Record<(typeof billingFieldNames)[number], string>;

function billingLabels(t: Translate): FieldLabels {
  return {
    "billing.email": t("orders-admin.field.email"),
    "billing.name": t("orders-admin.field.name"),
    "billing.company": t("orders-admin.field.company"),
    "billing.vatNumber": t("orders-admin.field.vat_number"),
    customerNumber: t("orders-admin.field.customer_number"),
    "billing.address.street": t("orders-admin.field.street"),
    "billing.address.postalCode": t("orders-admin.field.postal_code"),
    "billing.address.city": t("orders-admin.field.city"),
    "billing.address.country": t("orders-admin.field.country"),
  };
}

function lineLabels(t: Translate): Record<LineFieldName, string> {
  return {
    description: t("orders-admin.field.description"),
    quantity: t("orders-admin.field.quantity"),
    unitPrice: t("orders-admin.field.unit_price"),
    vatRate: t("orders-admin.field.vat_rate"),
  };
}

/** "Line 2, quantity" or "VAT number": what the error summary calls a field. */
export function entryFieldLabel(t: Translate, name: string): string {
  const line = /^lines\.(\d+)\.(\w+)$/.exec(name);
  if (line) {
    const label = lineLabels(t)[line[2] as LineFieldName] ?? line[2];
    return t("orders-admin.field.line_field", { n: Number(line[1]) + 1, field: label });
  }
  if (name === "lines") return t("orders-admin.lines.title");
  return billingLabels(t)[name as keyof FieldLabels] ?? name;
}

function Problem({ name, problems }: { name: string; problems: Record<string, string> }) {
  const problem = problems[name];
  return problem ? (
    <small id={`${fieldId(name)}-problem`} class="field-problem">
      {problem}
    </small>
  ) : null;
}

/** Attributes tying an input to its error message, for screen readers and the summary's links. */
function described(name: string, problems: Record<string, string>, hint?: string) {
  const ids = [problems[name] ? `${fieldId(name)}-problem` : undefined, hint].filter(Boolean);
  return {
    id: fieldId(name),
    name,
    "aria-invalid": problems[name] ? ("true" as const) : undefined,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
  };
}

export function OrderEntryPage(props: {
  context: BackOfficeContext;
  form: EntryForm;
  /** Field name → what is wrong, in the staff member's language. */
  problems: Record<string, string>;
}): VNode {
  const { context, form, problems } = props;
  const { t } = context;
  const value = (name: string) => form.values[name] ?? "";
  const labels = billingLabels(t);
  const lineLabel = lineLabels(t);
  const text = (
    name: keyof FieldLabels,
    options: { email?: boolean; required?: boolean; hint?: string } = {},
  ) => {
    const hintId = options.hint ? `${fieldId(name)}-hint` : undefined;
    const common = {
      value: value(name),
      required: options.required,
      autocomplete: "off",
      ...described(name, problems, hintId),
    };
    return (
      <label htmlFor={fieldId(name)}>
        {labels[name]}
        {!options.required && <small> {t("orders-admin.field.optional")}</small>}
        {options.email ? <input type="email" {...common} /> : <input type="text" {...common} />}
        <Problem name={name} problems={problems} />
        {options.hint && <small id={hintId}>{options.hint}</small>}
      </label>
    );
  };
  const problemNames = Object.keys(problems);
  const rows = Array.from({ length: form.rows }, (_, row) => row);
  return (
    <AdminLayout context={context} title={t("orders-admin.new.title")}>
      {problemNames.length > 0 && (
        <div role="alert" class="form-error">
          <p>{t("orders-admin.new.problems")}</p>
          <ul>
            {problemNames.map((name) => (
              <li key={name}>
                <a href={`#${fieldId(name === "lines" ? "lines.0.description" : name)}`}>
                  {entryFieldLabel(t, name)}
                </a>
                : {problems[name]}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{t("orders-admin.new.lead")}</p>
      <form method="post" action="/admin/orders/new" class="order-entry">
        <CsrfField token={context.csrf} />
        <input type="hidden" name="rows" value={String(form.rows)} />
        <fieldset>
          <legend>
            <h2>{t("orders-admin.new.customer")}</h2>
          </legend>
          {text("billing.email", { email: true, required: true })}
          {text("billing.name", { required: true })}
          {text("billing.company")}
          {text("billing.vatNumber", { hint: t("orders-admin.field.vat_number.hint") })}
          {text("customerNumber", { hint: t("orders-admin.field.customer_number.hint") })}
          <label>
            {t("orders-admin.field.locale")}
            <select name="locale" aria-describedby="order-locale-hint">
              {locales.map((code) => (
                <option key={code} value={code} selected={(value("locale") || "nl") === code}>
                  {t(`language.${code}`)}
                </option>
              ))}
            </select>
            <small id="order-locale-hint">{t("orders-admin.field.locale.hint")}</small>
          </label>
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t("orders-admin.new.address")}</h2>
          </legend>
          {text("billing.address.street", { required: true })}
          <div class="grid">
            {text("billing.address.postalCode", { required: true })}
            {text("billing.address.city", { required: true })}
          </div>
          {text("billing.address.country", {
            required: true,
            hint: t("orders-admin.field.country.hint"),
          })}
        </fieldset>
        <fieldset id={fieldId("lines")}>
          <legend>
            <h2>{t("orders-admin.lines.title")}</h2>
          </legend>
          <p>
            <small>{t("orders-admin.lines.hint")}</small>
          </p>
          <Problem name="lines" problems={problems} />
          {rows.map((row) => {
            const name = (field: LineFieldName) => lineField(row, field);
            return (
              <fieldset key={row} class="order-line">
                <legend>
                  <h3>{t("orders-admin.lines.row", { n: row + 1 })}</h3>
                </legend>
                <label>
                  {lineLabel.description}
                  <input
                    type="text"
                    value={value(name("description"))}
                    autocomplete="off"
                    {...described(name("description"), problems)}
                  />
                  <Problem name={name("description")} problems={problems} />
                </label>
                <div class="grid">
                  <label>
                    {lineLabel.quantity}
                    <input
                      type="text"
                      inputmode="decimal"
                      value={value(name("quantity"))}
                      autocomplete="off"
                      {...described(name("quantity"), problems)}
                    />
                    <Problem name={name("quantity")} problems={problems} />
                  </label>
                  <label>
                    {lineLabel.unitPrice}
                    <input
                      type="text"
                      inputmode="decimal"
                      value={value(name("unitPrice"))}
                      autocomplete="off"
                      {...described(name("unitPrice"), problems)}
                    />
                    <Problem name={name("unitPrice")} problems={problems} />
                  </label>
                  <label>
                    {lineLabel.vatRate}
                    <select {...described(name("vatRate"), problems)}>
                      {vatRates.map((rate) => (
                        <option
                          key={rate}
                          value={String(rate)}
                          selected={(value(name("vatRate")) || "21") === String(rate)}
                        >
                          {rate} %
                        </option>
                      ))}
                    </select>
                    <Problem name={name("vatRate")} problems={problems} />
                  </label>
                </div>
              </fieldset>
            );
          })}
        </fieldset>
        <button type="submit">{t("orders-admin.new.submit")}</button>
        {form.rows < entryRows.max && (
          <button type="submit" name="more" value="1" class="secondary" formnovalidate>
            {t("orders-admin.lines.more", { n: entryRows.step })}
          </button>
        )}
      </form>
      <p>
        <a href="/admin/orders">{t("orders-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}

const treatmentKey = (treatment: VatTreatment) => `orders-admin.vat.${treatment}` as const;

export function OrderPage(props: {
  context: BackOfficeContext;
  order: OrderView;
  vat: readonly VatGroup[];
  customerNumber: string | undefined;
  invoices: readonly OrderInvoiceLine[];
  explanation: RetentionExplanation;
  notice?: string | undefined;
  error?: string | undefined;
}): VNode {
  const { context, order, vat, customerNumber, invoices, explanation, notice, error } = props;
  const { t, locale } = context;
  const euro = (cents: number) => formatEuro(cents, locale);
  const base = `/admin/orders/${order.id}`;
  const billing = order.billing;
  const rows: [string, ComponentChildren][] = [
    [t("orders-admin.field.status"), t(statusKey(order.status))],
    [t("orders-admin.field.channel"), t(`orders-admin.channel.${order.channel}`)],
    [t("orders-admin.field.placed"), <Day at={order.createdAt} />],
    [t("orders-admin.field.completed"), <Day at={order.completedAt} />],
    [t("orders-admin.field.locale"), t(`language.${order.locale}`)],
    [t("orders-admin.field.customer_number"), customerNumber ?? "—"],
  ];
  const billingRows: [string, ComponentChildren][] = billing
    ? [
        [t("orders-admin.field.name"), billing.name],
        [t("orders-admin.field.company"), billing.company ?? "—"],
        [t("orders-admin.field.email"), billing.email],
        [t("orders-admin.field.vat_number"), billing.vatNumber ?? "—"],
        [
          t("orders-admin.field.address"),
          <>
            {billing.address.street}
            <br />
            {billing.address.postalCode} {billing.address.city}
            <br />
            {billing.address.country}
          </>,
        ],
      ]
    : [];
  const canConfirm = order.status === "draft";
  const canComplete = order.status === "draft" || order.status === "confirmed";
  const canCancel = canComplete;
  return (
    <AdminLayout
      context={context}
      title={t("orders-admin.order.title", { number: order.number })}
      notice={notice}
    >
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <p>{t("orders-admin.order.read_logged")}</p>
      <section class="record-entry" aria-labelledby="order-fields">
        <h2 id="order-fields" class="visually-hidden">
          {t("orders-admin.order.title", { number: order.number })}
        </h2>
        <dl>
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section class="record-entry" aria-labelledby="order-billing">
        <h2 id="order-billing">{t("orders-admin.order.billing")}</h2>
        {billing ? (
          <dl>
            {billingRows.map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd class="contact-message">{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>
            <em>{t("orders-admin.order.anonymised")}</em>
          </p>
        )}
      </section>
      <section aria-labelledby="order-lines">
        <h2 id="order-lines">{t("orders-admin.lines.title")}</h2>
        <ScrollableTable label={t("orders-admin.lines.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("orders-admin.field.description")}</th>
                <th scope="col">{t("orders-admin.field.quantity")}</th>
                <th scope="col">{t("orders-admin.field.unit_price")}</th>
                <th scope="col">{t("orders-admin.field.vat_rate")}</th>
                <th scope="col">{t("orders-admin.col.net")}</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.position}>
                  <td class="contact-message">{line.description}</td>
                  <td>{formatQuantity(line.quantityMilli, locale)}</td>
                  <td>{euro(line.unitPriceCents)}</td>
                  <td>{line.vatRate} %</td>
                  <td>{euro(line.netCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      </section>
      <section class="record-entry" aria-labelledby="order-totals">
        <h2 id="order-totals">{t("orders-admin.totals.title")}</h2>
        <p>{t(treatmentKey(order.vatTreatment))}</p>
        <dl>
          <div>
            <dt>{t("orders-admin.totals.net")}</dt>
            <dd>{euro(order.netCents)}</dd>
          </div>
          {vat.map((group) => (
            <div key={group.rate}>
              <dt>
                {t("orders-admin.totals.vat_rate", { rate: group.rate, net: euro(group.netCents) })}
              </dt>
              <dd>{euro(group.vatCents)}</dd>
            </div>
          ))}
          <div>
            <dt>{t("orders-admin.totals.vat")}</dt>
            <dd>{euro(order.vatCents)}</dd>
          </div>
          <div>
            <dt>
              <strong>{t("orders-admin.totals.gross")}</strong>
            </dt>
            <dd>
              <strong>{euro(order.grossCents)}</strong>
            </dd>
          </div>
        </dl>
      </section>
      {(canConfirm || canComplete || canCancel) && (
        <section aria-labelledby="order-actions" class="no-print">
          <h2 id="order-actions">{t("orders-admin.actions.title")}</h2>
          {canConfirm && (
            <form method="post" action={`${base}/confirm`} class="inline-form">
              <CsrfField token={context.csrf} />
              <button type="submit">{t("orders-admin.actions.confirm")}</button>
            </form>
          )}
          {canComplete && (
            <form method="post" action={`${base}/complete`} class="inline-form">
              <CsrfField token={context.csrf} />
              <button type="submit">{t("orders-admin.actions.complete")}</button>
            </form>
          )}
          {canCancel && (
            // Final, so it takes a second, deliberate step; no JavaScript needed.
            <details>
              <summary>{t("orders-admin.actions.cancel")}</summary>
              <p>{t("orders-admin.actions.cancel.confirm")}</p>
              <form method="post" action={`${base}/cancel`} class="inline-form">
                <CsrfField token={context.csrf} />
                <button type="submit" class="secondary">
                  {t("orders-admin.actions.cancel.submit")}
                </button>
              </form>
            </details>
          )}
          <p>
            <small>{t("orders-admin.actions.hint")}</small>
          </p>
        </section>
      )}
      <InvoiceList context={context} orderId={order.id} invoices={invoices} />
      <section aria-labelledby="order-retention" class="retention-why">
        <h2 id="order-retention">{t("orders-admin.retention.title")}</h2>
        <RetentionWhy
          explanation={explanation}
          holdsLead={t("orders-admin.retention.holds")}
          changesLead={t("orders-admin.retention.changes")}
        />
      </section>
      <p>
        <a href="/admin/orders">{t("orders-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}

function InvoiceList(props: {
  context: BackOfficeContext;
  orderId: string;
  invoices: readonly OrderInvoiceLine[];
}): VNode {
  const { context, orderId, invoices } = props;
  const { t, locale } = context;
  const numberOf = (id: string | null) => invoices.find((invoice) => invoice.id === id)?.number;
  return (
    <section aria-labelledby="order-invoices">
      <h2 id="order-invoices">{t("orders-admin.invoices.title")}</h2>
      {invoices.length === 0 ? (
        <p>{t("orders-admin.invoices.none")}</p>
      ) : (
        <ul class="order-invoices">
          {invoices.map((invoice) => {
            const kind =
              invoice.kind === "invoice"
                ? t("orders-admin.invoices.invoice", { number: invoice.number })
                : t("orders-admin.invoices.credit_note", { number: invoice.number });
            return (
              <li key={invoice.id}>
                <p>
                  <strong>{kind}</strong> · <Day at={invoice.issuedAt} /> ·{" "}
                  {formatEuro(invoice.grossCents, locale)}
                  {invoice.creditsInvoiceId && (
                    <>
                      {" · "}
                      {t("orders-admin.invoices.credits", {
                        number: numberOf(invoice.creditsInvoiceId) ?? "—",
                      })}
                    </>
                  )}
                  {invoice.creditedBy && (
                    <>
                      {" · "}
                      {t("orders-admin.invoices.credited_by", { number: invoice.creditedBy })}
                    </>
                  )}
                </p>
                <p>
                  <a href={`/admin/invoices/${invoice.id}.pdf`} download>
                    {t("orders-admin.invoices.pdf", { number: invoice.number })}
                  </a>
                  {" · "}
                  <a href={`/admin/invoices/${invoice.id}.xml`} download>
                    {t("orders-admin.invoices.ubl", { number: invoice.number })}
                  </a>
                </p>
                {invoice.kind === "invoice" && !invoice.creditedBy && (
                  // A credit note is a numbered document mailed at once: a second step first.
                  <details class="no-print">
                    <summary>
                      {t("orders-admin.invoices.credit", { number: invoice.number })}
                    </summary>
                    <p>{t("orders-admin.invoices.credit.confirm")}</p>
                    <form
                      method="post"
                      action={`/admin/orders/${orderId}/credit-notes`}
                      class="inline-form"
                    >
                      <CsrfField token={context.csrf} />
                      <input type="hidden" name="invoiceId" value={invoice.id} />
                      <button type="submit" class="secondary">
                        {t("orders-admin.invoices.credit.submit", { number: invoice.number })}
                      </button>
                    </form>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
