/** Executing a rights request: the reply letter, the mails it causes, and the staff panel. */
export const rightsLetterNl = {
  "rights-letter.title": "Antwoord op je verzoek over je persoonsgegevens",
  "rights-letter.reference": "Referentie: {reference}",
  "rights-letter.date": "Datum: {date}",
  "rights-letter.greeting": "Beste,",
  "rights-letter.intro":
    "Op {received} ontvingen we je verzoek over je persoonsgegevens. Je vroeg: {rights}. Hieronder lees je wat we gedaan hebben.",
  "rights-letter.section.access": "Inzage in je gegevens:",
  "rights-letter.section.rectification": "Correctie van je gegevens:",
  "rights-letter.section.erasure": "Verwijdering van je gegevens:",
  "rights-letter.section.restriction": "Beperking van de verwerking:",
  "rights-letter.section.objection": "Bezwaar tegen de verwerking ({purpose}):",
  "rights-letter.section.objection.all":
    "Bezwaar tegen de verwerking op grond van ons gerechtvaardigd belang:",
  "rights-letter.section.withdraw_consent": "Intrekking van je toestemming ({purpose}):",
  "rights-letter.section.withdraw_consent.all": "Intrekking van je toestemming:",
  "rights-letter.section.portability.self": "Overdracht van je gegevens aan jezelf:",
  "rights-letter.section.portability.organisation":
    "Overdracht van je gegevens aan {organisation}:",
  "rights-letter.organisation.unnamed": "de organisatie die je noemde",
  "rights-letter.pending": "- Deze stap is nog niet uitgevoerd.",
  "rights-letter.nothing_held": "- We bewaren hiervoor geen gegevens over je.",
  "rights-letter.unsubscribed": "- We hebben je uitgeschreven voor al onze nieuwsbrieven.",
  "rights-letter.erased": "- Verwijderd: {types}.",
  "rights-letter.erasure.nothing": "- We vonden geen andere gegevens over je om te verwijderen.",
  "rights-letter.erasure.proof":
    "- Het bewijs van dit verzoek zelf bewaren we wel: zie verder in deze brief.",
  "rights-letter.kept.legal_obligation":
    "- Bewaard: {types}. De wet verplicht ons deze gegevens te bewaren tot {until} ({reference}). Tot dan gebruiken we ze alleen nog daarvoor; daarna verwijderen we ze.",
  "rights-letter.kept.legal_obligation.open":
    "- Bewaard: {types}. De wet verplicht ons deze gegevens te bewaren ({reference}); de wettelijke termijn begint pas te lopen wanneer de bestelling afgerond is. We gebruiken ze alleen nog daarvoor.",
  "rights-letter.kept.legal_hold":
    "- Bewaard: {types}. Een juridische procedure verplicht ons deze gegevens voorlopig te bewaren; we gebruiken ze voor niets anders.",
  "rights-letter.kept.legal_hold.until":
    "- Bewaard: {types}. Een juridische procedure verplicht ons deze gegevens te bewaren tot {until}; we gebruiken ze voor niets anders.",
  "rights-letter.kept.running_agreement":
    "- Bewaard: {types}, zolang je een lopende overeenkomst met ons hebt. Daarna verwijderen we ze zoals onze privacyverklaring beschrijft.",
  "rights-letter.law": "wettelijke bewaarplicht",
  "rights-letter.exported":
    "- We hebben je gegevens samengebracht in een downloadpakket: een leesbaar rapport (PDF en HTML) en een ZIP-bestand met je gegevens in JSON en CSV. Het bevat: {types}.",
  "rights-letter.exported.mailed":
    "- De downloadlink hebben we je op {date} apart gemaild; hij werkt tot {expiry}.",
  "rights-letter.exported.sent":
    "- De downloadlink hebben we op {date} naar {organisation} gestuurd; hij werkt tot {expiry}.",
  "rights-letter.exported.gone":
    "- Met de verwijdering van je gegevens op {date} is ook het downloadpakket verwijderd.",
  "rights-letter.rectified": '- {type}, {field}: "{before}" werd "{after}".',
  "rights-letter.rectified.unreadable":
    "- {type}, {field}: aangepast (de waarden zijn intussen verwijderd).",
  "rights-letter.rectified.none": "- We vonden geen gegevens die aangepast moesten worden.",
  "rights-letter.restricted":
    "- We verwerken deze gegevens niet meer, behalve om ze te bewaren: {types}.",
  "rights-letter.stopped": "- We verwerken deze gegevens niet meer voor dit doel: {types}.",
  "rights-letter.processing_stopped":
    "- Sinds {date} verwerken we je gegevens hiervoor niet meer: {purposes}.",
  "rights-letter.objection.erased":
    "- Verwijderd, omdat we ze alleen bewaarden zolang je geen bezwaar maakte: {types}.",
  "rights-letter.not_applicable.objection":
    "- {purpose}: deze verwerking steunt niet op ons gerechtvaardigd belang maar op {basis}. Een bezwaar (artikel 21 AVG) is daarop niet van toepassing; we gebruiken deze gegevens verder zoals onze privacyverklaring beschrijft.",
  "rights-letter.not_applicable.withdraw_consent":
    "- {purpose}: deze verwerking steunt niet op je toestemming maar op {basis}; er is dus geen toestemming om in te trekken.",
  "rights-letter.basis.consent": "je toestemming",
  "rights-letter.basis.contract": "een overeenkomst met je",
  "rights-letter.basis.legal_obligation": "een wettelijke verplichting",
  "rights-letter.basis.vital_interests": "je vitale belangen",
  "rights-letter.basis.public_task": "een taak van algemeen belang",
  "rights-letter.basis.legitimate_interests": "ons gerechtvaardigd belang",
  "rights-letter.answered": "We beantwoordden je verzoek op {date}.",
  "rights-letter.proof": "Bewijs van je verzoek:",
  "rights-letter.complaint":
    "Ben je het niet eens met ons antwoord? Dan kan je een klacht indienen bij de toezichthoudende autoriteit:",
  "rights-letter.complaint.email": "E-mail: {email}",
  "rights-letter.closing": "Met vriendelijke groeten,",
  "rights-letter.contact": "Vragen over dit antwoord? Mail ons op {email}.",
  "rights-letter.pdf.enterprise": "Ondernemingsnummer {number}",
  "rights-letter.pdf.page": "Pagina {page} van {pages}",
  "rights-letter.pdf.filename": "antwoord-{reference}.pdf",
  "rights-letter.mail.export.subject": "Je gegevens staan klaar ({reference})",
  "rights-letter.mail.export.body":
    "Beste,\n\nJe deed bij {organisation} een verzoek over je persoonsgegevens ({right}, verzoek {reference}). Je gegevens staan klaar om te downloaden:\n\n{links}\n\nDe link werkt tot {expiry}. Hij is persoonlijk: stuur hem niet door. Ons antwoord op je verzoek volgt in een aparte brief.\n\nMet vriendelijke groeten,\n{organisation}",
  "rights-letter.mail.transfer.subject":
    "Gegevensoverdracht op verzoek van een betrokkene ({reference})",
  "rights-letter.mail.transfer.body":
    "Beste,\n\nEen persoon van wie {organisation} gegevens verwerkt, vroeg ons die gegevens aan {recipient} over te dragen (artikel 20 AVG, referentie {reference}). Het bestand staat klaar om te downloaden:\n\n{links}\n\nDe link werkt tot {expiry}. Het pakket bevat een leesbaar rapport en een ZIP-bestand met de gegevens in JSON en CSV (manifest.json beschrijft de inhoud). Vragen over deze overdracht? Mail naar {privacyEmail} met de referentie.\n\nMet vriendelijke groeten,\n{organisation}",
  "rights-letter.mail.answer.subject": "Antwoord op je verzoek {reference}",
  "rights-letter.mail.answer.body":
    "{letter}\n\nJe vindt deze brief ook als PDF in de bijlage. Je verzoek bekijken: {statusUrl}",
  "rights-letter.panel.title": "Uitvoering",
  "rights-letter.panel.intro":
    "Per gevraagd recht: wat het doet met de gegevens die we over deze persoon bewaren. Elke stap voer je één keer uit; de antwoordbrief volgt uit de resultaten.",
  "rights-letter.panel.plan": "Wat {right} doet",
  "rights-letter.panel.column.type": "Soort gegevens",
  "rights-letter.panel.column.count": "Aantal",
  "rights-letter.panel.column.effect": "Wat er gebeurt en waarom",
  "rights-letter.panel.nothing": "We bewaren niets over deze persoon waarop deze stap werkt.",
  "rights-letter.panel.execute": "{right} uitvoeren",
  "rights-letter.panel.done": "Uitgevoerd op {date}.",
  "rights-letter.panel.to_organisation": "Naar {organisation} ({email}).",
  "rights-letter.panel.no_recipient":
    "Er is geen ontvangende organisatie bekend; deze stap kan niet uitgevoerd worden.",
  "rights-letter.panel.not_applicable":
    "Niet van toepassing op {purpose}: de rechtsgrond is {basis}. De brief legt dit uit.",
  "rights-letter.panel.package_warning":
    "Let op: een verwijdering wist ook de downloadpakketten van deze persoon, en {count} pakket(ten) van dit verzoek zijn nog niet gedownload.",
  "rights-letter.panel.effect.erase": "{count} verwijderd",
  "rights-letter.panel.effect.keep.legal_obligation":
    "{count} bewaard tot {until}: wettelijke verplichting ({reference}); beperkt tot dat gebruik",
  "rights-letter.panel.effect.keep.legal_obligation.open":
    "{count} bewaard: wettelijke verplichting ({reference}), de termijn loopt nog niet; beperkt tot dat gebruik",
  "rights-letter.panel.effect.keep.legal_hold": "{count} bewaard: juridische blokkering",
  "rights-letter.panel.effect.keep.running_agreement": "{count} bewaard: lopende overeenkomst",
  "rights-letter.panel.effect.keep.request_proof": "{count} bewaard: bewijs van dit verzoek",
  "rights-letter.panel.effect.destroy_on_answer": "{count} vernietigd bij het antwoord",
  "rights-letter.panel.effect.export": "{count} in het pakket",
  "rights-letter.panel.effect.restrict": "{count} beperkt: alleen nog bewaren",
  "rights-letter.panel.effect.stop": "{count}: verwerking voor dit doel stopt",
  "rights-letter.panel.effect.unsubscribe": "{count}: uitgeschreven, verwerking stopt",
  "rights-letter.panel.effect.rectify": "{count} record(s), {fields} aanpasbare velden",
  "rights-letter.panel.result.erased": "{count} verwijderd",
  "rights-letter.panel.result.kept": "{count} bewaard",
  "rights-letter.panel.result.restricted": "{count} beperkt",
  "rights-letter.panel.result.exported": "{count} in het pakket",
  "rights-letter.panel.result.unsubscribed": "{count} uitgeschreven",
  "rights-letter.panel.result.rectified": "{count} veld(en) aangepast",
  "rights-letter.panel.results": "Resultaat",
  "rights-letter.panel.no_results": "Niets gewijzigd.",
  "rights-letter.panel.package": "Pakket gemaakt, link geldig tot {expiry}.",
  "rights-letter.panel.transferred": "Link naar de organisatie gestuurd op {date}.",
  "rights-letter.panel.rectify.title": "Correctie",
  "rights-letter.panel.rectify.intro":
    "Vul de gevraagde waarden in. Alleen gewijzigde velden worden aangepast; de oude en nieuwe waarde komen versleuteld in het auditlog en in de brief.",
  "rights-letter.panel.rectify.caption": "Aanpasbare velden van deze persoon",
  "rights-letter.panel.rectify.record": "Gegeven",
  "rights-letter.panel.rectify.value": "Waarde",
  "rights-letter.panel.rectify.none": "Er zijn geen aanpasbare velden.",
  "rights-letter.panel.rectify.submit": "Correcties uitvoeren",
  "rights-letter.panel.letter.preview": "Voorbeeld van de antwoordbrief ({language})",
  "rights-letter.panel.letter.sent": "Verstuurde antwoordbrief ({language})",
  "rights-letter.panel.answer.pending":
    "Voer eerst elke stap uit; daarna kan je het antwoord versturen ({count} open).",
  "rights-letter.panel.answer.explain":
    "Bij het versturen wordt de brief versleuteld bewaard, blijft van het verzoek alleen het bewijs over, wordt een kopie van het identiteitsbewijs vernietigd en krijgt de persoon de brief per mail met de PDF in bijlage.",
  "rights-letter.panel.answer.submit": "Antwoord versturen",
  "rights-letter.panel.answered": "Beantwoord op {date}.",
} as const;
