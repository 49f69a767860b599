/** The person's side of rights requests: /privacy/request, its status page and mails. */
export const rightsPortalNl = {
  "rights-portal.status.unconfirmed": "wacht op bevestiging van je e-mailadres",
  "rights-portal.status.received": "ontvangen",
  "rights-portal.status.verified": "identiteit gecontroleerd",
  "rights-portal.status.in_progress": "in behandeling",
  "rights-portal.status.answered": "beantwoord",
  "rights-portal.status.refused": "geweigerd",
  "rights-portal.right.access": "inzage",
  "rights-portal.right.rectification": "correctie",
  "rights-portal.right.erasure": "verwijdering",
  "rights-portal.right.restriction": "beperking van de verwerking",
  "rights-portal.right.objection": "bezwaar",
  "rights-portal.right.withdraw_consent": "toestemming intrekken",
  "rights-portal.right.portability": "gegevensoverdracht",
} as const;
