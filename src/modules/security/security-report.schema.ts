import { z } from "zod";
import type { MessageKey } from "../../core/i18n/index.ts";

export const reportFieldNames = ["message", "name", "email"] as const;
export type ReportField = (typeof reportFieldNames)[number];
export type ReportProblems = Partial<Record<ReportField, MessageKey>>;

export const reportLimits = { message: 10_000, name: 200, email: 254 } as const;

/**
 * A misuse report: what was seen, where and when; a name if the reporter wants; an e-mail
 * address, required because the report is confirmed and answered by mail and the contact
 * intake links it to the reporter (see the form's hint, which says so).
 */
const reportSchema = z.object({
  message: z
    .string({ error: "security.form.error.message" })
    .trim()
    .min(1, { error: "security.form.error.message" })
    .max(reportLimits.message, { error: "security.form.error.message" }),
  name: z
    // A repeated `name` field arrives as a list: its problem must be a message key too.
    .string({ error: "security.form.error.name" })
    .trim()
    .max(reportLimits.name, { error: "security.form.error.name" })
    .optional()
    .default(""),
  email: z
    .string({ error: "security.form.error.email" })
    .trim()
    .max(reportLimits.email, { error: "security.form.error.email" })
    .pipe(z.email({ error: "security.form.error.email" })),
});

export type ReportFields = z.output<typeof reportSchema>;

export function parseReportFields(
  input: Record<string, unknown>,
): { ok: true; fields: ReportFields } | { ok: false; problems: ReportProblems } {
  const result = reportSchema.safeParse(input);
  if (result.success) return { ok: true, fields: result.data };
  const problems: ReportProblems = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    const known = reportFieldNames.find((name) => name === field);
    if (known) problems[known] ??= issue.message as MessageKey;
  }
  return { ok: false, problems };
}

/** What the visitor typed, capped, to show back. */
export function keptReportValues(
  body: Record<string, unknown>,
): Partial<Record<ReportField, string>> {
  const kept: Partial<Record<ReportField, string>> = {};
  for (const field of reportFieldNames) {
    const value = body[field];
    if (typeof value === "string") kept[field] = value.slice(0, reportLimits[field] * 2);
  }
  return kept;
}
