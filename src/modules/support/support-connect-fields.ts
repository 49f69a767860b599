import type { MessageKey } from "../../core/i18n/index.ts";

export type HandOverField = "code" | "teamviewerId" | "password";
export type HandOverProblems = Partial<Record<HandOverField, MessageKey>>;

export interface HandOverFields {
  teamviewerId: string;
  password: string;
  objected: boolean;
}

/** A TeamViewer ID as shown on screen ("123 456 789") or typed without spaces: 9 to 12 digits. */
const teamviewerIdPattern = /^\d{9,12}$/;
/** TeamViewer's generated passwords are short; a long one is a mistake, not a password. */
const maxPasswordLength = 100;

/**
 * The ID, password and tick box of a hand-over, from a form post (the customer's page or the
 * technician's phone form). The password is only checked, never copied into a problem or a log.
 */
export function parseHandOverFields(
  fields: Readonly<Record<string, string>>,
): { ok: true; fields: HandOverFields } | { ok: false; problems: HandOverProblems } {
  const problems: HandOverProblems = {};
  const teamviewerId = (fields.teamviewerId ?? "").replace(/[\s.-]/g, "");
  if (!teamviewerIdPattern.test(teamviewerId)) {
    problems.teamviewerId = "support.connect.error.teamviewer_id";
  }
  const password = (fields.password ?? "").trim();
  if (password === "" || password.length > maxPasswordLength) {
    problems.password = "support.connect.error.password";
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, fields: { teamviewerId, password, objected: (fields.objected ?? "") !== "" } };
}

/** The six digits the technician read out, spaces forgiven; undefined when it cannot be a code. */
export function parseSessionCode(value: string | undefined): string | undefined {
  const code = (value ?? "").replace(/\s/g, "");
  return /^\d{6}$/.test(code) ? code : undefined;
}

/** Only string fields of a urlencoded body: a repeated field or an object is ignored. */
export function formStrings(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof body !== "object" || body === null) return fields;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
}
