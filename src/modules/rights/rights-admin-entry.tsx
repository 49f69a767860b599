import type { VNode } from "preact";
import { locales } from "../../core/i18n/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { entryLimits, plainRights, type StaffEntryForm, staffChannels } from "./staff-entry.ts";

export interface PurposeChoice {
  id: string;
  name: string;
}

function PurposeBoxes(props: {
  name: "objection" | "withdraw";
  legend: string;
  hint: string;
  choices: readonly PurposeChoice[];
  ticked: readonly string[];
}): VNode | null {
  if (props.choices.length === 0) return null;
  const hintId = `rights-${props.name}-hint`;
  return (
    <fieldset aria-describedby={hintId}>
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice.id}>
          <input
            type="checkbox"
            name={props.name}
            value={choice.id}
            checked={props.ticked.includes(choice.id)}
          />
          {choice.name}
        </label>
      ))}
      <small id={hintId}>{props.hint}</small>
    </fieldset>
  );
}

/**
 * A request received by e-mail, phone or post, entered with the fields of the portal. The
 * purposes offered for an objection or a withdrawal come from the policy's legal bases.
 */
export function NewRequestPage(props: {
  context: BackOfficeContext;
  form: StaffEntryForm;
  objectionChoices: readonly PurposeChoice[];
  consentChoices: readonly PurposeChoice[];
  error?: string | undefined;
}): VNode {
  const { context, form, error } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("rights-admin.new.title")}>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <p>{t("rights-admin.new.intro")}</p>
      <form method="post" action="/admin/rights/new">
        <CsrfField token={context.csrf} />
        <fieldset>
          <legend>{t("rights-admin.field.channel")}</legend>
          {staffChannels.map((channel) => (
            <label key={channel}>
              <input
                type="radio"
                name="channel"
                value={channel}
                checked={form.channel === channel}
                required
              />
              {t(`rights-admin.channel.${channel}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("rights-admin.field.locale")}
          <select name="locale">
            {locales.map((code) => (
              <option key={code} value={code} selected={form.locale === code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t("rights-admin.new.rights")}</legend>
          {plainRights.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                name="rights"
                value={kind}
                checked={form.rights.includes(kind)}
              />
              {t(`rights-portal.right.${kind}`)}
            </label>
          ))}
        </fieldset>
        <PurposeBoxes
          name="objection"
          legend={t("rights-admin.new.objection")}
          hint={t("rights-admin.new.objection_hint")}
          choices={props.objectionChoices}
          ticked={form.objection}
        />
        <PurposeBoxes
          name="withdraw"
          legend={t("rights-admin.new.withdraw")}
          hint={t("rights-admin.new.withdraw_hint")}
          choices={props.consentChoices}
          ticked={form.withdraw}
        />
        <fieldset>
          <legend>{t("rights-admin.new.portability")}</legend>
          {(["self", "organisation"] as const).map((to) => (
            <label key={to}>
              <input
                type="radio"
                name="portabilityTo"
                value={to}
                checked={form.portabilityTo === to}
              />
              {t(`rights-admin.new.portability_${to}`)}
            </label>
          ))}
          <label>
            {t("rights-admin.field.recipient_name")}
            <input
              type="text"
              name="recipientName"
              value={form.recipientName}
              maxLength={entryLimits.name}
              autocomplete="off"
            />
          </label>
          <label>
            {t("rights-admin.field.recipient_email")}
            <input
              type="email"
              name="recipientEmail"
              value={form.recipientEmail}
              maxLength={entryLimits.email}
              autocomplete="off"
            />
          </label>
          <small>{t("rights-admin.new.portability_hint")}</small>
        </fieldset>
        <fieldset>
          <legend>{t("rights-admin.new.person")}</legend>
          <label>
            {t("rights-admin.field.email")}
            <input
              type="email"
              name="email"
              value={form.email}
              required
              maxLength={entryLimits.email}
              autocomplete="off"
              aria-describedby="rights-email-hint"
            />
            <small id="rights-email-hint">{t("rights-admin.new.email_hint")}</small>
          </label>
          <label>
            {t("rights-admin.field.phone")}
            <input
              type="tel"
              name="phone"
              value={form.phone}
              maxLength={entryLimits.phone}
              autocomplete="off"
            />
          </label>
          <label>
            {t("rights-admin.field.customer_number")}
            <input
              type="text"
              name="customerNumber"
              value={form.customerNumber}
              maxLength={entryLimits.customerNumber}
              autocomplete="off"
            />
          </label>
          <label>
            {t("rights-admin.field.vat")}
            <input
              type="text"
              name="vat"
              value={form.vat}
              maxLength={entryLimits.vat}
              autocomplete="off"
            />
          </label>
          <small>{t("rights-admin.new.identifiers_hint")}</small>
        </fieldset>
        <label>
          {t("rights-admin.field.description")}
          <textarea name="description" rows={5} maxLength={entryLimits.description}>
            {form.description}
          </textarea>
        </label>
        <button type="submit">{t("rights-admin.new.submit")}</button>
      </form>
      <p>
        <a href="/admin/rights">{t("rights-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}
