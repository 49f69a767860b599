import type { rightsAdminNl } from "./rights-admin.nl.ts";

export const rightsAdminFr: Record<keyof typeof rightsAdminNl, string> = {
  "rights-admin.nav": "Demandes",
};
