export const rightsPortalNl = {
  "rights-portal.placeholder": "—",
} as const;
