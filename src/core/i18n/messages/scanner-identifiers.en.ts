import type { scannerIdentifiersNl } from "./scanner-identifiers.nl.ts";

export const scannerIdentifiersEn: Record<keyof typeof scannerIdentifiersNl, string> = {
  "scanner.reason.national_number_checksum":
    "11 digits in the form of a Belgian national register number, with a valid birth date and check digits",
  "scanner.reason.national_number_label":
    "11 digits in the form of a Belgian national register number, with valid check digits and the word '{label}' before them",
  "scanner.reason.national_number_reference":
    "11 digits with valid check digits for a national register number, but after the word '{label}': perhaps an invoice or order number",
  "scanner.reason.bis_number_checksum":
    "11 digits in the form of a BIS number (the register number of someone not in the national register), with valid check digits",
  "scanner.reason.bis_number_label":
    "11 digits in the form of a BIS number, with valid check digits and the word '{label}' before them",
  "scanner.reason.bis_number_reference":
    "11 digits with valid check digits for a BIS number, but after the word '{label}': perhaps an invoice or order number",
  "scanner.reason.eid_card_grouped":
    "12 digits written like the number of a Belgian identity card (3-7-2), with valid check digits",
  "scanner.reason.eid_card_label":
    "12 digits with the check digits of an identity card number and the word '{label}' before them",
  "scanner.reason.iban_belgian": "A Belgian bank account number (IBAN) with valid check digits",
  "scanner.reason.iban_foreign":
    "A foreign bank account number (IBAN, country {country}) with valid check digits",
  "scanner.reason.payment_card_checksum":
    "The number of a payment card ({brand}), with a valid check digit",
  "scanner.reason.payment_card_label":
    "The number of a payment card ({brand}), with a valid check digit and the word '{label}' before it",
  "scanner.reason.credential_password": "A password, given after the word '{label}'",
  "scanner.reason.credential_pin": "A PIN, given after the word '{label}'",
  "scanner.reason.credential_access_code": "A secret code, given after the word '{label}'",
  "scanner.reason.credential_teamviewer":
    "A remote support (TeamViewer) password, given after the word '{label}'",
};
