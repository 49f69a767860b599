import { z } from "zod";
import { isLocale, type Locale } from "../../core/i18n/index.ts";
import type { Policy, Purpose } from "../../policy/index.ts";
import { normalisePhone, normaliseVat } from "../../vault/index.ts";
import { mailRequestReceived } from "./admin-mails.ts";
import { type CreatedRequest, createRequest, type NewRequestInput } from "./request-intake.ts";
import type { RequestedRight } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** How a request reaches staff; the portal enters its own. */
export const staffChannels = ["email", "phone", "post"] as const;
export type StaffChannel = (typeof staffChannels)[number];

/** Rights ticked on their own; an objection or a withdrawal is ticked per purpose instead. */
export const plainRights = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
] as const;

export const entryLimits = {
  email: 320,
  name: 200,
  phone: 40,
  customerNumber: 20,
  vat: 30,
  description: 5000,
} as const;

/** The form as typed, kept whole so a refused form comes back with every value in place. */
export interface StaffEntryForm {
  channel: string;
  locale: string;
  rights: string[];
  objection: string[];
  withdraw: string[];
  portabilityTo: string;
  recipientName: string;
  recipientEmail: string;
  email: string;
  phone: string;
  customerNumber: string;
  vat: string;
  description: string;
}

export function emptyStaffEntryForm(locale: Locale): StaffEntryForm {
  return {
    channel: "email",
    locale,
    rights: [],
    objection: [],
    withdraw: [],
    portabilityTo: "self",
    recipientName: "",
    recipientEmail: "",
    email: "",
    phone: "",
    customerNumber: "",
    vat: "",
    description: "",
  };
}

/** Why the form was refused; each has a sentence naming the field to fix. */
export type StaffEntryRefusal =
  | "channel"
  | "locale"
  | "rights"
  | "purpose"
  | "recipient"
  | "email"
  | "phone"
  | "customer_number"
  | "vat"
  | "description";

/**
 * One may object to processing based on legitimate interests or a public task (GDPR Art. 21);
 * processing on another basis has no objection to make.
 */
export function objectionPurposes(policy: Policy): Purpose[] {
  return policy.purposes.filter(
    (purpose) =>
      purpose.legalBasis === "legitimate_interests" || purpose.legalBasis === "public_task",
  );
}

/** Only consent can be withdrawn (GDPR Art. 7(3)). */
export function consentPurposes(policy: Policy): Purpose[] {
  return policy.purposes.filter((purpose) => purpose.legalBasis === "consent");
}

const emailSchema = z.email().max(entryLimits.email);
const customerNumberPattern = /^K-[0-9A-Z]{6}$/;

export type StaffEntry = Omit<NewRequestInput, "enteredBy"> & { locale: Locale };

/**
 * Checks the form field by field, the rights first, so the refusal names one thing to fix. The
 * purposes are checked against the policy in force: a crafted form cannot object to a purpose
 * based on a legal obligation, or withdraw a consent nobody gave.
 */
export function readStaffEntryForm(
  policy: Policy,
  form: StaffEntryForm,
): { ok: true; value: StaffEntry } | { ok: false; refusal: StaffEntryRefusal } {
  const channel = staffChannels.find((candidate) => candidate === form.channel);
  if (!channel) return { ok: false, refusal: "channel" };
  if (!isLocale(form.locale)) return { ok: false, refusal: "locale" };
  const ticked = new Set(form.rights);
  if (![...ticked].every((kind) => (plainRights as readonly string[]).includes(kind))) {
    return { ok: false, refusal: "rights" };
  }
  const objection = purposesOf(objectionPurposes(policy), form.objection);
  const withdraw = purposesOf(consentPurposes(policy), form.withdraw);
  if (!objection || !withdraw) return { ok: false, refusal: "purpose" };
  const rights: RequestedRight[] = [];
  for (const kind of plainRights) {
    if (!ticked.has(kind) || kind === "portability") continue;
    rights.push({ kind });
  }
  for (const purpose of objection) rights.push({ kind: "objection", purpose });
  for (const purpose of withdraw) rights.push({ kind: "withdraw_consent", purpose });
  let recipient: StaffEntry["recipient"];
  if (ticked.has("portability")) {
    if (form.portabilityTo === "organisation") {
      const name = form.recipientName.trim();
      const email = form.recipientEmail.trim();
      if (!name || name.length > entryLimits.name || !emailSchema.safeParse(email).success) {
        return { ok: false, refusal: "recipient" };
      }
      recipient = { name, email };
      rights.push({ kind: "portability", to: "organisation" });
    } else if (form.portabilityTo === "self") {
      rights.push({ kind: "portability", to: "self" });
    } else {
      return { ok: false, refusal: "recipient" };
    }
  }
  if (rights.length === 0) return { ok: false, refusal: "rights" };
  const email = form.email.trim();
  if (!emailSchema.safeParse(email).success) return { ok: false, refusal: "email" };
  const phone = form.phone.trim();
  if (phone && !normalisePhone(phone)) return { ok: false, refusal: "phone" };
  const customerNumber = form.customerNumber.trim().toUpperCase();
  if (customerNumber && !customerNumberPattern.test(customerNumber)) {
    return { ok: false, refusal: "customer_number" };
  }
  const vat = form.vat.trim();
  if (vat && !normaliseVat(vat)) return { ok: false, refusal: "vat" };
  const description = form.description.trim();
  if (description.length > entryLimits.description) return { ok: false, refusal: "description" };
  return {
    ok: true,
    value: {
      channel,
      locale: form.locale,
      rights,
      email,
      phone: phone || undefined,
      customerNumber: customerNumber || undefined,
      vat: vat || undefined,
      description: description || undefined,
      recipient,
    },
  };
}

/** The ticked purposes, each one allowed; undefined when one is not. */
function purposesOf(allowed: readonly Purpose[], ticked: readonly string[]) {
  const chosen: Purpose["id"][] = [];
  for (const id of new Set(ticked)) {
    const purpose = allowed.find((candidate) => candidate.id === id);
    if (!purpose) return undefined;
    chosen.push(purpose.id);
  }
  return chosen;
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
      deadlineAt: created.deadlineAt,
      idCopyRequired,
    });
    return created;
  });
}
