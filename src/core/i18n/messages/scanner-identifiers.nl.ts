export const scannerIdentifiersNl = {
  "scanner.reason.national_number_checksum":
    "11 cijfers in de vorm van een rijksregisternummer, met een geldige geboortedatum en controlesom",
  "scanner.reason.national_number_label":
    "11 cijfers in de vorm van een rijksregisternummer, met een geldige controlesom en het woord '{label}' ervoor",
  "scanner.reason.national_number_reference":
    "11 cijfers met een geldige controlesom voor een rijksregisternummer, maar na het woord '{label}': misschien een factuur- of bestelnummer",
  "scanner.reason.bis_number_checksum":
    "11 cijfers in de vorm van een BIS-nummer (rijksregisternummer voor wie niet in het rijksregister staat), met een geldige controlesom",
  "scanner.reason.bis_number_label":
    "11 cijfers in de vorm van een BIS-nummer, met een geldige controlesom en het woord '{label}' ervoor",
  "scanner.reason.bis_number_reference":
    "11 cijfers met een geldige controlesom voor een BIS-nummer, maar na het woord '{label}': misschien een factuur- of bestelnummer",
  "scanner.reason.eid_card_grouped":
    "12 cijfers geschreven zoals het nummer van een Belgische identiteitskaart (3-7-2), met een geldige controlesom",
  "scanner.reason.eid_card_label":
    "12 cijfers met de controlesom van een identiteitskaartnummer en het woord '{label}' ervoor",
  "scanner.reason.iban_belgian": "Een Belgisch rekeningnummer (IBAN) met geldige controlecijfers",
  "scanner.reason.iban_foreign":
    "Een buitenlands rekeningnummer (IBAN, land {country}) met geldige controlecijfers",
  "scanner.reason.payment_card_checksum":
    "Het nummer van een betaalkaart ({brand}), met een geldig controlecijfer",
  "scanner.reason.payment_card_label":
    "Het nummer van een betaalkaart ({brand}), met een geldig controlecijfer en het woord '{label}' ervoor",
  "scanner.reason.credential_password": "Een wachtwoord, gegeven na het woord '{label}'",
  "scanner.reason.credential_pin": "Een pincode, gegeven na het woord '{label}'",
  "scanner.reason.credential_access_code": "Een geheime code, gegeven na het woord '{label}'",
  "scanner.reason.credential_teamviewer":
    "Een wachtwoord voor hulp op afstand (TeamViewer), gegeven na het woord '{label}'",
} as const;
