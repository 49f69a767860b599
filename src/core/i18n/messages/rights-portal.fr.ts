import type { rightsPortalNl } from "./rights-portal.nl.ts";

export const rightsPortalFr: Record<keyof typeof rightsPortalNl, string> = {
  "rights-portal.placeholder": "—",
};
