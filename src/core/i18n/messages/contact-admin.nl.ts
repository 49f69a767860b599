export const contactAdminNl = {
  "contact-admin.placeholder": "—",
} as const;
