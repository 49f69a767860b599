export const rightsAdminNl = {
  "rights-admin.nav": "Verzoeken",
} as const;
