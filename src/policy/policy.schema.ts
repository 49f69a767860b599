import { z } from "zod";
import { vaultPurposes } from "../vault/purposes.ts";
import { rightKinds } from "./right-kinds.ts";
import { findingTypes } from "./sensitive-data-types.ts";

/**
 * The policy file's shape. Everything a visitor reads and every rule the engines enforce comes from
 * one file of this shape, so the statement and the software cannot drift. Objects are strict: a
 * misspelt key is an error, not a silently ignored paragraph.
 */

/** A closed list with a message that names the allowed values, since the zod default is terse. */
function oneOf<const Values extends readonly [string, ...string[]]>(values: Values, what: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? "required field is missing"
        : `unknown ${what} ${JSON.stringify(issue.input)}; expected one of: ${values.join(", ")}`,
  });
}

const text = z.string().trim().min(1, "must not be empty");

/** Text a visitor reads, in each locale of `src/core/i18n/i18n.ts`; all three are required. */
export const localized = z
  .strictObject({ nl: text, en: text, fr: text })
  .describe("The same text in Dutch (first language), English and French.");

export type LocalizedText = z.infer<typeof localized>;

const isoDate = z.iso.date("must be an ISO date, e.g. 2026-01-31");

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, "must be lowercase letters, digits, _ or -, starting with a letter");

/** GDPR Art. 6(1) (a) to (f), in that order. */
export const legalBases = [
  "consent",
  "contract",
  "legal_obligation",
  "vital_interests",
  "public_task",
  "legitimate_interests",
] as const;
export type LegalBasis = (typeof legalBases)[number];

/**
 * Events the retention clock can start from. Each is emitted by the module that owns it; a rule
 * naming any other event would never fire, so the list is closed.
 */
export const anchorEvents = [
  "request.closed",
  "agreement.ended",
  "newsletter.unsubscribed",
  "order.completed",
  "customer.ended",
  "support.session_ended",
] as const;
export type AnchorEvent = (typeof anchorEvents)[number];

/** Conditions that postpone a deletion that is otherwise due. */
export const retentionConditions = ["running_agreement"] as const;

const durationPart = z
  .number({
    error: (issue) =>
      issue.input === undefined ? "required field is missing" : "must be a whole number",
  })
  .int("must be a whole number")
  .min(0, "must be 0 or more (a duration cannot be negative)");

const afterEventRule = z
  .strictObject({
    kind: z.literal("after_event"),
    event: oneOf(anchorEvents, "anchor event"),
    years: durationPart.optional(),
    months: durationPart.optional(),
    days: durationPart.optional(),
    // The contact statement keeps data until the request is handled OR a resulting agreement
    // ends, plus a year: one anchor cannot say "the later of two", so later events restart it.
    restartOn: z.array(oneOf(anchorEvents, "anchor event")).optional(),
    unlessCondition: oneOf(retentionConditions, "condition").optional(),
  })
  // "Immediately" must be written as `days: 0`, so a forgotten period is not read as "delete now".
  .refine((rule) => [rule.years, rule.months, rule.days].some((part) => part !== undefined), {
    message: "give the period as years, months and/or days (days: 0 means immediately)",
  });

export const retentionRuleSchema = z.discriminatedUnion(
  "kind",
  [
    afterEventRule,
    z.strictObject({ kind: z.literal("until_objection") }),
    z.strictObject({ kind: z.literal("not_stored") }),
  ],
  { error: () => "kind must be one of: after_event, until_objection, not_stored" },
);
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

const retention = z.strictObject({
  text: localized.describe("The retention period as the statement words it."),
  rule: retentionRuleSchema.describe("The same period in machine form, for the retention engine."),
});

const dataCategory = z.strictObject({
  id: identifier,
  label: localized,
  // Some data of a purpose follows its own rule: the TeamViewer password is never stored while
  // the TeamViewer ID is kept until objection.
  retention: retentionRuleSchema
    .optional()
    .describe("Overrides the purpose's rule for this category."),
});

const purpose = z.strictObject({
  id: oneOf(vaultPurposes, "purpose id"),
  name: localized,
  description: localized,
  legalBasis: oneOf(legalBases, "legal basis").describe("GDPR Art. 6(1) basis."),
  legalReference: text.optional().describe("The law that sets the obligation or period."),
  dataCategories: z.array(dataCategory).min(1, "list at least one data category"),
  dataSubjects: localized,
  retention,
  recipients: z.array(localized),
  transfersOutsideEea: z.boolean(),
  transferSafeguards: localized.optional(),
});

/** Belgian enterprise number as written with the VAT prefix: BE0 or BE1 and nine digits. */
const enterpriseNumber = z
  .string()
  .regex(/^BE[01]\d{9}$/, "must be BE0 or BE1 followed by 9 digits, e.g. BE0123456749")
  // The last two digits are 97 minus the first eight modulo 97 (KBO check digits); catches typos.
  .refine((value) => {
    const digits = value.slice(2);
    return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
  }, "check digits do not match (the last two digits must be 97 - first eight mod 97)");

/** Shown as links on public pages: only web addresses, never `javascript:` or `data:`. */
const webAddress = z.url({
  protocol: /^https?$/,
  error: "must be a web address starting with https:// or http://",
});

const organisation = z.strictObject({
  name: text,
  legalForm: text,
  address: z.strictObject({
    street: text,
    postalCode: text,
    city: text,
    country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code, e.g. BE"),
  }),
  enterpriseNumber,
  privacyEmail: z.email("must be an e-mail address"),
  website: webAddress,
  supervisoryAuthority: z.strictObject({
    name: localized,
    address: text,
    url: webAddress,
    email: z.email("must be an e-mail address").optional(),
  }),
});

const newsletterTopic = z.strictObject({
  id: identifier,
  name: localized,
  description: localized,
});

const cookie = z.strictObject({
  name: text,
  provider: text,
  purpose: localized,
  category: oneOf(["necessary", "analytics"], "cookie category"),
  duration: localized,
  party: oneOf(["first", "third"], "cookie party"),
});

/**
 * GDPR Chapter V grounds for sending data outside the EEA: an adequacy decision (Art. 45),
 * standard contractual clauses (Art. 46(2)(c)), binding corporate rules (Art. 47), or a
 * derogation for a specific situation (Art. 49).
 */
export const transferBases = ["adequacy", "scc", "bcr", "derogation"] as const;
export type TransferBasis = (typeof transferBases)[number];

const processor = z.strictObject({
  name: text,
  service: localized,
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code, e.g. BE"),
  transferBasis: oneOf(transferBases, "transfer basis")
    .optional()
    .describe("Required when the country lies outside the EEA: the GDPR Chapter V safeguard."),
  contractDate: isoDate.describe("Date of the signed processing agreement (Art. 28(3))."),
  reviewDate: isoDate
    .optional()
    .describe("When the contract is next reviewed; the privacy officers are reminded."),
  purposes: z
    .array(z.string())
    .min(1, "list the purposes this processor serves")
    .describe("Purpose ids from `purposes`."),
  // Optional so that policy versions stored before this field existed still read (and keep
  // their content hash); the policy check warns when it is missing.
  dataCategories: z
    .array(z.string())
    .optional()
    .describe("Data category ids, of this processor's purposes, that it receives."),
});
export type Processor = z.infer<typeof processor>;

export const policySchema = z
  .strictObject({
    version: z.strictObject({
      changelog: text.describe("One line: what changed in this version."),
      effectiveDate: isoDate,
      notify: z
        .boolean()
        .optional()
        .describe("Send an important notice to customers with a running service."),
    }),
    organisation,
    intro: localized,
    purposes: z.array(purpose).min(1, "list at least one purpose"),
    newsletterTopics: z.array(newsletterTopic),
    specialData: localized.describe("Special categories of data and minors."),
    sensitiveData: z
      .strictObject({
        redact: z
          .array(oneOf(findingTypes, "sensitive-data type"))
          .describe(
            "Found in free text a person sends, these are replaced by [removed: type] before anything is stored.",
          ),
        quarantine: z
          .array(oneOf(findingTypes, "sensitive-data type"))
          .describe(
            "Found in a contact request or ticket, these hide the record for the privacy role, who may release it; otherwise it is deleted after quarantineHours.",
          ),
        quarantineHours: z
          .number()
          .int("must be a whole number")
          .min(0, "0 deletes at once")
          .max(720, "the statement promises deletion at once: at most 30 days (720 hours)")
          .describe("Hours before a quarantined record is deleted; 0 deletes it at intake."),
        minimumConfidence: z
          .number()
          .min(0, "between 0 and 1")
          .max(1, "between 0 and 1")
          .describe("Findings less certain than this are ignored at intake (0.5 is a good start)."),
      })
      .refine((rule) => !rule.redact.some((type) => rule.quarantine.includes(type)), {
        message: "a type is either redacted or quarantined, not both",
      })
      .describe("What intake does with special categories, identifiers and minors it finds."),
    cookiesIntro: localized.describe("The statement's paragraph on cookies, above the inventory."),
    cookies: z.array(cookie),
    consent: z
      .strictObject({
        lifetimeDays: z
          .number()
          .int("must be a whole number")
          .min(1, "must be at least 1 day")
          .max(395, "the Belgian DPA and CNIL accept at most 13 months")
          .describe("How long a visitor's cookie choice holds before the banner asks again."),
        proofRetention: z
          .strictObject({
            text: localized.describe("How long proof of a cookie choice is kept, in words."),
            years: durationPart.optional(),
            months: durationPart.optional(),
            days: durationPart.optional(),
          })
          .refine(
            (rule) => [rule.years, rule.months, rule.days].some((part) => part !== undefined),
            { message: "give the period as years, months and/or days" },
          )
          .describe("Each choice (proof of consent, GDPR Art. 7(1)) is kept this long after it."),
      })
      .describe("The cookie banner: how long a choice holds and how long its proof is kept."),
    securityMeasures: z.array(localized),
    security: z
      .strictObject({
        contactEmail: z
          .email("must be an e-mail address")
          .describe("Where people report a security problem or misuse of their data."),
        expires: isoDate.describe(
          "security.txt's Expires (RFC 9116): review the file before this day, at most a year ahead.",
        ),
      })
      .describe("The security contact: /security and /.well-known/security.txt."),
    rights: z.strictObject({
      text: localized,
      answerDays: z.number().int("must be a whole number").positive("must be more than 0"),
      idCopyInstructions: localized,
      idCopyRequiredFor: z
        .array(oneOf(rightKinds, "right"))
        .describe(
          "Rights for which a copy of the front of an ID document is asked besides the e-mail check (the statement: access, and portability, which hands over the same data).",
        ),
      proofRetention: z
        .strictObject({
          text: localized.describe("How long proof of an answered request is kept, in words."),
          years: durationPart.optional(),
          months: durationPart.optional(),
          days: durationPart.optional(),
          legalReference: text.describe("Why the proof is kept (accountability)."),
        })
        .refine((rule) => [rule.years, rule.months, rule.days].some((part) => part !== undefined), {
          message: "give the period as years, months and/or days",
        })
        .describe(
          "A closed request keeps only its proof (rights asked, dates, outcome) this long after the answer.",
        ),
      requestEmail: z
        .email("must be an e-mail address")
        .optional()
        .describe("Defaults to organisation.privacyEmail."),
    }),
    processors: z.array(processor),
    legalDisclosure: localized,
    externalLinks: localized,
    changes: localized,
    complaint: localized,
  })
  .describe("WITS Privacy policy: one file for the statement, cookie policy and Art. 30 record.");

export type Policy = z.infer<typeof policySchema>;
export type Purpose = Policy["purposes"][number];
