import type { rightsPortalNl } from "./rights-portal.nl.ts";

export const rightsPortalEn: Record<keyof typeof rightsPortalNl, string> = {
  "rights-portal.status.unconfirmed": "waiting for you to confirm your e-mail address",
  "rights-portal.status.received": "received",
  "rights-portal.status.verified": "identity checked",
  "rights-portal.status.in_progress": "in progress",
  "rights-portal.status.answered": "answered",
  "rights-portal.status.refused": "refused",
  "rights-portal.right.access": "access",
  "rights-portal.right.rectification": "rectification",
  "rights-portal.right.erasure": "erasure",
  "rights-portal.right.restriction": "restriction of processing",
  "rights-portal.right.objection": "objection",
  "rights-portal.right.withdraw_consent": "withdrawal of consent",
  "rights-portal.right.portability": "data portability",
};
