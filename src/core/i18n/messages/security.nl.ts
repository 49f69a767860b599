export const securityNl = {
  "security.title": "Beveiliging van je gegevens",
  "security.report.title": "Iets niet in orde?",
  "security.report.how": "Mail ons op",
  "security.report.what":
    "Vertel wat je zag, waar en wanneer. Stuur geen wachtwoorden of andere gegevens mee die we niet nodig hebben. We bevestigen je melding en houden je op de hoogte.",
  "security.txt": "security.txt voor beveiligingsonderzoekers",
  "statement.security.link": "Een beveiligingsprobleem of misbruik melden",
  "security.form.title": "Misbruik of een beveiligingsprobleem melden",
  "security.form.errors": "Je melding is nog niet verstuurd. Verbeter het volgende:",
  "security.form.message": "Wat zag je, waar en wanneer?",
  "security.form.message.hint":
    "Vermeld geen wachtwoorden of andere gegevens die we niet nodig hebben.",
  "security.form.name": "Naam (niet verplicht)",
  "security.form.email": "E-mailadres",
  "security.form.email.hint":
    "Nodig om je melding te bevestigen en je te kunnen antwoorden of vragen te stellen. We gebruiken het alleen daarvoor.",
  "security.form.honeypot": "Laat dit veld leeg",
  "security.form.notice":
    "We bewaren je melding, je e-mailadres en je IP-adres zoals een contactaanvraag. Bewaartermijn: {retention}",
  "security.form.notice.privacy": "Lees onze privacyverklaring.",
  "security.form.submit": "Melding versturen",
  "security.form.error.message": "Beschrijf wat je zag (hoogstens 10.000 tekens).",
  "security.form.error.name": "Je naam mag hoogstens 200 tekens lang zijn.",
  "security.form.error.email": "Vul een geldig e-mailadres in, bv. naam@voorbeeld.be.",
  "security.form.topic": "Melding van misbruik of een beveiligingsprobleem",
  "security.sent.title": "Bedankt voor je melding",
  "security.sent.next":
    "Je krijgt een bevestiging per e-mail. Onze privacyverantwoordelijke bekijkt je melding zo snel mogelijk en neemt contact op als er vragen zijn.",
} as const;
