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

  "rights-portal.portability.self": "naar mezelf",
  "rights-portal.portability.organisation": "naar een organisatie die ik noem",
  "rights-portal.home": "Naar de startpagina",

  "rights-portal.form.title": "Je gegevens inzien, aanpassen of verwijderen",
  "rights-portal.form.by_mail": "Liever per e-mail? Toon ons e-mailadres",
  "rights-portal.form.by_mail.text": "Je kan je verzoek ook mailen naar",
  "rights-portal.form.steps": "Zo gaat het",
  "rights-portal.form.step.confirm":
    "Je krijgt een e-mail met een link om te bevestigen dat jij het verzoek indiende. Die link werkt {days} dagen.",
  "rights-portal.form.step.id_copy":
    "Voor {rights} vragen we daarna ook een kopie van de voorzijde van je identiteitsbewijs, die je oplaadt op de pagina van je verzoek.",
  "rights-portal.form.step.answer":
    "We antwoorden zo snel mogelijk, en uiterlijk {days} dagen nadat je je verzoek bevestigde.",
  "rights-portal.form.errors": "Je verzoek is nog niet verstuurd. Kijk deze velden na:",
  "rights-portal.form.error.automated":
    "Je verzoek werd niet verstuurd omdat het automatisch ingevuld leek. Probeer het opnieuw, of mail ons.",
  "rights-portal.form.error.expired":
    "Dit formulier stond te lang open. Kijk je gegevens na en verstuur het opnieuw.",
  "rights-portal.form.rights": "Wat wil je vragen? Kies één of meer rechten.",
  "rights-portal.form.hint.access":
    "Je krijgt een overzicht en een kopie van alle gegevens die we over je bewaren, waarom en hoe lang.",
  "rights-portal.form.hint.rectification":
    "We verbeteren gegevens die niet kloppen. Schrijf hieronder wat er fout is en wat het moet zijn.",
  "rights-portal.form.hint.erasure":
    "We verwijderen je gegevens, behalve wat we wettelijk moeten bewaren (zoals facturen); dan zeggen we waarom en tot wanneer.",
  "rights-portal.form.hint.restriction":
    "We bewaren je gegevens, maar gebruiken ze niet meer, bijvoorbeeld zolang we een correctie nakijken.",
  "rights-portal.form.hint.objection":
    "Je maakt bezwaar tegen een verwerking die we doen op basis van ons gerechtvaardigd belang.",
  "rights-portal.form.hint.withdraw_consent":
    "Je trekt een toestemming in die je ons gaf, bijvoorbeeld voor de nieuwsbrief.",
  "rights-portal.form.hint.portability":
    "Je krijgt je gegevens in een computerbestand, of we sturen het naar een organisatie die je noemt.",
  "rights-portal.form.objection_purpose": "Tegen welke verwerking maak je bezwaar?",
  "rights-portal.form.withdraw_purpose": "Welke toestemming trek je in?",
  "rights-portal.form.choose_purpose": "Kies een verwerking",
  "rights-portal.form.portability_to": "Naar wie sturen we het bestand?",
  "rights-portal.form.recipient_name": "Naam van de organisatie",
  "rights-portal.form.recipient_email": "E-mailadres van de organisatie",
  "rights-portal.form.description": "Omschrijving van je verzoek",
  "rights-portal.form.description.hint":
    "Bij een correctie: wat is er fout, en wat moet het zijn? Noem geen gevoelige gegevens die we niet nodig hebben.",
  "rights-portal.form.identity": "Waaronder kennen we je?",
  "rights-portal.form.email": "E-mailadres",
  "rights-portal.form.email.hint":
    "Het adres waaronder we je kennen. We sturen er de bevestigingslink en ons antwoord naartoe.",
  "rights-portal.form.phone": "Telefoonnummer (niet verplicht)",
  "rights-portal.form.customer_number": "Klantnummer (niet verplicht)",
  "rights-portal.form.customer_number.hint": "Zoals op je facturen, bijvoorbeeld K-4M8T2Z.",
  "rights-portal.form.vat": "Btw-nummer (niet verplicht)",
  "rights-portal.form.honeypot": "Laat dit veld leeg",
  "rights-portal.form.notice":
    "We gebruiken wat je hier invult alleen om je verzoek te behandelen en te bewijzen dat we het deden.",
  "rights-portal.form.notice.privacy": "Lees onze privacyverklaring.",
  "rights-portal.form.submit": "Verzoek versturen",

  "rights-portal.error.rights": "Kies minstens één recht.",
  "rights-portal.error.objectionPurpose": "Kies tegen welke verwerking je bezwaar maakt.",
  "rights-portal.error.withdrawPurpose": "Kies welke toestemming je intrekt.",
  "rights-portal.error.portabilityTo": "Kies naar wie we het bestand sturen.",
  "rights-portal.error.recipientName": "Vul de naam van de organisatie in (hoogstens 200 tekens).",
  "rights-portal.error.recipientEmail": "Vul een geldig e-mailadres van de organisatie in.",
  "rights-portal.error.description": "Je omschrijving mag hoogstens 5000 tekens lang zijn.",
  "rights-portal.error.description.rectification":
    "Schrijf voor een correctie wat er fout is en wat het moet zijn.",
  "rights-portal.error.email": "Vul een geldig e-mailadres in.",
  "rights-portal.error.phone": "Dit telefoonnummer klopt niet. Laat het leeg als je twijfelt.",
  "rights-portal.error.customerNumber":
    "Dit klantnummer klopt niet: het ziet eruit als K-4M8T2Z. Laat het leeg als je twijfelt.",
  "rights-portal.error.vat": "Dit btw-nummer klopt niet, bijvoorbeeld BE0123456749.",

  "rights-portal.check.title": "Kijk in je mailbox",
  "rights-portal.check.body":
    "We stuurden een e-mail naar het adres dat je opgaf. Klik op de link erin om te bevestigen dat jij dit verzoek indiende. De link werkt {days} dagen.",
  "rights-portal.check.nothing":
    "Geen e-mail gekregen? Kijk ook in je map met ongewenste e-mail. Zonder bevestiging doen we niets met het verzoek.",

  "rights-portal.confirm.title": "Bevestig je verzoek",
  "rights-portal.confirm.intro":
    "Bevestig dat jij dit verzoek over je gegevens indiende. Pas dan gaat de termijn lopen waarbinnen we antwoorden.",
  "rights-portal.confirm.submit": "Ja, ik diende dit verzoek in",

  "rights-portal.link.expired.title": "Deze link is verlopen",
  "rights-portal.link.expired":
    "Een verzoek dat niet binnen {days} dagen bevestigd wordt, vervalt. Er is niets mee gebeurd. Dien je verzoek gerust opnieuw in.",
  "rights-portal.link.invalid.title": "Deze link werkt niet",
  "rights-portal.link.invalid":
    "Deze bevestigingslink bestaat niet of werd al gebruikt. Bevestigde je al? Volg je verzoek dan op via de link in de e-mail die je daarna kreeg.",
  "rights-portal.link.status.title": "Deze pagina bestaat niet",
  "rights-portal.link.status":
    "Deze link naar een verzoek klopt niet. Gebruik de volledige link uit onze e-mail.",
  "rights-portal.link.again": "Een nieuw verzoek indienen",

  "rights-portal.page.title": "Je verzoek {reference}",
  "rights-portal.page.private":
    "Deze pagina is alleen voor jou: wie de link heeft, kan ze bekijken. Deel hem niet.",
  "rights-portal.page.asked": "Wat je vroeg",
  "rights-portal.page.received_on": "Ontvangen op",
  "rights-portal.page.deadline": "We antwoorden uiterlijk op",
  "rights-portal.page.extended": "We hebben de termijn verlengd. De reden:",
  "rights-portal.page.extended.no_reason": "je verzoek vraagt meer werk dan gewoonlijk.",
  "rights-portal.page.progress": "Waar staat je verzoek?",
  "rights-portal.page.done": "klaar",
  "rights-portal.page.to_come": "nog niet",
  "rights-portal.page.refused": "We hebben je verzoek geweigerd",
  "rights-portal.page.refused.no_reason": "We stuurden je de reden per e-mail.",
  "rights-portal.page.answer": "Ons antwoord",
  "rights-portal.page.answered_on": "Beantwoord op",
  "rights-portal.page.letter_pdf": "Ons antwoord als pdf",
  "rights-portal.page.downloads": "Je gegevens downloaden",
  "rights-portal.page.downloads.intro":
    "Elke klik maakt een nieuwe downloadlink; een eerdere link werkt dan niet meer.",
  "rights-portal.page.download": "Download je gegevens ({right})",
  "rights-portal.page.download.until": "beschikbaar tot",
  "rights-portal.page.complaint": "Niet tevreden?",
  "rights-portal.page.complaint.text":
    "Vind je dat we je niet op de juiste manier helpen, dan kan je een klacht indienen bij de {authority}.",

  "rights-portal.id.title": "Kopie van je identiteitsbewijs",
  "rights-portal.id.uploaded": "Opgeladen op",
  "rights-portal.id.uploaded.check":
    "We kijken ze na en laten je weten wanneer je identiteit gecontroleerd is. Je kan hieronder nog een andere kopie opladen.",
  "rights-portal.id.picture":
    "Voorbeeld: de voorzijde van een identiteitskaart met de pasfoto en het kaartnummer zwart gemaakt.",
  "rights-portal.id.picture.photo": "foto",
  "rights-portal.id.picture.number": "kaartnummer",
  "rights-portal.id.picture.caption":
    "Maak de pasfoto en het kaartnummer zwart voor je de kopie oplaadt.",
  "rights-portal.id.kept":
    "We gebruiken de kopie alleen om te controleren dat jij het bent, en vernietigen ze meteen daarna, uiterlijk 30 dagen na het opladen. Je ziet ze hier niet terug.",
  "rights-portal.id.file": "Foto of scan van de voorzijde",
  "rights-portal.id.hint": "Een JPEG-, PNG- of WebP-afbeelding van hoogstens {mb} MB.",
  "rights-portal.id.submit": "Kopie opladen",
  "rights-portal.id.replace": "Een andere kopie opladen",
  "rights-portal.id.error.not_expected":
    "Voor dit verzoek hebben we (nu) geen kopie van je identiteitsbewijs nodig.",
  "rights-portal.id.error.empty":
    "Kies een foto of scan van de voorzijde van je identiteitsbewijs.",
  "rights-portal.id.error.too_large":
    "Dit bestand is te groot: de kopie mag hoogstens {mb} MB zijn. Maak een kleinere foto.",
  "rights-portal.id.error.not_an_image":
    "Dit bestand is geen afbeelding: laad een foto of scan op als JPEG, PNG of WebP.",

  "rights-portal.mail.confirm.subject": "Bevestig je verzoek over je gegevens",
  "rights-portal.mail.confirm.body":
    "Dag,\n\nIemand, hopelijk jij, vroeg via onze website het volgende voor de gegevens bij dit e-mailadres:\n{rights}\n\nBevestig dat jij het was via deze link. Hij werkt {days} dagen:\n{link}\n\nVroeg je niets? Dan hoef je niets te doen: zonder bevestiging behandelen we het verzoek niet en verwijderen we het na {days} dagen.\n\nMet vriendelijke groeten,\n{organisation}",
  "rights-portal.mail.received.subject": "We ontvingen je verzoek {reference}",
  "rights-portal.mail.received.body":
    "Dag,\n\nBedankt voor je bevestiging. We ontvingen je verzoek over je gegevens; je referentie is {reference}.\n\nJe vroeg:\n{rights}\n\nWe antwoorden zo snel mogelijk, en uiterlijk op {deadline}.\n\n{idCopy}Volg je verzoek op via deze link. Hou hem voor jezelf: wie hem heeft, kan je verzoek bekijken.\n{link}\n\nMet vriendelijke groeten,\n{organisation}",
  "rights-portal.mail.received.id_copy":
    "Voor dit verzoek vragen we ook een kopie van de voorzijde van je identiteitsbewijs, met de pasfoto en het kaartnummer zwart gemaakt. Laad die op via de link hieronder; we beginnen aan je verzoek zodra we je identiteit gecontroleerd hebben.",
} as const;
