export const securityNl = {
  "security.title": "Beveiliging van je gegevens",
  "security.report.title": "Iets niet in orde?",
  "security.report.how": "Mail ons op",
  "security.report.what":
    "Vertel wat je zag, waar en wanneer. Stuur geen wachtwoorden of andere gegevens mee die we niet nodig hebben. We bevestigen je melding en houden je op de hoogte.",
  "security.txt": "security.txt voor beveiligingsonderzoekers",
  "statement.security.link": "Een beveiligingsprobleem of misbruik melden",
} as const;
