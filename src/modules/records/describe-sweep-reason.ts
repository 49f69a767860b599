import { isMessageKey, type Translate } from "../../core/i18n/index.ts";
import type { SweepPlanRow } from "../../datamap/index.ts";

/**
 * Why a group of due records goes, in words. The plan only carries the reason's code and event,
 * so the words name the group ("period after the request ended ran out"), not one person.
 */
export function describeSweepReason(
  t: Translate,
  row: Pick<SweepPlanRow, "reason" | "event">,
): string {
  const eventKey = `retention.event.${row.event}`;
  const key = `records.reason.${row.reason}`;
  // A code or event added to the engine later is shown as its code rather than failing the page.
  if (row.reason === "after_event") {
    return isMessageKey(eventKey)
      ? t("records.reason.after_event", { event: t(eventKey) })
      : row.reason;
  }
  return isMessageKey(key) ? t(key) : row.reason;
}
