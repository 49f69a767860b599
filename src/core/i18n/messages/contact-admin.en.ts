import type { contactAdminNl } from "./contact-admin.nl.ts";

export const contactAdminEn: Record<keyof typeof contactAdminNl, string> = {
  "contact-admin.placeholder": "—",
};
