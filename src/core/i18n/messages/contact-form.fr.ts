import type { contactFormNl } from "./contact-form.nl.ts";

export const contactFormFr: Record<keyof typeof contactFormNl, string> = {
  "contact-form.placeholder": "—",
};
