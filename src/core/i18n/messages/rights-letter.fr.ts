import type { rightsLetterNl } from "./rights-letter.nl.ts";

export const rightsLetterFr: Record<keyof typeof rightsLetterNl, string> = {
  "rights-letter.title": "Réponse à votre demande concernant vos données personnelles",
  "rights-letter.reference": "Référence : {reference}",
  "rights-letter.date": "Date : {date}",
  "rights-letter.greeting": "Madame, Monsieur,",
  "rights-letter.intro":
    "Le {received}, nous avons reçu votre demande concernant vos données personnelles. Vous avez demandé : {rights}. Vous trouverez ci-dessous ce que nous avons fait.",
  "rights-letter.section.access": "Accès à vos données :",
  "rights-letter.section.rectification": "Rectification de vos données :",
  "rights-letter.section.erasure": "Effacement de vos données :",
  "rights-letter.section.restriction": "Limitation du traitement :",
  "rights-letter.section.objection": "Opposition au traitement ({purpose}) :",
  "rights-letter.section.objection.all":
    "Opposition au traitement fondé sur notre intérêt légitime :",
  "rights-letter.section.withdraw_consent": "Retrait de votre consentement ({purpose}) :",
  "rights-letter.section.withdraw_consent.all": "Retrait de votre consentement :",
  "rights-letter.section.portability.self": "Transfert de vos données à vous-même :",
  "rights-letter.section.portability.organisation": "Transfert de vos données à {organisation} :",
  "rights-letter.organisation.unnamed": "l'organisation que vous avez indiquée",
  "rights-letter.pending": "- Cette étape n'a pas encore été exécutée.",
  "rights-letter.nothing_held": "- Nous ne conservons aucune donnée vous concernant à cet effet.",
  "rights-letter.unsubscribed": "- Nous vous avons désinscrit de toutes nos lettres d'information.",
  "rights-letter.erased": "- Effacé : {types}.",
  "rights-letter.erasure.nothing":
    "- Nous n'avons trouvé aucune autre donnée vous concernant à effacer.",
  "rights-letter.erasure.proof":
    "- Nous conservons toutefois la preuve de cette demande : voir plus loin dans cette lettre.",
  "rights-letter.kept.legal_obligation":
    "- Conservé : {types}. La loi nous oblige à conserver ces données jusqu'au {until} ({reference}). D'ici là, nous ne les utilisons qu'à cette fin ; ensuite, nous les effaçons.",
  "rights-letter.kept.legal_obligation.open":
    "- Conservé : {types}. La loi nous oblige à conserver ces données ({reference}) ; le délai légal ne commence qu'une fois la commande finalisée. Nous ne les utilisons qu'à cette fin.",
  "rights-letter.kept.legal_hold":
    "- Conservé : {types}. Une procédure judiciaire nous oblige à conserver ces données pour l'instant ; nous ne les utilisons à aucune autre fin.",
  "rights-letter.kept.legal_hold.until":
    "- Conservé : {types}. Une procédure judiciaire nous oblige à conserver ces données jusqu'au {until} ; nous ne les utilisons à aucune autre fin.",
  "rights-letter.kept.running_agreement":
    "- Conservé : {types}, tant que vous avez un contrat en cours avec nous. Ensuite, nous les effaçons comme le décrit notre déclaration de confidentialité.",
  "rights-letter.law": "obligation légale de conservation",
  "rights-letter.exported":
    "- Nous avons rassemblé vos données dans un paquet à télécharger : un rapport lisible (PDF et HTML) et un fichier ZIP avec vos données en JSON et CSV. Il contient : {types}.",
  "rights-letter.exported.mailed":
    "- Nous vous avons envoyé le lien de téléchargement par un e-mail séparé le {date} ; il fonctionne jusqu'au {expiry}.",
  "rights-letter.exported.sent":
    "- Nous avons envoyé le lien de téléchargement à {organisation} le {date} ; il fonctionne jusqu'au {expiry}.",
  "rights-letter.exported.gone":
    "- Avec l'effacement de vos données le {date}, le paquet à télécharger a également été effacé.",
  "rights-letter.rectified": "- {type}, {field} : « {before} » est devenu « {after} ».",
  "rights-letter.rectified.unreadable":
    "- {type}, {field} : modifié (les valeurs ont depuis été effacées).",
  "rights-letter.rectified.none": "- Nous n'avons trouvé aucune donnée à modifier.",
  "rights-letter.restricted":
    "- Nous ne traitons plus ces données, sauf pour les conserver : {types}.",
  "rights-letter.stopped": "- Nous ne traitons plus ces données à cette fin : {types}.",
  "rights-letter.processing_stopped":
    "- Depuis le {date}, nous ne traitons plus vos données à cette fin : {purposes}.",
  "rights-letter.objection.erased":
    "- Effacé, car nous ne les conservions que tant que vous ne vous y opposiez pas : {types}.",
  "rights-letter.not_applicable.objection":
    "- {purpose} : ce traitement n'est pas fondé sur notre intérêt légitime mais sur {basis}. Une opposition (article 21 du RGPD) ne s'y applique pas ; nous continuons à utiliser ces données comme le décrit notre déclaration de confidentialité.",
  "rights-letter.not_applicable.withdraw_consent":
    "- {purpose} : ce traitement n'est pas fondé sur votre consentement mais sur {basis} ; il n'y a donc pas de consentement à retirer.",
  "rights-letter.basis.consent": "votre consentement",
  "rights-letter.basis.contract": "un contrat avec vous",
  "rights-letter.basis.legal_obligation": "une obligation légale",
  "rights-letter.basis.vital_interests": "vos intérêts vitaux",
  "rights-letter.basis.public_task": "une mission d'intérêt public",
  "rights-letter.basis.legitimate_interests": "notre intérêt légitime",
  "rights-letter.answered": "Nous avons répondu à votre demande le {date}.",
  "rights-letter.proof": "Preuve de votre demande :",
  "rights-letter.complaint":
    "Vous n'êtes pas d'accord avec notre réponse ? Vous pouvez alors introduire une plainte auprès de l'autorité de contrôle :",
  "rights-letter.complaint.email": "E-mail : {email}",
  "rights-letter.closing": "Veuillez agréer nos salutations distinguées,",
  "rights-letter.contact": "Des questions sur cette réponse ? Écrivez-nous à {email}.",
  "rights-letter.pdf.enterprise": "Numéro d'entreprise {number}",
  "rights-letter.pdf.page": "Page {page} sur {pages}",
  "rights-letter.pdf.filename": "reponse-{reference}.pdf",
  "rights-letter.mail.export.subject": "Vos données sont prêtes ({reference})",
  "rights-letter.mail.export.body":
    "Madame, Monsieur,\n\nVous avez adressé à {organisation} une demande concernant vos données personnelles ({right}, demande {reference}). Vos données sont prêtes à être téléchargées :\n\n{links}\n\nLe lien fonctionne jusqu'au {expiry}. Il est personnel : ne le transférez pas. Notre réponse à votre demande suit dans une lettre séparée.\n\nSalutations distinguées,\n{organisation}",
  "rights-letter.mail.transfer.subject":
    "Transfert de données à la demande d'une personne concernée ({reference})",
  "rights-letter.mail.transfer.body":
    "Madame, Monsieur,\n\nUne personne dont {organisation} traite les données nous a demandé de transférer ces données à {recipient} (article 20 du RGPD, référence {reference}). Le fichier est prêt à être téléchargé :\n\n{links}\n\nLe lien fonctionne jusqu'au {expiry}. Le paquet contient un rapport lisible et un fichier ZIP avec les données en JSON et CSV (manifest.json en décrit le contenu). Des questions sur ce transfert ? Écrivez à {privacyEmail} en mentionnant la référence.\n\nSalutations distinguées,\n{organisation}",
  "rights-letter.mail.answer.subject": "Réponse à votre demande {reference}",
  "rights-letter.mail.answer.body":
    "{letter}\n\nVous trouverez aussi cette lettre en PDF en pièce jointe. Consulter votre demande : {statusUrl}",
  "rights-letter.panel.title": "Exécution",
  "rights-letter.panel.intro":
    "Pour chaque droit demandé : ce qu'il fait des données que nous conservons sur cette personne. Chaque étape s'exécute une fois ; la lettre de réponse découle des résultats.",
  "rights-letter.panel.plan": "Ce que fait {right}",
  "rights-letter.panel.column.type": "Type de données",
  "rights-letter.panel.column.count": "Nombre",
  "rights-letter.panel.column.effect": "Ce qui se passe et pourquoi",
  "rights-letter.panel.nothing":
    "Nous ne conservons rien sur cette personne sur quoi cette étape agit.",
  "rights-letter.panel.execute": "Exécuter : {right}",
  "rights-letter.panel.done": "Exécuté le {date}.",
  "rights-letter.panel.to_organisation": "Vers {organisation} ({email}).",
  "rights-letter.panel.no_recipient":
    "Aucune organisation destinataire n'est connue ; cette étape ne peut pas être exécutée.",
  "rights-letter.panel.not_applicable":
    "Ne s'applique pas à {purpose} : la base juridique est {basis}. La lettre l'explique.",
  "rights-letter.panel.package_warning":
    "Attention : un effacement supprime aussi les paquets à télécharger de cette personne, et {count} paquet(s) de cette demande n'ont pas encore été téléchargés.",
  "rights-letter.panel.effect.erase": "{count} effacé(s)",
  "rights-letter.panel.effect.keep.legal_obligation":
    "{count} conservé(s) jusqu'au {until} : obligation légale ({reference}) ; limité à cet usage",
  "rights-letter.panel.effect.keep.legal_obligation.open":
    "{count} conservé(s) : obligation légale ({reference}), le délai n'a pas encore commencé ; limité à cet usage",
  "rights-letter.panel.effect.keep.legal_hold": "{count} conservé(s) : blocage judiciaire",
  "rights-letter.panel.effect.keep.running_agreement": "{count} conservé(s) : contrat en cours",
  "rights-letter.panel.effect.keep.request_proof": "{count} conservé(s) : preuve de cette demande",
  "rights-letter.panel.effect.destroy_on_answer": "{count} détruit(s) lors de la réponse",
  "rights-letter.panel.effect.export": "{count} dans le paquet",
  "rights-letter.panel.effect.restrict": "{count} limité(s) : seulement conservé(s)",
  "rights-letter.panel.effect.stop": "{count} : le traitement à cette fin s'arrête",
  "rights-letter.panel.effect.unsubscribe": "{count} : désinscription, le traitement s'arrête",
  "rights-letter.panel.effect.rectify": "{count} enregistrement(s), {fields} champs modifiables",
  "rights-letter.panel.result.erased": "{count} effacé(s)",
  "rights-letter.panel.result.kept": "{count} conservé(s)",
  "rights-letter.panel.result.restricted": "{count} limité(s)",
  "rights-letter.panel.result.exported": "{count} dans le paquet",
  "rights-letter.panel.result.unsubscribed": "{count} désinscription(s)",
  "rights-letter.panel.result.rectified": "{count} champ(s) modifié(s)",
  "rights-letter.panel.results": "Résultat",
  "rights-letter.panel.no_results": "Rien n'a changé.",
  "rights-letter.panel.package": "Paquet créé, lien valable jusqu'au {expiry}.",
  "rights-letter.panel.transferred": "Lien envoyé à l'organisation le {date}.",
  "rights-letter.panel.rectify.title": "Rectification",
  "rights-letter.panel.rectify.intro":
    "Saisissez les valeurs demandées. Seuls les champs modifiés sont mis à jour ; l'ancienne et la nouvelle valeur sont chiffrées dans le journal d'audit et dans la lettre.",
  "rights-letter.panel.rectify.caption": "Champs modifiables de cette personne",
  "rights-letter.panel.rectify.record": "Donnée",
  "rights-letter.panel.rectify.value": "Valeur",
  "rights-letter.panel.rectify.none": "Il n'y a aucun champ modifiable.",
  "rights-letter.panel.rectify.submit": "Appliquer les corrections",
  "rights-letter.panel.letter.preview": "Aperçu de la lettre de réponse ({language})",
  "rights-letter.panel.letter.sent": "Lettre de réponse envoyée ({language})",
  "rights-letter.panel.answer.pending":
    "Exécutez d'abord chaque étape ; vous pourrez ensuite envoyer la réponse ({count} en attente).",
  "rights-letter.panel.answer.explain":
    "L'envoi conserve la lettre chiffrée, réduit la demande à sa preuve, détruit toute copie de la pièce d'identité et envoie la lettre à la personne par e-mail, avec le PDF en pièce jointe.",
  "rights-letter.panel.answer.submit": "Envoyer la réponse",
  "rights-letter.panel.answered": "Traitée le {date}.",
};
