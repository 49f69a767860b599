import type { scannerNl } from "./scanner.nl.ts";

export const scannerFr: Record<keyof typeof scannerNl, string> = {
  "scanner.type.national_number": "numéro de registre national",
  "scanner.type.bis_number": "numéro BIS",
  "scanner.type.eid_card": "numéro de carte d'identité",
  "scanner.type.iban": "numéro de compte bancaire",
  "scanner.type.payment_card": "numéro de carte de paiement",
  "scanner.type.credential": "mot de passe ou code PIN",
  "scanner.type.health": "la santé",
  "scanner.type.religion": "la religion ou les convictions",
  "scanner.type.political_opinion": "les opinions politiques",
  "scanner.type.trade_union": "l'appartenance syndicale",
  "scanner.type.ethnic_origin": "l'origine ethnique",
  "scanner.type.sex_life": "la vie ou l'orientation sexuelle",
  "scanner.type.genetic": "des données génétiques",
  "scanner.type.biometric": "des données biométriques",
  "scanner.type.minor": "un mineur",
  "scanner.refused":
    "Ce texte semble contenir des données sur {types}. Nous ne conservons pas ces données : retirez-les et enregistrez à nouveau.",
  "scanner.redacted": "[supprimé : {type}]",
  "scanner.statement.redact":
    "Si vous nous envoyez malgré tout de telles données dans un message, nous les supprimons avant de l'enregistrer : {types}. Vous voyez tout de suite ce que nous avons retiré et pourquoi.",
  "scanner.statement.quarantine":
    "Si un message semble contenir des données sur {types}, nous le mettons à l'écart : seul notre responsable de la vie privée peut encore le voir, et il est effacé après {hours} heures, sauf s'il constate une erreur.",
  "scanner.statement.quarantine.now":
    "Si un message semble contenir des données sur {types}, nous l'effaçons immédiatement.",
  "scanner.statement.minor":
    "Un message ou une inscription qui semble venir d'une personne de moins de 18 ans est traité de la même manière.",
  "scanner.notice.redacted":
    "Nous avons retiré de votre message : {types}. Nous n'avons pas besoin de ces données et ne les conservons pas (voir « Données sensibles » dans notre déclaration de confidentialité).",
  "scanner.notice.quarantined":
    "Votre message semble contenir des données sensibles. Seul notre responsable de la vie privée le consultera ; nous l'effaçons dans les {hours} heures, sauf s'il s'agit d'une erreur.",
  "scanner.notice.quarantined.now":
    "Votre message semble contenir des données sensibles. Nous ne conservons pas ces données : il a été effacé immédiatement. N'hésitez pas à renvoyer votre question sans elles.",
};
