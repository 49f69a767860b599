import type { ComponentChildren, VNode } from "preact";
import { Day } from "../../core/http/index.ts";
import { type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { deadlineState, effectiveDeadline, maxExtensionMonths } from "./request-deadline.ts";
import { extensionReasonMaxLength } from "./request-extension.ts";
import type { RightsRequestRow } from "./request-store.ts";
import type { RequestStatus } from "./rights.tables.ts";
import { DeadlineMark } from "./rights-admin-parts.tsx";
import { daysUntil, openStatuses } from "./rights-queue.ts";

export interface ExtensionForm {
  months: string;
  reason: string;
}

/** Whether the deadline can still be extended, or why not (said on the page). */
function extensionChance(
  request: RightsRequestRow,
  now: Date,
): "open" | "already" | "too_late" | "closed" {
  if (!(openStatuses as readonly RequestStatus[]).includes(request.status)) return "closed";
  if (!request.deadlineAt) return "closed";
  if (request.extendedUntil) return "already";
  return now > request.deadlineAt ? "too_late" : "open";
}

/** The deadline, where it stands, and the extension form while one is still possible. */
export function DeadlineSection(props: {
  context: BackOfficeContext;
  request: RightsRequestRow;
  now: Date;
  answerDays: number;
  form: ExtensionForm;
}): VNode {
  const { context, request, now, form } = props;
  const { t } = context;
  const base = `/admin/rights/${request.id}`;
  const deadline = effectiveDeadline(request);
  const open = (openStatuses as readonly RequestStatus[]).includes(request.status);
  const rows: [string, ComponentChildren][] = [
    [t("rights-admin.deadline.original"), <Day at={request.deadlineAt} />],
  ];
  if (request.extendedUntil) {
    rows.push([t("rights-admin.deadline.extended_until"), <Day at={request.extendedUntil} />]);
    rows.push([t("rights-admin.deadline.extension_reason"), request.extensionReason ?? "—"]);
  }
  if (open && deadline) {
    rows.push([
      t("rights-admin.deadline.state"),
      <DeadlineMark
        t={t}
        state={deadlineState(deadline, now)}
        daysLeft={daysUntil(deadline, now)}
      />,
    ]);
  }
  const chance = extensionChance(request, now);
  return (
    <section aria-labelledby="rights-deadline">
      <h2 id="rights-deadline">{t("rights-admin.deadline.title")}</h2>
      <div class="record-entry">
        <dl>
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <p>
        <small>{t("rights-admin.deadline.rule", { days: props.answerDays })}</small>
      </p>
      {chance === "already" && open && <p>{t("rights-admin.extension.already")}</p>}
      {chance === "too_late" && <p>{t("rights-admin.extension.too_late")}</p>}
      {chance === "open" && (
        <form method="post" action={`${base}/extension`} class="narrow-form">
          <h3>{t("rights-admin.extension.title")}</h3>
          <CsrfField token={context.csrf} />
          <fieldset>
            <legend>{t("rights-admin.extension.months")}</legend>
            {Array.from({ length: maxExtensionMonths }, (_, index) => String(index + 1)).map(
              (months) => (
                <label key={months}>
                  <input
                    type="radio"
                    name="months"
                    value={months}
                    checked={form.months === months}
                    required
                  />
                  {months === "1"
                    ? t("rights-admin.extension.month_one")
                    : t("rights-admin.extension.month_other", { months })}
                </label>
              ),
            )}
          </fieldset>
          <label>
            {t("rights-admin.extension.reason")}
            <textarea
              name="reason"
              rows={4}
              required
              maxLength={extensionReasonMaxLength}
              aria-describedby="rights-extension-hint"
            >
              {form.reason}
            </textarea>
          </label>
          <small id="rights-extension-hint">{t("rights-admin.extension.hint")}</small>
          <button type="submit">{t("rights-admin.extension.submit")}</button>
        </form>
      )}
    </section>
  );
}
