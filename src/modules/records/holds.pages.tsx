import type { VNode } from "preact";
import { Day } from "../../core/http/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { HoldForm } from "./hold-form.ts";

export type HoldStatus = "active" | "ended" | "released";

export interface HoldLine {
  id: string;
  subjectId: string | null;
  recordTypeLabel: string | null;
  reason: string;
  placedBy: string;
  placedAt: Date;
  endsAt: Date | null;
  releasedAt: Date | null;
  releasedBy: string | null;
  status: HoldStatus;
}

export interface HoldsPageProps {
  context: BackOfficeContext;
  holds: HoldLine[];
  recordTypes: { id: string; label: string }[];
  form: HoldForm;
  today: string;
  error?: string | undefined;
  notice?: string | undefined;
  /** Links a held subject to its page only for staff who may read it. */
  canReadSubjects: boolean;
}

function Scope(props: {
  context: BackOfficeContext;
  hold: HoldLine;
  canReadSubjects: boolean;
}): VNode {
  const { context, hold, canReadSubjects } = props;
  const { t } = context;
  const subjectText = hold.subjectId
    ? t("records.holds.scope.subject", { id: hold.subjectId.slice(0, 8) })
    : undefined;
  const subject =
    subjectText && hold.subjectId && canReadSubjects ? (
      <a href={`/admin/subjects/${hold.subjectId}`}>{subjectText}</a>
    ) : (
      subjectText
    );
  const recordType = hold.recordTypeLabel
    ? t("records.holds.scope.record_type", { type: hold.recordTypeLabel })
    : t("records.holds.scope.every_type");
  return (
    <>
      {subject}
      {subject && <br />}
      {recordType}
    </>
  );
}

function HoldCard(props: {
  context: BackOfficeContext;
  hold: HoldLine;
  canReadSubjects: boolean;
}): VNode {
  const { context, hold, canReadSubjects } = props;
  const { t } = context;
  const headingId = `hold-${hold.id}`;
  return (
    <article aria-labelledby={headingId} class="record-entry">
      <h3 id={headingId}>{hold.reason}</h3>
      <dl>
        <div>
          <dt>{t("records.holds.col.scope")}</dt>
          <dd>
            <Scope context={context} hold={hold} canReadSubjects={canReadSubjects} />
          </dd>
        </div>
        <div>
          <dt>{t("records.holds.col.placed")}</dt>
          <dd>
            {hold.placedBy}, <Day at={hold.placedAt} />
          </dd>
        </div>
        <div>
          <dt>{t("records.holds.col.ends")}</dt>
          <dd>{hold.endsAt ? <Day at={hold.endsAt} /> : t("records.holds.no_end")}</dd>
        </div>
        <div>
          <dt>{t("records.holds.col.status")}</dt>
          <dd>
            <strong>{t(`records.holds.status.${hold.status}`)}</strong>
            {hold.status === "released" && (
              <>
                {" "}
                <Day at={hold.releasedAt} />, {hold.releasedBy}
              </>
            )}
          </dd>
        </div>
      </dl>
      {hold.status === "active" && (
        <form method="post" action={`/admin/holds/${hold.id}/release`} class="inline-form">
          <CsrfField token={context.csrf} />
          <button type="submit" class="secondary outline" aria-describedby={headingId}>
            {t("records.holds.release")}
          </button>
        </form>
      )}
    </article>
  );
}

function PlaceHoldForm(props: HoldsPageProps): VNode {
  const { context, recordTypes, form, today, error } = props;
  const { t } = context;
  return (
    <form method="post" action="/admin/holds" class="narrow-form">
      <CsrfField token={context.csrf} />
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <label>
        {t("records.holds.field.record_type")}
        <select name="recordType">
          <option value="" selected={form.recordType === ""}>
            {t("records.holds.field.every_type")}
          </option>
          {recordTypes.map((type) => (
            <option key={type.id} value={type.id} selected={form.recordType === type.id}>
              {type.label}
            </option>
          ))}
        </select>
      </label>
      <label for="hold-email">{t("records.holds.field.email")}</label>
      <input
        id="hold-email"
        type="email"
        name="email"
        value={form.email}
        autocomplete="off"
        aria-describedby="hold-email-hint"
      />
      <small id="hold-email-hint">{t("records.holds.field.email_hint")}</small>
      <label for="hold-reason">{t("records.holds.field.reason")}</label>
      <input
        id="hold-reason"
        type="text"
        name="reason"
        value={form.reason}
        required
        minLength={3}
        maxLength={500}
        aria-describedby="hold-reason-hint"
      />
      <small id="hold-reason-hint">{t("records.holds.field.reason_hint")}</small>
      <label for="hold-endson">{t("records.holds.field.ends_on")}</label>
      <input
        id="hold-endson"
        type="date"
        name="endsOn"
        value={form.endsOn}
        min={today}
        aria-describedby="hold-end-hint"
      />
      <small id="hold-end-hint">{t("records.holds.field.ends_on_hint")}</small>
      <button type="submit">{t("records.holds.place")}</button>
    </form>
  );
}

export function HoldsPage(props: HoldsPageProps): VNode {
  const { context, holds, notice, canReadSubjects } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("records.holds.title")} notice={notice}>
      <p>{t("records.holds.intro")}</p>
      {holds.length === 0 ? (
        <p>{t("records.holds.empty")}</p>
      ) : (
        <section aria-labelledby="holds-list">
          <h2 id="holds-list">{t("records.holds.list")}</h2>
          {holds.map((hold) => (
            <HoldCard
              key={hold.id}
              context={context}
              hold={hold}
              canReadSubjects={canReadSubjects}
            />
          ))}
        </section>
      )}
      <section aria-labelledby="place-hold">
        <h2 id="place-hold">{t("records.holds.place_title")}</h2>
        <PlaceHoldForm {...props} />
      </section>
    </AdminLayout>
  );
}
