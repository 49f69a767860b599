import type { Translate } from "../../core/i18n/index.ts";
import { type FieldValue, isoDay, type RecordField } from "../../datamap/index.ts";
import { isErased } from "../../vault/index.ts";

/** A stored value as the back office shows it: decrypted text, a day, "erased", or a file size. */
export function fieldText(t: Translate, field: RecordField, value: FieldValue): string {
  if (value === null || value === undefined) return "—";
  if (isErased(value)) return t("records.value.erased");
  if (Buffer.isBuffer(value)) return t("records.value.file", { bytes: value.length });
  if (field.kind === "date" && typeof value === "string") return dateText(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Day and minute, marked UTC: the back office shows stored times as they are, in one zone. */
function dateText(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${isoDay(at)} ${at.toISOString().slice(11, 16)} UTC`;
}
