import { isLocale, type Locale, type MessageKey } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";
import { mailRequestReceived } from "./admin-mails.ts";
import { type PortalProblems, type PortalRequest, parsePortalRequest } from "./portal.schema.ts";
import { type FormFields, keptValues, type RequestFormValues } from "./request-form-values.ts";
import { type CreatedRequest, createRequest } from "./request-intake.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** How a request reaches staff; the portal enters its own. */
export const staffChannels = ["email", "phone", "post"] as const;
export type StaffChannel = (typeof staffChannels)[number];

/** The form as typed, kept whole so a refused form comes back with every value in place. */
export interface StaffEntryForm {
  channel: string;
  locale: string;
  request: RequestFormValues;
}

export function emptyStaffEntryForm(locale: Locale): StaffEntryForm {
  return { channel: "email", locale, request: { rights: [], text: { portabilityTo: "self" } } };
}

/** The typed form out of a posted body, to show back when it is refused. */
export function staffEntryFormOf(fields: FormFields): StaffEntryForm {
  const one = (value: string | string[] | undefined) =>
    typeof value === "string" ? value.slice(0, 20) : "";
  return { channel: one(fields.channel), locale: one(fields.locale), request: keptValues(fields) };
}

/** The portal's problems with the request, plus the two fields only staff fill in. */
export type StaffEntryProblems = PortalProblems & {
  channel?: MessageKey | undefined;
  locale?: MessageKey | undefined;
};

export type StaffEntry = PortalRequest & { channel: StaffChannel; locale: Locale };

/**
 * Checks what staff typed with the portal's own rules (parsePortalRequest): the same purposes
 * for an objection or a withdrawal, the same limits, a description for a rectification. Staff
 * add only how the request came in and the language the person is answered in.
 */
export function readStaffEntryForm(
  policy: Policy,
  fields: FormFields,
): { ok: true; value: StaffEntry } | { ok: false; problems: StaffEntryProblems } {
  const channel = staffChannels.find((candidate) => candidate === fields.channel);
  const locale = isLocale(fields.locale) ? fields.locale : undefined;
  const parsed = parsePortalRequest(policy, fields);
  if (parsed.ok && channel && locale) {
    return { ok: true, value: { ...parsed.request, channel, locale } };
  }
  return {
    ok: false,
    problems: {
      ...(channel ? {} : { channel: "rights-admin.error.channel" }),
      ...(locale ? {} : { locale: "rights-admin.error.locale" }),
      ...(parsed.ok ? {} : parsed.problems),
    },
  };
}

/**
 * A request received by e-mail, phone or post: recorded as received (its deadline runs from
 * now) with the mail that tells the person so, in one transaction.
 */
export async function enterRequest(
  deps: RightsDeps,
  input: { entry: StaffEntry; staffId: string },
): Promise<CreatedRequest> {
  return deps.db.transaction(async (tx) => {
    const scoped = { ...deps, db: tx };
    const created = await createRequest(scoped, { ...input.entry, enteredBy: input.staffId });
    if (!created.deadlineAt) throw new Error("a request entered by staff has a deadline");
    const idCopyRequired = input.entry.rights.some((right) =>
      deps.policy().rights.idCopyRequiredFor.includes(right.kind),
    );
    await mailRequestReceived(tx, deps, {
      requestId: created.requestId,
      reference: created.reference,
      locale: input.entry.locale,
      email: input.entry.email,
      subjectId: created.subjectId,
      deadlineAt: created.deadlineAt,
      idCopyRequired,
    });
    return created;
  });
}
