import { z } from "zod";
import type { CustomerKind } from "./customers.tables.ts";
import { customerKinds } from "./customers.tables.ts";

/** Why a form on the customer pages was refused; each has a sentence in the staff's language. */
export type FormRefusal =
  | "kind"
  | "company"
  | "email"
  | "name"
  | "service"
  | "date"
  | "person"
  | "value"
  | "source"
  | "title"
  | "empty_text"
  | "erased"
  | "already_contact"
  | "agreement_ended"
  | "agreement_runs";

/** What a redirect after a successful form tells the customer's page to say. */
export const customerPageNotices = [
  "created",
  "agreement_started",
  "agreement_ended",
  "contact_added",
  "dossier_added",
  "ticket_opened",
  "ticket_note",
  "ticket_closed",
  "ticket_reopened",
  "erased",
] as const;
export type CustomerPageNotice = (typeof customerPageNotices)[number];

const emailSchema = z.email().max(320);

export function validEmail(value: string): boolean {
  return emailSchema.safeParse(value).success;
}

/** A calendar day as an `<input type="date">` sends it, and a real one (no 31 February). */
export function validDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface NewCustomerInput {
  kind: CustomerKind;
  companyName: string | undefined;
  email: string;
  name: string;
  role: string | undefined;
  /** Only when a service was typed: the first agreement is optional. */
  agreement: { service: string; startsOn: string } | undefined;
}

/** The new-customer form, checked field by field so the refusal names the field to fix. */
export function readNewCustomerForm(form: {
  kind: string;
  companyName: string;
  email: string;
  name: string;
  role: string;
  service: string;
  startsOn: string;
}): { ok: true; value: NewCustomerInput } | { ok: false; refusal: FormRefusal } {
  const kind = customerKinds.find((candidate) => candidate === form.kind);
  if (!kind) return { ok: false, refusal: "kind" };
  const companyName = form.companyName.trim();
  if (kind === "company" && !companyName) return { ok: false, refusal: "company" };
  const email = form.email.trim();
  if (!validEmail(email)) return { ok: false, refusal: "email" };
  const name = form.name.trim();
  if (!name) return { ok: false, refusal: "name" };
  const service = form.service.trim();
  if (service && !validDay(form.startsOn)) return { ok: false, refusal: "date" };
  return {
    ok: true,
    value: {
      kind,
      companyName: kind === "company" ? companyName : undefined,
      email,
      name,
      role: form.role.trim() || undefined,
      agreement: service ? { service, startsOn: form.startsOn } : undefined,
    },
  };
}
