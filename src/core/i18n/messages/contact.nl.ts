/** The contact form, its confirmation and the staff inbox. */
export const contactNl = {
  "contact.mail.subject": "We ontvingen je bericht ({reference})",
  "contact.mail.reply_subject": "Re: [{reference}] {topic}",
  "contact.mail.reply_footer":
    "Antwoord op je aanvraag {reference}. Antwoord gerust op deze mail; laat de referentie in het onderwerp staan.",
  "contact.mail.greeting": "Dag {name},",
  "contact.mail.greeting_nameless": "Dag,",
  "contact.mail.body":
    "{greeting}\n\nBedankt voor je bericht. We bekijken het zo snel mogelijk. Vermeld bij een vraag hierover de referentie {reference}.\n\nWat we met je gegevens doen, lees je in onze privacyverklaring: {privacy}\n",
} as const;
