export const scannerAdminNl = {
  "scanner-admin.nav": "Quarantaine",
  "scanner-admin.mail.subject": "Bericht in quarantaine: {types}",
  "scanner-admin.mail.body":
    "Een bericht lijkt gegevens te bevatten over: {types}.\n\nHet is afgeschermd en wordt op {deleteAfter} gewist, tenzij je het als vals alarm vrijgeeft:\n{link}",
} as const;
