import type { disclosuresNl } from "./disclosures.nl.ts";

export const disclosuresFr: Record<keyof typeof disclosuresNl, string> = {
  "disclosures.nav": "Communications",
  "disclosures.title": "Communications à des tiers",
  "disclosures.intro":
    "Chaque fois que nous communiquons des données personnelles à quelqu'un d'autre que nos sous-traitants parce que la loi nous y oblige, par exemple à la demande de la police. Les personnes concernées voient la communication dans leur rapport d'accès, sauf si le registre indique qu'elles ne peuvent pas en être informées.",
  "disclosures.new_link": "Enregistrer une communication",
  "disclosures.list": "Communications enregistrées, les plus récentes d'abord",
  "disclosures.empty": "Aucune communication n'est encore enregistrée.",
  "disclosures.col.date": "Date",
  "disclosures.col.authority": "Autorité requérante",
  "disclosures.col.their_reference": "Leur référence",
  "disclosures.col.our_reference": "Notre référence",
  "disclosures.col.people": "Nombre de personnes",
  "disclosures.col.may_be_told": "La personne peut être informée",
  "disclosures.yes": "oui",
  "disclosures.no": "non (confidentiel)",
  "disclosures.new.title": "Enregistrer une communication",
  "disclosures.new.intro":
    "Enregistrez une communication le jour où elle a lieu. Décrivez la demande et les types de données ; ne copiez jamais les données elles-mêmes dans ce registre.",
  "disclosures.new.errors": "Le formulaire n'a pas été enregistré. Corrigez ce qui suit :",
  "disclosures.new.submit": "Enregistrer la communication",
  "disclosures.field.disclosed_on": "Date de la communication",
  "disclosures.field.authority": "Autorité requérante",
  "disclosures.field.authority_hint": "Par exemple : Police fédérale, zone de Gand.",
  "disclosures.field.legal_basis": "Base légale",
  "disclosures.field.legal_basis_hint":
    "Par exemple : art. 46bis du Code d'instruction criminelle, ou une ordonnance du juge d'instruction.",
  "disclosures.field.authority_reference": "Référence de l'autorité",
  "disclosures.field.authority_reference_hint":
    "Le numéro de dossier, de procès-verbal ou d'ordonnance figurant sur la demande.",
  "disclosures.field.data_given": "Données communiquées",
  "disclosures.field.data_given_hint":
    "Décrivez les types de données, par exemple : nom, adresse e-mail, adresses IP du 3 au 5 mars. Ne copiez pas les données elles-mêmes.",
  "disclosures.field.identifiers": "Personnes concernées",
  "disclosures.field.identifiers_hint":
    "Une par ligne : adresse e-mail, numéro de téléphone, numéro de TVA, numéro de client (K-…) ou le code d'une personne de la page Personnes. Un numéro de client vaut pour toutes les personnes de contact de ce client.",
  "disclosures.field.confidential":
    "La personne concernée ne peut pas en être informée (p. ex. enquête secrète)",
  "disclosures.field.confidential_hint":
    "Si la case est cochée, la communication n'apparaît pas dans le rapport d'accès des personnes concernées, pas même sous forme de nombre.",
  "disclosures.error.disclosed_on": "Indiquez la date de la communication (AAAA-MM-JJ).",
  "disclosures.error.future": "La date de la communication ne peut pas être dans le futur.",
  "disclosures.error.authority": "Indiquez l'autorité requérante.",
  "disclosures.error.legal_basis": "Indiquez la base légale de la demande.",
  "disclosures.error.authority_reference": "Indiquez la référence de l'autorité.",
  "disclosures.error.data_given": "Décrivez les types de données communiquées.",
  "disclosures.error.data_given_copied":
    "Décrivez les types de données avec des mots : ce texte contient une adresse e-mail, et les données elles-mêmes n'ont pas leur place dans ce registre.",
  "disclosures.error.identifiers": "Indiquez au moins une personne concernée.",
  "disclosures.error.too_many": "Indiquez au plus {max} personnes par communication.",
  "disclosures.error.unknown":
    "Ces données ne correspondent à personne : {identifiers}. Corrigez ou supprimez ces lignes.",
  "disclosures.done.recorded": "La communication est enregistrée.",
  "disclosures.detail.title": "Communication {reference}",
  "disclosures.detail.facts": "La demande",
  "disclosures.detail.recorded": "Enregistrée",
  "disclosures.detail.recorded_by": "{when} par {by}",
  "disclosures.detail.people": "Personnes concernées ({count})",
  "disclosures.detail.person": "personne {id}",
  "disclosures.detail.told":
    "Cette communication figure dans le rapport d'accès de chacune de ces personnes.",
  "disclosures.detail.not_told":
    "Confidentiel : cette communication n'apparaît pas dans le rapport d'accès de ces personnes.",
  "disclosures.from_subject": "Enregistrer une communication concernant cette personne",
  "disclosures.portability.legal_basis":
    "art. 20 RGPD (droit à la portabilité), à la demande de la personne concernée",
  "disclosures.portability.data_given":
    "une copie des données que nous détenions sur la personne concernée, sous forme de paquet de portabilité",
  "disclosures.portability.recipient_unnamed": "l'organisation indiquée par la personne concernée",
  "disclosures.back": "Retour aux communications",
};
