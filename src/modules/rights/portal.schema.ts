import { z } from "zod";
import { locales, type MessageKey } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";
import { type RightKind, rightKinds } from "../../policy/right-kinds.ts";
import { normalisePhone, normaliseVat } from "../../vault/normalise.ts";
import { type PurposeRight, purposesOpenTo } from "./portal-purposes.ts";
import type { PortabilityRecipient } from "./request-store.ts";
import type { RequestedRight } from "./rights.tables.ts";

export const portalFieldNames = [
  "rights",
  "objectionPurpose",
  "withdrawPurpose",
  "portabilityTo",
  "recipientName",
  "recipientEmail",
  "description",
  "email",
  "phone",
  "customerNumber",
  "vat",
] as const;
export type PortalField = (typeof portalFieldNames)[number];

/** Each field has one message, in the visitor's language, that says what a good value is. */
const problemKeys = {
  rights: "rights-portal.error.rights",
  objectionPurpose: "rights-portal.error.objectionPurpose",
  withdrawPurpose: "rights-portal.error.withdrawPurpose",
  portabilityTo: "rights-portal.error.portabilityTo",
  recipientName: "rights-portal.error.recipientName",
  recipientEmail: "rights-portal.error.recipientEmail",
  description: "rights-portal.error.description",
  email: "rights-portal.error.email",
  phone: "rights-portal.error.phone",
  customerNumber: "rights-portal.error.customerNumber",
  vat: "rights-portal.error.vat",
} as const satisfies Record<PortalField, MessageKey>;

const rectificationNeedsDescription: MessageKey = "rights-portal.error.description.rectification";

export const portalLimits = {
  description: 5_000,
  recipientName: 200,
  email: 254,
  phone: 40,
  customerNumber: 20,
  vat: 30,
  purpose: 64,
} as const;

export const portabilityTargets = ["self", "organisation"] as const;

const optionalText = (field: PortalField, max: number) =>
  z
    .string({ error: problemKeys[field] })
    .trim()
    .max(max, { error: problemKeys[field] })
    .optional()
    .transform((value) => (value === "" ? undefined : value));

const email = (field: "email" | "recipientEmail") =>
  z
    .string({ error: problemKeys[field] })
    .trim()
    .max(portalLimits.email, { error: problemKeys[field] })
    .pipe(z.email({ error: problemKeys[field] }));

/** Normalised by `normalise`, or a problem when it gives nothing back. */
const normalised = (field: PortalField, max: number, normalise: (value: string) => unknown) =>
  optionalText(field, max).transform((value, context) => {
    if (value === undefined) return undefined;
    const clean = normalise(value);
    if (typeof clean === "string") return clean;
    context.issues.push({ code: "custom", message: problemKeys[field], input: value });
    return z.NEVER;
  });

/** K-4M8T2Z as printed on invoices; typed in lower case or without the dash, it is still found. */
const customerNumberOf = (value: string): string | undefined => {
  const compact = value.toUpperCase().replace(/[\s-]/g, "");
  return /^K[0-9A-Z]{6}$/.test(compact) ? `K-${compact.slice(1)}` : undefined;
};

/** A form sends one `rights` field per ticked box: none, one (a string) or several (an array). */
const tickedRights = z
  .union([z.string(), z.array(z.string())], { error: problemKeys.rights })
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(
    z
      .array(z.enum(rightKinds, { error: problemKeys.rights }), { error: problemKeys.rights })
      .min(1, { error: problemKeys.rights })
      .max(rightKinds.length * 2, { error: problemKeys.rights }),
  )
  .transform((rights) => [...new Set(rights)]);

/** Every field on its own, so a refused form names every problem at once. */
const fieldSchemas = {
  rights: tickedRights,
  objectionPurpose: optionalText("objectionPurpose", portalLimits.purpose),
  withdrawPurpose: optionalText("withdrawPurpose", portalLimits.purpose),
  portabilityTo: optionalText("portabilityTo", portalLimits.purpose),
  recipientName: optionalText("recipientName", portalLimits.recipientName),
  recipientEmail: optionalText("recipientEmail", portalLimits.email).pipe(
    z.union([z.undefined(), email("recipientEmail")]),
  ),
  description: optionalText("description", portalLimits.description),
  email: email("email"),
  phone: normalised("phone", portalLimits.phone, normalisePhone),
  customerNumber: normalised("customerNumber", portalLimits.customerNumber, customerNumberOf),
  vat: normalised("vat", portalLimits.vat, normaliseVat),
} satisfies Record<PortalField, z.ZodType>;

type FieldValues = { [Field in PortalField]: z.output<(typeof fieldSchemas)[Field]> };

/** A request as the person asked it, checked against the policy: ready for createRequest. */
export interface PortalRequest {
  rights: RequestedRight[];
  email: string;
  phone?: string | undefined;
  customerNumber?: string | undefined;
  vat?: string | undefined;
  description?: string | undefined;
  recipient?: PortabilityRecipient | undefined;
}

export type PortalProblems = Partial<Record<PortalField, MessageKey>>;

export type ParsedPortalRequest =
  | { ok: true; request: PortalRequest }
  | { ok: false; problems: PortalProblems };

/**
 * Validates the request form or the API body. The purposes offered for an objection or a consent
 * withdrawal come from the policy, so a purpose the form never showed is refused here too.
 */
export function parsePortalRequest(policy: Policy, input: unknown): ParsedPortalRequest {
  const fields = (typeof input === "object" && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const problems: PortalProblems = {};
  const values: Partial<FieldValues> = {};
  for (const field of portalFieldNames) {
    const result = fieldSchemas[field].safeParse(fields[field]);
    if (result.success) (values as Record<string, unknown>)[field] = result.data;
    else problems[field] = problemKeys[field];
  }
  const rights = values.rights ?? [];
  const asked = (kind: RightKind) => rights.includes(kind);
  const purposeOf = (field: "objectionPurpose" | "withdrawPurpose", right: PurposeRight) => {
    const wanted = values[field];
    const offered = purposesOpenTo(policy, right).find((purpose) => purpose.id === wanted);
    if (!offered) problems[field] ??= problemKeys[field];
    return offered?.id;
  };
  const requested: RequestedRight[] = [];
  for (const kind of rights) {
    if (kind === "objection") {
      requested.push({ kind, purpose: purposeOf("objectionPurpose", "objection") });
    } else if (kind === "withdraw_consent") {
      requested.push({ kind, purpose: purposeOf("withdrawPurpose", "withdraw_consent") });
    } else if (kind === "portability") {
      const to = portabilityTargets.find((target) => target === values.portabilityTo);
      if (!to) problems.portabilityTo ??= problemKeys.portabilityTo;
      requested.push({ kind, to });
    } else {
      requested.push({ kind });
    }
  }
  const toOrganisation = requested.some((right) => right.to === "organisation");
  if (toOrganisation && !values.recipientName) problems.recipientName ??= problemKeys.recipientName;
  if (toOrganisation && !values.recipientEmail) {
    problems.recipientEmail ??= problemKeys.recipientEmail;
  }
  if (asked("rectification") && !values.description) {
    problems.description ??= rectificationNeedsDescription;
  }
  if (Object.keys(problems).length > 0 || !values.email) return { ok: false, problems };
  return {
    ok: true,
    request: {
      rights: requested,
      email: values.email,
      phone: values.phone,
      customerNumber: values.customerNumber,
      vat: values.vat,
      description: values.description,
      recipient:
        toOrganisation && values.recipientName && values.recipientEmail
          ? { name: values.recipientName, email: values.recipientEmail }
          : undefined,
    },
  };
}

/** The JSON body of POST /api/privacy/requests as documented in /docs; checked again after. */
export const portalApiBody = z.object({
  rights: z
    .array(z.enum(rightKinds))
    .min(1)
    .describe("One or more rights; objection and withdraw_consent need their purpose."),
  objectionPurpose: z
    .string()
    .optional()
    .describe("Objection: a policy purpose based on legitimate interests."),
  withdrawPurpose: z
    .string()
    .optional()
    .describe("Consent withdrawal: a policy purpose based on consent."),
  portabilityTo: z
    .enum(portabilityTargets)
    .optional()
    .describe("Portability: to you or to an organisation."),
  recipientName: z.string().optional().describe("Portability to an organisation: its name."),
  recipientEmail: z.string().optional().describe("Portability to an organisation: its e-mail."),
  description: z
    .string()
    .optional()
    .describe("Up to 5,000 characters; for rectification, what is wrong and what it should be."),
  email: z.string().describe("The e-mail address under which we know you; the link goes there."),
  phone: z.string().optional(),
  customerNumber: z.string().optional().describe("K-XXXXXX, as on your invoices."),
  vat: z.string().optional(),
  locale: z.enum(locales).optional().describe("Language of the mails and the answer."),
});

/** The confirmation form's hidden token: base64url of 32 bytes, never anything long. */
export const confirmBody = z.object({ token: z.string().min(1).max(128) }).loose();

/** The status page's download button: which package, and the status link's token. */
export const downloadBody = z
  .object({ token: z.string().min(1).max(128), packageId: z.string().min(1).max(64) })
  .loose();

/** The status link's token, however it arrives; anything malformed is as unknown as a wrong one. */
export const statusQuery = z.object({ token: z.string().max(128).optional() }).loose();
