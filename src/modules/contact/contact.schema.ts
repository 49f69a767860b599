import { z } from "zod";
import { locales, type MessageKey } from "../../core/i18n/index.ts";
import { normalisePhone } from "../../vault/normalise.ts";

export const contactFieldNames = ["name", "email", "phone", "subject", "message"] as const;
export type ContactField = (typeof contactFieldNames)[number];

/** Each field has one message, in the visitor's language, that says what a good value is. */
const problemKeys = {
  name: "contact-form.error.name",
  email: "contact-form.error.email",
  phone: "contact-form.error.phone",
  subject: "contact-form.error.subject",
  message: "contact-form.error.message",
} as const satisfies Record<ContactField, MessageKey>;

export const contactLimits = { name: 200, email: 254, phone: 40, subject: 200, message: 10_000 };

const requiredText = (field: ContactField) =>
  z
    .string({ error: problemKeys[field] })
    .trim()
    .min(1, { error: problemKeys[field] })
    .max(contactLimits[field], { error: problemKeys[field] });

const email = z
  .string({ error: problemKeys.email })
  .trim()
  .max(contactLimits.email, { error: problemKeys.email })
  .pipe(z.email({ error: problemKeys.email }));

const phoneText = z
  .string({ error: problemKeys.phone })
  .trim()
  .max(contactLimits.phone, { error: problemKeys.phone });

/** The JSON body of POST /api/contact as documented in /docs; the phone is normalised after. */
export const contactApiBody = z.object({
  name: requiredText("name").describe("The sender's name, 1 to 200 characters."),
  email: email.describe("Where the confirmation and the answer go."),
  phone: phoneText
    .optional()
    .describe("Optional; a Belgian number may omit +32. Stored in E.164 form."),
  subject: requiredText("subject").describe("1 to 200 characters."),
  message: requiredText("message").describe("1 to 10,000 characters."),
  locale: z.enum(locales).optional().describe("Language of the confirmation mail."),
});

const contactFieldsSchema = z.object({
  name: requiredText("name"),
  email,
  phone: phoneText.optional().transform((value, context) => {
    if (value === undefined || value === "") return undefined;
    const normalised = normalisePhone(value);
    if (normalised) return normalised;
    context.issues.push({ code: "custom", message: problemKeys.phone, input: value });
    return z.NEVER;
  }),
  subject: requiredText("subject"),
  message: requiredText("message"),
});

export type ContactFields = z.output<typeof contactFieldsSchema>;
export type ContactProblems = Partial<Record<ContactField, MessageKey>>;

export type ParsedContactFields =
  | { ok: true; fields: ContactFields }
  | { ok: false; problems: ContactProblems };

/** Validates the text fields of a form post or API call; the phone comes out as E.164. */
export function parseContactFields(input: Record<string, unknown>): ParsedContactFields {
  const result = contactFieldsSchema.safeParse(input);
  if (result.success) return { ok: true, fields: result.data };
  const problems: ContactProblems = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && field in problemKeys) {
      const known = field as ContactField;
      problems[known] ??= problemKeys[known];
    }
  }
  return { ok: false, problems };
}
