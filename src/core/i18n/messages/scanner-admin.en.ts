import type { scannerAdminNl } from "./scanner-admin.nl.ts";

export const scannerAdminEn: Record<keyof typeof scannerAdminNl, string> = {
  "scanner-admin.nav": "Quarantine",
  "scanner-admin.mail.subject": "Message in quarantine: {types}",
  "scanner-admin.mail.body":
    "A message seems to contain data about: {types}.\\n\\nIt is shielded and will be deleted on {deleteAfter} unless you release it as a false positive:\\n{link}",
};
