import type { contactFormNl } from "./contact-form.nl.ts";

export const contactFormEn: Record<keyof typeof contactFormNl, string> = {
  "contact-form.placeholder": "—",
};
