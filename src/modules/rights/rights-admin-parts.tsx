import type { VNode } from "preact";
import type { Translate } from "../../core/i18n/index.ts";
import type { DeadlineState } from "./request-deadline.ts";
import type { PortabilityRecipient } from "./request-store.ts";
import type { RequestedRight } from "./rights.tables.ts";

/** The rights asked, once each, in the person's words: "inzage, bezwaar". */
export function rightKindsText(t: Translate, rights: readonly RequestedRight[]): string {
  return [...new Set(rights.map((right) => right.kind))]
    .map((kind) => t(`rights-portal.right.${kind}`))
    .join(", ");
}

/** One right as the request page lists it: with its purpose, or where the package goes. */
export function rightText(
  t: Translate,
  right: RequestedRight,
  purposeNames: ReadonlyMap<string, string>,
  recipient: PortabilityRecipient | null,
): string {
  const kind = t(`rights-portal.right.${right.kind}`);
  if (right.purpose) {
    const purpose = purposeNames.get(right.purpose) ?? right.purpose;
    return t("rights-admin.right.with_purpose", { right: kind, purpose });
  }
  if (right.kind === "portability" && right.to === "organisation") {
    return recipient
      ? t("rights-admin.right.to_organisation", {
          right: kind,
          name: recipient.name,
          email: recipient.email,
        })
      : t("rights-admin.right.to_organisation_erased", { right: kind });
  }
  if (right.kind === "portability") return t("rights-admin.right.to_self", { right: kind });
  return kind;
}

/** "3 days overdue", "due today", "5 days left": whole calendar days, in words. */
export function daysText(t: Translate, state: DeadlineState, daysLeft: number): string {
  if (state === "overdue") {
    if (daysLeft >= 0) return t("rights-admin.days.overdue_today");
    return daysLeft === -1
      ? t("rights-admin.days.overdue_one")
      : t("rights-admin.days.overdue", { days: -daysLeft });
  }
  if (daysLeft <= 0) return t("rights-admin.days.today");
  return daysLeft === 1
    ? t("rights-admin.days.left_one")
    : t("rights-admin.days.left", { days: daysLeft });
}

/**
 * Where the deadline stands, said in words: a highlighted mark for overdue and due within 7
 * days (never colour alone), then the days.
 */
export function DeadlineMark(props: {
  t: Translate;
  state: DeadlineState;
  daysLeft: number | null;
}): VNode {
  const { t, state, daysLeft } = props;
  if (daysLeft === null || state === "none") return <>—</>;
  const days = daysText(t, state, daysLeft);
  if (state === "on_time") return <>{days}</>;
  return (
    <>
      <mark>
        <strong>{t(`rights-admin.state.${state}`)}</strong>
      </mark>{" "}
      {days}
    </>
  );
}
