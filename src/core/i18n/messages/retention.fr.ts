import type { retentionNl } from "./retention.nl.ts";

export const retentionFr: Record<keyof typeof retentionNl, string> = {
  "retention.until": "conservé jusqu'au {date} : {why}",
  "retention.while": "conservé {why}",
  "retention.period.years.one": "1 an",
  "retention.period.years.many": "{n} ans",
  "retention.period.months.one": "1 mois",
  "retention.period.months.many": "{n} mois",
  "retention.period.days.one": "1 jour",
  "retention.period.days.many": "{n} jours",
  "retention.period.none": "immédiatement",
  "retention.period.and": " et ",
  "retention.after.request.closed": "{period} après le traitement complet de votre demande",
  "retention.after.agreement.ended": "{period} après la fin du contrat",
  "retention.after.newsletter.unsubscribed": "{period} après votre désinscription",
  "retention.after.order.completed": "{period} après la finalisation de la commande",
  "retention.after.customer.ended": "{period} après la fin de votre relation client",
  "retention.after.support.session_ended": "{period} après la fin de la session d'assistance",
  "retention.awaiting.request.closed":
    "jusqu'au traitement complet de votre demande, puis encore {period}",
  "retention.awaiting.agreement.ended": "jusqu'à la fin du contrat, puis encore {period}",
  "retention.awaiting.newsletter.unsubscribed": "tant que vous êtes inscrit, puis encore {period}",
  "retention.awaiting.order.completed":
    "jusqu'à la finalisation de la commande, puis encore {period}",
  "retention.awaiting.customer.ended": "tant que vous êtes client, puis encore {period}",
  "retention.awaiting.support.session_ended":
    "jusqu'à la fin de la session d'assistance, puis encore {period}",
  "retention.condition.running_agreement": "tant que vous avez un contrat en cours avec nous",
  "retention.until_objection": "tant que vous ne vous y opposez pas",
  "retention.expires": "jusqu'à l'expiration du lien de téléchargement",
  "retention.anonymised": "anonymisé le {date} : cela ne vous concerne plus",
  "retention.erasure_due.objection":
    "vous vous y êtes opposé : nous l'effaçons au prochain nettoyage",
  "retention.erasure_due.erasure_request":
    "vous avez demandé l'effacement : nous l'effaçons au prochain nettoyage",
  "retention.erasure_due.consent_withdrawn":
    "vous avez retiré votre consentement : nous l'effaçons au prochain nettoyage",
  "retention.change.restart": "Si {event} a lieu plus tard, le délai recommence à partir de là.",
  "retention.change.condition":
    "Tant que vous avez un contrat en cours avec nous, nous le conservons plus longtemps.",
  "retention.change.objection": "Si vous vous y opposez, nous l'effaçons.",
  "retention.change.erasure": "Vous pouvez demander de l'effacer plus tôt.",
  "retention.change.legal_obligation":
    "La loi nous oblige à le conserver jusqu'au {date} ({reference}). Si vous demandez l'effacement, nous ne l'utilisons plus que pour cela jusqu'à cette date.",
  "retention.change.running_agreement":
    "Tant qu'un contrat est en cours, nous ne pouvons pas l'effacer plus tôt ; ensuite, oui.",
  "retention.hold": "Une conservation légale bloque ceci : {reason}.",
  "retention.hold.until": "Une conservation légale bloque ceci jusqu'au {date} : {reason}.",
  "retention.event.request.closed": "le traitement d'une demande",
  "retention.hold.subject":
    "Une obligation légale de conservation (une conservation légale) bloque ceci.",
  "retention.hold.subject_until":
    "Une obligation légale de conservation (une conservation légale) bloque ceci jusqu'au {date}.",
  "retention.event.agreement.ended": "la fin d'un contrat",
  "retention.event.newsletter.unsubscribed": "une désinscription",
  "retention.event.order.completed": "la finalisation d'une commande",
  "retention.event.customer.ended": "la fin de votre relation client",
  "retention.event.support.session_ended": "la fin d'une session d'assistance",
};
