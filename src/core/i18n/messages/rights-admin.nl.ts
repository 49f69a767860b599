export const rightsAdminNl = {
  "rights-admin.placeholder": "—",
} as const;
