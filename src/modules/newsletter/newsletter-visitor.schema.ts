import { z } from "zod";
import { locales, type MessageKey } from "../../core/i18n/index.ts";

export const signupFieldNames = ["name", "email", "topics"] as const;
export type SignupField = (typeof signupFieldNames)[number];

/** Each field has one message, in the visitor's language, that says what a good value is. */
const problemKeys = {
  name: "newsletter-form.error.name",
  email: "newsletter-form.error.email",
  topics: "newsletter-form.error.topics",
} as const satisfies Record<SignupField, MessageKey>;

export const signupLimits = { name: 200, email: 254, topics: 50, topicId: 64 };

const name = z
  .string({ error: problemKeys.name })
  .trim()
  .min(1, { error: problemKeys.name })
  .max(signupLimits.name, { error: problemKeys.name });

const email = z
  .string({ error: problemKeys.email })
  .trim()
  .max(signupLimits.email, { error: problemKeys.email })
  .pipe(z.email({ error: problemKeys.email }));

const topicIds = z
  .array(z.string({ error: problemKeys.topics }).max(signupLimits.topicId), {
    error: problemKeys.topics,
  })
  .max(signupLimits.topics, { error: problemKeys.topics });

/** A form sends one `topics` field per ticked box: none, one (a string) or several (an array). */
const tickedTopics = z
  .union([z.string(), z.array(z.string())], { error: problemKeys.topics })
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(topicIds);

/** The JSON body of POST /api/newsletter/subscribe as documented in /docs. */
export const newsletterApiBody = z.object({
  name: name.describe("Name or nickname, 1 to 200 characters."),
  email: email.describe("Where the confirmation link goes."),
  topics: topicIds
    .min(1, { error: problemKeys.topics })
    .describe("Ids of the policy's newsletter topics; each one is a separate consent."),
  locale: z.enum(locales).optional().describe("Language of the confirmation mail."),
});

const signupFieldsSchema = z.object({ name, email, topics: tickedTopics });
export type SignupFields = z.output<typeof signupFieldsSchema>;

const preferenceFieldsSchema = z.object({ name, topics: tickedTopics });
export type PreferenceFields = z.output<typeof preferenceFieldsSchema>;

export type FieldProblems<Field extends string> = Partial<Record<Field, MessageKey>>;

export type Parsed<Fields, Field extends string> =
  | { ok: true; fields: Fields }
  | { ok: false; problems: FieldProblems<Field> };

/** Validates the sign-up form; whether a topic exists in the policy is the route's check. */
export function parseSignupFields(input: unknown): Parsed<SignupFields, SignupField> {
  return parseWith(signupFieldsSchema, input);
}

/** Validates the preference centre's form: no topic at all is allowed, it unsubscribes. */
export function parsePreferenceFields(
  input: unknown,
): Parsed<PreferenceFields, Exclude<SignupField, "email">> {
  return parseWith(preferenceFieldsSchema, input);
}

/** The confirmation form's hidden token: base64url of 32 bytes, never anything long. */
export const confirmBody = z.object({ token: z.string().min(1).max(128) }).loose();

function parseWith<Fields, Field extends SignupField>(
  schema: z.ZodType<Fields>,
  input: unknown,
): Parsed<Fields, Field> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, fields: result.data };
  const problems: FieldProblems<Field> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && field in problemKeys) {
      const known = field as Field;
      problems[known] ??= problemKeys[known];
    }
  }
  return { ok: false, problems };
}
