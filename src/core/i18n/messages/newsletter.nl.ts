export const newsletterNl = {
  "newsletter.mail.confirm.subject": "Bevestig je inschrijving op onze nieuwsbrief",
  "newsletter.mail.confirm.body":
    "Dag {name},\n\nJe schreef je in op onze nieuwsbrief over:\n{topics}\n\nBevestig je inschrijving met deze link:\n{link}\n\nDe link werkt {days} dagen en één keer. Was jij het niet? Doe dan niets: zonder bevestiging sturen we je niets en wissen we je gegevens na {days} dagen.",
  "newsletter.mail.footer":
    "Je krijgt deze mail omdat je je inschreef voor: {topics}.\nUitschrijven (één klik): {unsubscribe}\nJe onderwerpen of naam wijzigen: {preferences}",
  "newsletter.mail.notice_footer":
    "Dit is een dienstmededeling. Je krijgt ze, los van je nieuwsbriefkeuzes, zolang je een lopende dienst bij ons hebt.",
  "newsletter.mail.unsubscribe_label": "Uitschrijven",
  "newsletter.mail.preferences_label": "Voorkeuren",
};
