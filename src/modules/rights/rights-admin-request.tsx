import type { ComponentChildren, VNode } from "preact";
import { Day } from "../../core/http/index.ts";
import { isLocale } from "../../core/i18n/index.ts";
import { AdminLayout, type BackOfficeContext } from "../staff/index.ts";
import { ExecutionPanel } from "./execution.pages.tsx";
import type { ExecutionPanelData } from "./execution-panel.ts";
import type { RequestDetails, RightsRequestRow } from "./request-store.ts";
import type { RequestSubjects } from "./request-subjects.ts";
import type { VerificationMethod } from "./rights.tables.ts";
import { DeadlineSection, type ExtensionForm } from "./rights-admin-deadline.tsx";
import { type IdCopyOnFile, IdentitySection } from "./rights-admin-identity.tsx";
import { rightText } from "./rights-admin-parts.tsx";
import { SubjectsSection } from "./rights-admin-subjects.tsx";

export interface RequestPageProps {
  context: BackOfficeContext;
  request: RightsRequestRow;
  details: RequestDetails;
  purposeNames: ReadonlyMap<string, string>;
  staffNames: ReadonlyMap<string, string>;
  now: Date;
  answerDays: number;
  idCopy: IdCopyOnFile | undefined;
  methods: readonly VerificationMethod[];
  subjects: RequestSubjects;
  linkable: boolean;
  /** Once identity is verified: the execution part's section. */
  execution: ExecutionPanelData | undefined;
  forms: { refusalReason: string; extension: ExtensionForm };
  notice?: string | undefined;
  error?: string | undefined;
}

function Entries(props: { rows: readonly [string, ComponentChildren][] }): VNode {
  return (
    <div class="record-entry">
      <dl>
        {props.rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** What happened when, oldest first; steps not reached yet are left out. */
function Timeline(props: { context: BackOfficeContext; request: RightsRequestRow }): VNode {
  const { context, request } = props;
  const { t } = context;
  const steps: [string, Date | null][] = [
    [t("rights-admin.timeline.created"), request.createdAt],
    [t("rights-admin.timeline.received"), request.receivedAt],
    [t("rights-admin.timeline.verified"), request.verifiedAt],
    [
      request.status === "refused"
        ? t("rights-admin.timeline.refused")
        : t("rights-admin.timeline.answered"),
      request.answeredAt,
    ],
  ];
  return (
    <section aria-labelledby="rights-timeline">
      <h2 id="rights-timeline">{t("rights-admin.timeline.title")}</h2>
      <ol>
        {steps
          .filter(([, at]) => at !== null)
          .map(([label, at]) => (
            <li key={label}>
              <Day at={at} /> · {label}
            </li>
          ))}
        {request.extendedUntil && (
          <li>
            {t("rights-admin.timeline.extended")} <Day at={request.extendedUntil} />
          </li>
        )}
      </ol>
    </section>
  );
}

/**
 * One request: what is asked and by whom, its deadline, the identity decision, whose records it
 * is about, and (once identity is verified) the execution section of the execution part.
 */
export function RightsRequestPage(props: RequestPageProps): VNode {
  const { context, request, details, staffNames } = props;
  const { t } = context;
  const locale = isLocale(request.locale) ? t(`language.${request.locale}`) : request.locale;
  const given = (value: string | null) => value ?? "—";
  return (
    <AdminLayout
      context={context}
      title={t("rights-admin.request.title", { reference: request.reference })}
      notice={props.notice}
    >
      {props.error && (
        <p role="alert" class="form-error">
          {props.error}
        </p>
      )}
      <p>{t("rights-admin.request.read_logged")}</p>
      <Entries
        rows={[
          [t("rights-admin.field.status"), t(`rights-portal.status.${request.status}`)],
          [t("rights-admin.field.channel"), t(`rights-admin.channel.${request.channel}`)],
          [t("rights-admin.field.locale"), locale],
          [
            t("rights-admin.field.entered_by"),
            request.enteredBy
              ? (staffNames.get(request.enteredBy) ?? request.enteredBy.slice(0, 8))
              : t("rights-admin.request.by_person"),
          ],
          [
            t("rights-admin.field.rights"),
            <ul>
              {request.rights.map((right, index) => (
                <li key={index}>{rightText(t, right, props.purposeNames, details.recipient)}</li>
              ))}
            </ul>,
          ],
        ]}
      />
      <section aria-labelledby="rights-person">
        <h2 id="rights-person">{t("rights-admin.request.person")}</h2>
        <Entries
          rows={[
            [t("rights-admin.field.email"), given(details.email)],
            [t("rights-admin.field.phone"), given(details.phone)],
            [t("rights-admin.field.customer_number"), given(details.customerNumber)],
            [t("rights-admin.field.vat"), given(details.vat)],
            [
              t("rights-admin.field.description"),
              <span class="contact-message">{given(details.description)}</span>,
            ],
          ]}
        />
      </section>
      <DeadlineSection
        context={context}
        request={request}
        now={props.now}
        answerDays={props.answerDays}
        form={props.forms.extension}
      />
      <Timeline context={context} request={request} />
      <IdentitySection
        context={context}
        request={request}
        idCopy={props.idCopy}
        methods={props.methods}
        staffNames={staffNames}
        refusalReason={props.forms.refusalReason}
      />
      <SubjectsSection
        context={context}
        requestId={request.id}
        subjects={props.subjects}
        linkable={props.linkable}
      />
      {props.execution && <ExecutionPanel context={context} panel={props.execution} />}
      <p>
        <a href="/admin/rights">{t("rights-admin.back")}</a>
      </p>
    </AdminLayout>
  );
}
