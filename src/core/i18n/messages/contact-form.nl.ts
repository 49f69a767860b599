export const contactFormNl = {
  "contact-form.placeholder": "—",
} as const;
