import type { Db } from "../../core/db/database.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import { type DataMap, isoDay, type PlaceHoldInput } from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import { endOfDay, parseCalendarDay } from "./calendar-day.ts";

/** The place-a-hold form as typed, kept when it is refused. */
export interface HoldForm {
  recordType: string;
  email: string;
  reason: string;
  endsOn: string;
}

export const emptyHoldForm: HoldForm = { recordType: "", email: "", reason: "", endsOn: "" };

export type HoldFormResult =
  | { hold: Omit<PlaceHoldInput, "placedBy"> }
  | { error: MessageKey & `records.holds.error.${string}` };

/**
 * Reads the form into a hold, or the first problem with it. The person is only looked up, never
 * registered: a hold on someone we hold nothing about would itself be data about them.
 */
export async function readHoldForm(
  deps: { db: Db; dataMap: DataMap; vault: Vault },
  form: HoldForm,
  now: Date,
): Promise<HoldFormResult> {
  const reason = form.reason.trim();
  if (reason.length < 3) return { error: "records.holds.error.reason" };
  if (form.recordType !== "" && !deps.dataMap.get(form.recordType)) {
    return { error: "records.holds.error.record_type" };
  }
  const email = form.email.trim();
  if (form.recordType === "" && email === "") return { error: "records.holds.error.scope" };
  let endsAt: Date | undefined;
  if (form.endsOn.trim() !== "") {
    const start = parseCalendarDay(form.endsOn.trim());
    if (!start) return { error: "records.holds.error.end_date" };
    if (form.endsOn.trim() < isoDay(now)) return { error: "records.holds.error.end_past" };
    endsAt = endOfDay(start);
  }
  let subjectId: string | undefined;
  if (email !== "") {
    subjectId = await deps.vault.findSubject(deps.db, { email });
    if (!subjectId) return { error: "records.holds.error.nobody" };
  }
  return {
    hold: {
      reason,
      subjectId,
      recordType: form.recordType === "" ? undefined : form.recordType,
      endsAt,
    },
  };
}
