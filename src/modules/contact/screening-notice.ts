import { z } from "zod";
import type { Translate } from "../../core/i18n/index.ts";
import { findingTypes } from "../../policy/sensitive-data-types.ts";
import type { IntakeScreening } from "../scanner/index.ts";

/**
 * The confirmation page is a GET after a redirect, so what the scanner did travels in its query:
 * kinds of data and an outcome from closed lists, never anything the person typed.
 */
export const sentQuerySchema = z
  .object({
    ref: z.string().optional(),
    removed: z.string().max(300).optional(),
    held: z.enum(["held", "deleted"]).optional(),
    hours: z.coerce.number().int().min(0).max(720).optional(),
  })
  .loose();

export function sentQuery(reference: string, screening: IntakeScreening): string {
  const query = new URLSearchParams({ ref: reference });
  if (screening.redacted.length > 0) query.set("removed", screening.redacted.join(","));
  if (screening.quarantine) {
    query.set("held", screening.quarantine);
    query.set("hours", String(screening.hours));
  }
  return query.toString();
}

export function screeningFromQuery(query: z.output<typeof sentQuerySchema>): IntakeScreening {
  const known: ReadonlySet<string> = new Set(findingTypes);
  const redacted = (query.removed ?? "")
    .split(",")
    .filter((type): type is (typeof findingTypes)[number] => known.has(type));
  return { redacted, quarantine: query.held ?? null, hours: query.hours ?? 0 };
}

/** "We removed your national register number…", "Only our privacy officer will look at it…". */
export function screeningNotices(t: Translate, screening: IntakeScreening): string[] {
  const notices: string[] = [];
  if (screening.redacted.length > 0) {
    const types = screening.redacted.map((type) => t(`scanner.type.${type}`)).join(", ");
    notices.push(t("scanner.notice.redacted", { types }));
  }
  if (screening.quarantine === "held") {
    notices.push(t("scanner.notice.quarantined", { hours: screening.hours }));
  }
  if (screening.quarantine === "deleted") notices.push(t("scanner.notice.quarantined.now"));
  return notices;
}
