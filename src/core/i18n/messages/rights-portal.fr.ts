import type { rightsPortalNl } from "./rights-portal.nl.ts";

export const rightsPortalFr: Record<keyof typeof rightsPortalNl, string> = {
  "rights-portal.status.unconfirmed": "en attente de la confirmation de votre adresse e-mail",
  "rights-portal.status.received": "reçue",
  "rights-portal.status.verified": "identité vérifiée",
  "rights-portal.status.in_progress": "en cours de traitement",
  "rights-portal.status.answered": "traitée",
  "rights-portal.status.refused": "refusée",
  "rights-portal.right.access": "accès",
  "rights-portal.right.rectification": "rectification",
  "rights-portal.right.erasure": "effacement",
  "rights-portal.right.restriction": "limitation du traitement",
  "rights-portal.right.objection": "opposition",
  "rights-portal.right.withdraw_consent": "retrait du consentement",
  "rights-portal.right.portability": "portabilité des données",
};
