import type { VNode } from "preact";
import { isoDay } from "../../datamap/index.ts";
import type { CustomerSummary } from "../customers/index.ts";
import { type BackOfficeContext, CsrfField } from "../staff/index.ts";

/**
 * The request's customer and agreements, or the two ways to make it one: link it to an existing
 * customer, or create a customer with a running agreement from it. Either keeps the request as
 * long as the agreement runs, and a year after.
 */
export function CustomerPanel(props: {
  context: BackOfficeContext;
  requestId: string;
  customer: CustomerSummary | undefined;
  today: string;
  /** The request's data is gone: nothing to link any more. */
  erased: boolean;
}): VNode {
  const { context, requestId, customer, today, erased } = props;
  const { t } = context;
  const base = `/admin/contact/${requestId}`;
  return (
    <section aria-labelledby="contact-customer">
      <h2 id="contact-customer">{t("contact-customer.title")}</h2>
      {customer ? (
        <LinkedCustomer context={context} base={base} customer={customer} />
      ) : (
        <>
          <p>{t("contact-customer.lead")}</p>
          {!erased && <LinkForms context={context} base={base} today={today} />}
        </>
      )}
    </section>
  );
}

function LinkedCustomer(props: {
  context: BackOfficeContext;
  base: string;
  customer: CustomerSummary;
}): VNode {
  const { context, base, customer } = props;
  const { t } = context;
  return (
    <>
      <p>
        {t("contact-customer.linked", { number: customer.number })}
        {customer.companyName && (
          <> {t("contact-customer.company", { name: customer.companyName })}</>
        )}
      </p>
      <h3>{t("contact-customer.agreements")}</h3>
      {customer.agreements.length === 0 ? (
        <p>{t("contact-customer.agreements.none")}</p>
      ) : (
        <ul>
          {customer.agreements.map((agreement) => (
            <li key={agreement.id}>
              {agreement.status === "running"
                ? t("contact-customer.agreement.running", {
                    service: agreement.service,
                    start: agreement.startsOn,
                  })
                : t("contact-customer.agreement.ended", {
                    service: agreement.service,
                    start: agreement.startsOn,
                    end: agreement.endedAt ? isoDay(agreement.endedAt) : "—",
                  })}
              {agreement.status === "running" && (
                <form
                  method="post"
                  action={`${base}/agreements/${agreement.id}/end`}
                  class="inline-form"
                >
                  <CsrfField token={context.csrf} />
                  <button type="submit" class="secondary" aria-describedby="agreement-end-hint">
                    {t("contact-customer.agreement.end", { service: agreement.service })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {customer.running && (
        <p>
          <small id="agreement-end-hint">{t("contact-customer.agreement.end_hint")}</small>
        </p>
      )}
    </>
  );
}

function LinkForms(props: { context: BackOfficeContext; base: string; today: string }): VNode {
  const { context, base, today } = props;
  const { t } = context;
  return (
    <>
      <h3>{t("contact-customer.link.title")}</h3>
      <form method="post" action={`${base}/customer`} class="narrow-form">
        <CsrfField token={context.csrf} />
        <label>
          {t("contact-customer.link.number")}
          <input name="number" required maxLength={20} autocomplete="off" />
        </label>
        <button type="submit">{t("contact-customer.link.submit")}</button>
      </form>
      <h3>{t("contact-customer.new.title")}</h3>
      <form method="post" action={`${base}/customer/new`} class="narrow-form">
        <CsrfField token={context.csrf} />
        <fieldset>
          <legend>{t("contact-customer.new.kind")}</legend>
          <label>
            <input type="radio" name="kind" value="person" checked />
            {t("contact-customer.new.kind.person")}
          </label>
          <label>
            <input type="radio" name="kind" value="company" />
            {t("contact-customer.new.kind.company")}
          </label>
        </fieldset>
        <label>
          {t("contact-customer.new.company")}
          <input name="companyName" maxLength={200} autocomplete="organization" />
        </label>
        <label>
          {t("contact-customer.new.service")}
          <input name="service" required maxLength={200} />
        </label>
        <label>
          {t("contact-customer.new.starts")}
          <input name="startsOn" type="date" required value={today} />
        </label>
        <button type="submit">{t("contact-customer.new.submit")}</button>
      </form>
    </>
  );
}
