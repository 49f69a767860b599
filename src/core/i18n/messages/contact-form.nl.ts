/** The public contact form (/contact) and the contact API's messages. */
export const contactFormNl = {
  "contact-form.title": "Contact",
  "contact-form.intro":
    "Stel je vraag of doe je aanvraag. We antwoorden zo snel mogelijk, meestal binnen twee werkdagen.",
  "contact-form.name": "Naam",
  "contact-form.email": "E-mailadres",
  "contact-form.phone": "Telefoonnummer (niet verplicht)",
  "contact-form.phone.hint": "Een Belgisch nummer mag zonder landcode, bv. 0470 12 34 56.",
  "contact-form.subject": "Onderwerp",
  "contact-form.message": "Bericht",
  "contact-form.attachments": "Bijlagen (niet verplicht)",
  "contact-form.attachments.hint":
    "Hoogstens {max} bestanden, elk tot {fileLimit} en samen tot {totalLimit}: PDF, afbeeldingen, Office- en OpenDocument-bestanden, tekst, CSV of ZIP.",
  "contact-form.attachments.again":
    "Kies je bijlagen opnieuw: we bewaren niets tot je bericht verstuurd is.",
  "contact-form.honeypot": "Laat dit veld leeg",
  "contact-form.notice": "Wat we bewaren: {data}. {retention}",
  "contact-form.notice.privacy": "Lees meer in onze privacyverklaring",
  "contact-form.submit": "Versturen",
  "contact-form.errors": "Je bericht is nog niet verstuurd. Verbeter het volgende:",
  "contact-form.error.name": "Vul je naam in (hoogstens 200 tekens).",
  "contact-form.error.email": "Vul een geldig e-mailadres in, bv. naam@voorbeeld.be.",
  "contact-form.error.phone":
    "Dit telefoonnummer klopt niet. Een Belgisch nummer mag zonder landcode; een ander begint met + en de landcode.",
  "contact-form.error.subject": "Vul een onderwerp in (hoogstens 200 tekens).",
  "contact-form.error.message": "Schrijf je bericht (hoogstens 10.000 tekens).",
  "contact-form.error.automated":
    "Het lijkt erop dat het formulier automatisch werd verstuurd. Wacht enkele seconden en verstuur het opnieuw.",
  "contact-form.error.expired":
    "Dit formulier stond te lang open. Controleer je gegevens en verstuur het opnieuw.",
  "contact-form.file.too_many": "Je kan hoogstens {max} bijlagen meesturen.",
  "contact-form.file.too_large": "{file} is te groot: elk bestand mag hoogstens {limit} zijn.",
  "contact-form.file.total_too_large":
    "{file} past er niet meer bij: alle bijlagen samen mogen hoogstens {limit} zijn.",
  "contact-form.file.type":
    "{file} werd geweigerd: de inhoud is geen toegelaten bestandstype (PDF, afbeelding, Office, OpenDocument, tekst, CSV of ZIP), wat de naam ook zegt.",
  "contact-form.sent.title": "Bericht ontvangen",
  "contact-form.sent.reference": "Je referentie is {reference}.",
  "contact-form.sent.screening": "Over je bericht",
  "contact-form.sent.mail":
    "Je krijgt zo dadelijk een bevestiging per e-mail. Vermeld de referentie als je ons hierover nog contacteert.",
  "contact-form.sent.home": "Terug naar de startpagina",
} as const;
