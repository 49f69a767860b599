import type { scannerIdentifiersNl } from "./scanner-identifiers.nl.ts";

export const scannerIdentifiersFr: Record<keyof typeof scannerIdentifiersNl, string> = {
  "scanner.reason.national_number_checksum":
    "11 chiffres sous la forme d'un numéro de registre national, avec une date de naissance et des chiffres de contrôle valides",
  "scanner.reason.national_number_label":
    "11 chiffres sous la forme d'un numéro de registre national, avec des chiffres de contrôle valides et le mot « {label} » devant",
  "scanner.reason.national_number_reference":
    "11 chiffres avec des chiffres de contrôle valides pour un numéro national, mais après le mot « {label} » : peut-être un numéro de facture ou de commande",
  "scanner.reason.bis_number_checksum":
    "11 chiffres sous la forme d'un numéro BIS (le numéro d'une personne qui n'est pas au registre national), avec des chiffres de contrôle valides",
  "scanner.reason.bis_number_label":
    "11 chiffres sous la forme d'un numéro BIS, avec des chiffres de contrôle valides et le mot « {label} » devant",
  "scanner.reason.bis_number_reference":
    "11 chiffres avec des chiffres de contrôle valides pour un numéro BIS, mais après le mot « {label} » : peut-être un numéro de facture ou de commande",
  "scanner.reason.eid_card_grouped":
    "12 chiffres écrits comme le numéro d'une carte d'identité belge (3-7-2), avec des chiffres de contrôle valides",
  "scanner.reason.eid_card_label":
    "12 chiffres avec les chiffres de contrôle d'un numéro de carte d'identité et le mot « {label} » devant",
  "scanner.reason.iban_belgian":
    "Un numéro de compte bancaire belge (IBAN) avec des chiffres de contrôle valides",
  "scanner.reason.iban_foreign":
    "Un numéro de compte bancaire étranger (IBAN, pays {country}) avec des chiffres de contrôle valides",
  "scanner.reason.payment_card_checksum":
    "Le numéro d'une carte de paiement ({brand}), avec un chiffre de contrôle valide",
  "scanner.reason.payment_card_label":
    "Le numéro d'une carte de paiement ({brand}), avec un chiffre de contrôle valide et le mot « {label} » devant",
  "scanner.reason.credential_password": "Un mot de passe, donné après le mot « {label} »",
  "scanner.reason.credential_pin": "Un code PIN, donné après le mot « {label} »",
  "scanner.reason.credential_access_code": "Un code secret, donné après le mot « {label} »",
  "scanner.reason.credential_teamviewer":
    "Un mot de passe d'assistance à distance (TeamViewer), donné après le mot « {label} »",
};
