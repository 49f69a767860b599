import type { VNode } from "preact";
import { describedBy, FieldProblemText, fieldIds } from "../../core/http/index.ts";
import { locales } from "../../core/i18n/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { PurposeChoice } from "./portal-purposes.ts";
import {
  RequestFields,
  type RequestFieldsWording,
  RequestProblemSummary,
} from "./request-fields.tsx";
import { type StaffEntryForm, staffChannels } from "./staff-entry.ts";

/** The privacy officer records what the person asked: the labels speak of "the person". */
const staffWording: RequestFieldsWording = {
  rights: "rights-admin.new.rights",
  objectionPurpose: "rights-admin.new.objection",
  withdrawPurpose: "rights-admin.new.withdraw",
  portabilityTo: "rights-admin.new.portability",
  portability: {
    self: "rights-admin.new.portability_self",
    organisation: "rights-admin.new.portability_organisation",
  },
  description: "rights-admin.field.description",
  identity: "rights-admin.new.person",
  emailHint: "rights-admin.new.email_hint",
  identityHint: "rights-admin.new.identifiers_hint",
};

/**
 * A request received by e-mail, phone or post, entered with the fields of the portal. The
 * purposes offered for an objection or a withdrawal come from the policy's legal bases.
 */
export function NewRequestPage(props: {
  context: BackOfficeContext;
  form: StaffEntryForm;
  purposes: { objection: readonly PurposeChoice[]; withdraw: readonly PurposeChoice[] };
  /** One message per field, already in the officer's language. */
  problems: Readonly<Record<string, string | undefined>>;
}): VNode {
  const { context, form, problems } = props;
  const { t } = context;
  const channel = fieldIds("rights", "channel");
  const locale = fieldIds("rights", "locale");
  return (
    <AdminLayout context={context} title={t("rights-admin.new.title")}>
      <RequestProblemSummary
        idPrefix="rights"
        heading={t("rights-admin.new.errors")}
        problems={problems}
      />
      <p>{t("rights-admin.new.intro")}</p>
      <form method="post" action="/admin/rights/new">
        <CsrfField token={context.csrf} />
        <fieldset
          id={channel.input}
          aria-describedby={describedBy(problems.channel && channel.problem)}
        >
          <legend>{t("rights-admin.field.channel")}</legend>
          <FieldProblemText id={channel.problem} problem={problems.channel} />
          {staffChannels.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="channel"
                value={option}
                checked={form.channel === option}
                required
              />
              {t(`rights-admin.channel.${option}`)}
            </label>
          ))}
        </fieldset>
        <label for={locale.input}>
          {t("rights-admin.field.locale")}
          <select
            id={locale.input}
            name="locale"
            aria-invalid={problems.locale ? "true" : undefined}
            aria-describedby={problems.locale ? locale.problem : undefined}
          >
            {locales.map((code) => (
              <option key={code} value={code} selected={form.locale === code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
          <FieldProblemText id={locale.problem} problem={problems.locale} />
        </label>
        <RequestFields
          t={t}
          idPrefix="rights"
          wording={staffWording}
          values={form.request}
          problems={problems}
          purposes={props.purposes}
          autofill={false}
        />
        <button type="submit">{t("rights-admin.new.submit")}</button>
      </form>
      <p>
        <a href="/admin/rights">{t("rights-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}
