/** The newsletter's public pages: sign-up form and API, confirmation, preferences, unsubscribe. */
export const newsletterFormNl = {
  "newsletter-form.title": "Nieuwsbrief",
  "newsletter-form.intro":
    "Kies zelf waarover je van ons wil horen. Je krijgt eerst één mail om je inschrijving te bevestigen; zonder die bevestiging sturen we je niets.",
  "newsletter-form.name": "Naam of bijnaam",
  "newsletter-form.email": "E-mailadres",
  "newsletter-form.topics": "Onderwerpen",
  "newsletter-form.topics.hint":
    "Vink aan waarover je mails wil krijgen. Voor elk onderwerp geef je apart toestemming.",
  "newsletter-form.honeypot": "Laat dit veld leeg",
  "newsletter-form.notice": "Wat we bewaren: {data}. {retention}",
  "newsletter-form.notice.unsubscribe":
    "Je kan je altijd uitschrijven met de link onderaan elke nieuwsbrief.",
  "newsletter-form.notice.privacy": "Lees meer in onze privacyverklaring",
  "newsletter-form.submit": "Inschrijven",
  "newsletter-form.errors": "Je bent nog niet ingeschreven. Verbeter het volgende:",
  "newsletter-form.error.name": "Vul je naam of een bijnaam in (hoogstens 200 tekens).",
  "newsletter-form.error.email": "Vul een geldig e-mailadres in, bv. naam@voorbeeld.be.",
  "newsletter-form.error.topics": "Kies minstens één onderwerp.",
  "newsletter-form.error.automated":
    "Het lijkt erop dat het formulier automatisch werd verstuurd. Wacht enkele seconden en verstuur het opnieuw.",
  "newsletter-form.error.expired":
    "Dit formulier stond te lang open. Controleer je gegevens en verstuur het opnieuw.",
  "newsletter-form.check.title": "Kijk in je mailbox",
  "newsletter-form.check.body":
    "We sturen een mail naar het adres dat je opgaf, met een link om je inschrijving te bevestigen. Pas na die bevestiging krijg je onze nieuwsbrief.",
  "newsletter-form.check.expiry":
    "De link werkt {days} dagen. Niets ontvangen? Kijk ook bij je ongewenste mail, of schrijf je opnieuw in.",
  "newsletter-form.home": "Terug naar de startpagina",
  "newsletter-form.confirm.title": "Bevestig je inschrijving",
  "newsletter-form.confirm.intro":
    "Klik op de knop om je inschrijving op onze nieuwsbrief te bevestigen. Zonder bevestiging sturen we je niets.",
  "newsletter-form.confirm.submit": "Mijn inschrijving bevestigen",
  "newsletter-form.confirmed.title": "Je bent ingeschreven",
  "newsletter-form.confirmed.topics": "Je krijgt onze nieuwsbrief over:",
  "newsletter-form.confirmed.later":
    "Onderaan elke nieuwsbrief staat een link om je uit te schrijven en een link naar je voorkeuren.",
  "newsletter-form.confirmed.preferences": "Je onderwerpen of naam nu al wijzigen",
  "newsletter-form.expired.title": "Deze link is verlopen",
  "newsletter-form.expired.body":
    "Een bevestigingslink werkt {days} dagen. Je inschrijving werd niet bewaard: schrijf je opnieuw in om een nieuwe link te krijgen.",
  "newsletter-form.invalid.title": "Deze link is niet geldig",
  "newsletter-form.invalid.body":
    "De link is onvolledig of werd al gebruikt. Ben je al ingeschreven? Dan vind je onderaan elke nieuwsbrief een link naar je voorkeuren. Zo niet, schrijf je opnieuw in.",
  "newsletter-form.link.body":
    "De link is onvolledig. Gebruik de link onderaan je meest recente nieuwsbrief, of schrijf je opnieuw in.",
  "newsletter-form.signup-again": "Naar het inschrijvingsformulier",
  "newsletter-form.preferences.title": "Je voorkeuren voor de nieuwsbrief",
  "newsletter-form.preferences.intro":
    "Deze voorkeuren horen bij {email}. Kies de onderwerpen waarover je mails wil krijgen en pas eventueel je naam aan.",
  "newsletter-form.preferences.none":
    "Je bent op dit moment voor geen enkel onderwerp ingeschreven. Vink onderwerpen aan en bewaar om je opnieuw in te schrijven.",
  "newsletter-form.preferences.save": "Voorkeuren bewaren",
  "newsletter-form.preferences.saved": "Je voorkeuren zijn bewaard.",
  "newsletter-form.preferences.errors":
    "Je voorkeuren zijn nog niet bewaard. Verbeter het volgende:",
  "newsletter-form.preferences.leave": "Helemaal uitschrijven",
  "newsletter-form.preferences.leave.hint":
    "Je krijgt dan geen enkele nieuwsbrief meer. Je kan je hier later opnieuw inschrijven.",
  "newsletter-form.unsubscribe.title": "Uitschrijven van de nieuwsbrief",
  "newsletter-form.unsubscribe.intro":
    "Met deze knop schrijf je je uit voor alle onderwerpen van onze nieuwsbrief.",
  "newsletter-form.unsubscribe.submit": "Uitschrijven voor alles",
  "newsletter-form.unsubscribe.instead": "Liever enkel je onderwerpen aanpassen?",
  "newsletter-form.unsubscribe.preferences": "Naar je voorkeuren",
  "newsletter-form.unsubscribed.title": "Je bent uitgeschreven",
  "newsletter-form.unsubscribed.body": "Je krijgt geen nieuwsbrieven meer van ons.",
  "newsletter-form.unsubscribed.retention": "Wat er nu met je gegevens gebeurt: {retention}",
  "newsletter-form.unsubscribed.again": "Vergist? In je voorkeuren kan je je opnieuw inschrijven.",
  "field.topics": "onderwerpen",
} as const;
