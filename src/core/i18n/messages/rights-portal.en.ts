import type { rightsPortalNl } from "./rights-portal.nl.ts";

export const rightsPortalEn: Record<keyof typeof rightsPortalNl, string> = {
  "rights-portal.placeholder": "—",
};
