import type { contactAdminNl } from "./contact-admin.nl.ts";

export const contactAdminFr: Record<keyof typeof contactAdminNl, string> = {
  "contact-admin.placeholder": "—",
};
