export const scannerNl = {
  "scanner.type.national_number": "rijksregisternummer",
  "scanner.type.bis_number": "BIS-nummer",
  "scanner.type.eid_card": "nummer van een identiteitskaart",
  "scanner.type.iban": "rekeningnummer",
  "scanner.type.payment_card": "betaalkaartnummer",
  "scanner.type.credential": "wachtwoord of pincode",
  "scanner.type.health": "gezondheid",
  "scanner.type.religion": "godsdienst of levensbeschouwing",
  "scanner.type.political_opinion": "politieke opvattingen",
  "scanner.type.trade_union": "vakbondslidmaatschap",
  "scanner.type.ethnic_origin": "etnische afkomst",
  "scanner.type.sex_life": "seksueel leven of geaardheid",
  "scanner.type.genetic": "genetische gegevens",
  "scanner.type.biometric": "biometrische gegevens",
  "scanner.type.minor": "een minderjarige",
  "scanner.refused":
    "Deze tekst lijkt gegevens te bevatten over {types}. Die bewaren we niet: laat ze weg en bewaar opnieuw.",
  "scanner.redacted": "[verwijderd: {type}]",
  "scanner.statement.redact":
    "Stuur je ons toch zulke gegevens in een bericht, dan verwijderen we deze nog vóór we het bewaren: {types}. Je ziet meteen wat we weghaalden en waarom.",
  "scanner.statement.quarantine":
    "Lijkt een bericht gegevens te bevatten over {types}, dan schermen we het af: alleen onze privacyverantwoordelijke ziet het nog, en het wordt na {hours} uur gewist, tenzij die vaststelt dat het om een vergissing gaat.",
  "scanner.statement.quarantine.now":
    "Lijkt een bericht gegevens te bevatten over {types}, dan wissen we het meteen.",
  "scanner.statement.minor":
    "Lijkt een bericht of een inschrijving van iemand jonger dan 18 jaar te komen, dan behandelen we het op dezelfde manier.",
  "scanner.notice.redacted":
    "We hebben uit je bericht verwijderd: {types}. Zulke gegevens hebben we niet nodig en bewaren we niet (zie 'Bijzondere persoonsgegevens' in onze privacyverklaring).",
  "scanner.notice.quarantined":
    "Je bericht lijkt gevoelige gegevens te bevatten. Alleen onze privacyverantwoordelijke bekijkt het; we wissen het binnen {hours} uur, tenzij het om een vergissing gaat.",
  "scanner.notice.quarantined.now":
    "Je bericht lijkt gevoelige gegevens te bevatten. Die bewaren we niet: we hebben het meteen gewist. Stuur je vraag gerust opnieuw zonder die gegevens.",
} as const;
