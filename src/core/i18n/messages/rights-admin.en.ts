import type { rightsAdminNl } from "./rights-admin.nl.ts";

export const rightsAdminEn: Record<keyof typeof rightsAdminNl, string> = {
  "rights-admin.nav": "Requests",
};
