import type { scannerAdminNl } from "./scanner-admin.nl.ts";

export const scannerAdminFr: Record<keyof typeof scannerAdminNl, string> = {
  "scanner-admin.nav": "Quarantaine",
  "scanner-admin.mail.subject": "Message en quarantaine : {types}",
  "scanner-admin.mail.body":
    "Un message semble contenir des données sur : {types}.\\n\\nIl est mis à l’écart et sera effacé le {deleteAfter}, sauf si vous le libérez comme fausse alerte :\\n{link}",
};
