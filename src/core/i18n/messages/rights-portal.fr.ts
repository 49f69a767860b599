import type { rightsPortalNl } from "./rights-portal.nl.ts";

export const rightsPortalFr: Record<keyof typeof rightsPortalNl, string> = {
  "rights-portal.status.unconfirmed": "en attente de la confirmation de votre adresse e-mail",
  "rights-portal.status.received": "reçue",
  "rights-portal.status.verified": "identité vérifiée",
  "rights-portal.status.in_progress": "en cours de traitement",
  "rights-portal.status.answered": "traitée",
  "rights-portal.status.refused": "refusée",
  "rights-portal.right.access": "accès",
  "rights-portal.right.rectification": "rectification",
  "rights-portal.right.erasure": "effacement",
  "rights-portal.right.restriction": "limitation du traitement",
  "rights-portal.right.objection": "opposition",
  "rights-portal.right.withdraw_consent": "retrait du consentement",
  "rights-portal.right.portability": "portabilité des données",

  "rights-portal.portability.self": "à moi-même",
  "rights-portal.portability.organisation": "à une organisation que je désigne",
  "rights-portal.home": "Vers la page d'accueil",

  "rights-portal.form.title": "Consulter, corriger ou supprimer vos données",
  "rights-portal.form.by_mail": "Vous préférez l'e-mail ? Afficher notre adresse e-mail",
  "rights-portal.form.by_mail.text": "Vous pouvez aussi envoyer votre demande par e-mail à",
  "rights-portal.form.steps": "Comment cela se passe",
  "rights-portal.form.step.confirm":
    "Vous recevez un e-mail avec un lien pour confirmer que vous avez envoyé la demande. Ce lien fonctionne {days} jours.",
  "rights-portal.form.step.id_copy":
    "Pour {rights}, nous demandons ensuite aussi une copie du recto de votre pièce d'identité, à téléverser sur la page de votre demande.",
  "rights-portal.form.step.answer":
    "Nous répondons le plus vite possible, et au plus tard {days} jours après la confirmation de votre demande.",
  "rights-portal.form.errors": "Votre demande n'a pas encore été envoyée. Vérifiez ces champs :",
  "rights-portal.form.error.automated":
    "Votre demande n'a pas été envoyée car elle semblait remplie automatiquement. Réessayez, ou écrivez-nous.",
  "rights-portal.form.error.expired":
    "Ce formulaire est resté ouvert trop longtemps. Vérifiez vos données et renvoyez-le.",
  "rights-portal.form.rights": "Que voulez-vous demander ? Choisissez un ou plusieurs droits.",
  "rights-portal.form.hint.access":
    "Vous recevez un aperçu et une copie de toutes les données que nous conservons à votre sujet, pourquoi et combien de temps.",
  "rights-portal.form.hint.rectification":
    "Nous corrigeons les données inexactes. Indiquez ci-dessous ce qui est faux et ce qu'il faudrait.",
  "rights-portal.form.hint.erasure":
    "Nous supprimons vos données, sauf ce que la loi nous oblige à garder (comme les factures) ; nous vous disons alors pourquoi et jusqu'à quand.",
  "rights-portal.form.hint.restriction":
    "Nous gardons vos données mais ne les utilisons plus, par exemple le temps de vérifier une correction.",
  "rights-portal.form.hint.objection":
    "Vous vous opposez à un traitement que nous effectuons sur la base de notre intérêt légitime.",
  "rights-portal.form.hint.withdraw_consent":
    "Vous retirez un consentement que vous nous avez donné, par exemple pour la newsletter.",
  "rights-portal.form.hint.portability":
    "Vous recevez vos données dans un fichier informatique, ou nous l'envoyons à une organisation que vous désignez.",
  "rights-portal.form.objection_purpose": "À quel traitement vous opposez-vous ?",
  "rights-portal.form.withdraw_purpose": "Quel consentement retirez-vous ?",
  "rights-portal.form.choose_purpose": "Choisissez un traitement",
  "rights-portal.form.portability_to": "À qui envoyons-nous le fichier ?",
  "rights-portal.form.recipient_name": "Nom de l'organisation",
  "rights-portal.form.recipient_email": "Adresse e-mail de l'organisation",
  "rights-portal.form.description": "Description de votre demande",
  "rights-portal.form.description.hint":
    "Pour une correction : qu'est-ce qui est faux, et que faudrait-il ? Ne mentionnez pas de données sensibles dont nous n'avons pas besoin.",
  "rights-portal.form.identity": "Sous quelles données vous connaissons-nous ?",
  "rights-portal.form.email": "Adresse e-mail",
  "rights-portal.form.email.hint":
    "L'adresse sous laquelle nous vous connaissons. Nous y envoyons le lien de confirmation et notre réponse.",
  "rights-portal.form.phone": "Numéro de téléphone (facultatif)",
  "rights-portal.form.customer_number": "Numéro de client (facultatif)",
  "rights-portal.form.customer_number.hint": "Comme sur vos factures, par exemple K-4M8T2Z.",
  "rights-portal.form.vat": "Numéro de TVA (facultatif)",
  "rights-portal.form.honeypot": "Laissez ce champ vide",
  "rights-portal.form.notice":
    "Nous utilisons ce que vous remplissez ici uniquement pour traiter votre demande et prouver que nous l'avons fait.",
  "rights-portal.form.notice.privacy": "Lisez notre déclaration de confidentialité.",
  "rights-portal.form.submit": "Envoyer la demande",

  "rights-portal.error.rights": "Choisissez au moins un droit.",
  "rights-portal.error.objectionPurpose": "Choisissez le traitement auquel vous vous opposez.",
  "rights-portal.error.withdrawPurpose": "Choisissez le consentement que vous retirez.",
  "rights-portal.error.portabilityTo": "Choisissez à qui nous envoyons le fichier.",
  "rights-portal.error.recipientName":
    "Indiquez le nom de l'organisation (200 caractères au plus).",
  "rights-portal.error.recipientEmail": "Indiquez une adresse e-mail valide de l'organisation.",
  "rights-portal.error.description": "Votre description peut compter 5000 caractères au plus.",
  "rights-portal.error.description.rectification":
    "Pour une correction, indiquez ce qui est faux et ce qu'il faudrait.",
  "rights-portal.error.email": "Indiquez une adresse e-mail valide.",
  "rights-portal.error.phone":
    "Ce numéro de téléphone n'est pas valide. Laissez-le vide en cas de doute.",
  "rights-portal.error.customerNumber":
    "Ce numéro de client n'est pas valide : il ressemble à K-4M8T2Z. Laissez-le vide en cas de doute.",
  "rights-portal.error.vat": "Ce numéro de TVA n'est pas valide, par exemple BE0123456749.",

  "rights-portal.check.title": "Consultez votre boîte mail",
  "rights-portal.check.body":
    "Nous avons envoyé un e-mail à l'adresse indiquée. Cliquez sur le lien qu'il contient pour confirmer que vous avez envoyé cette demande. Le lien fonctionne {days} jours.",
  "rights-portal.check.nothing":
    "Pas d'e-mail ? Regardez aussi dans vos indésirables. Sans confirmation, nous ne faisons rien de la demande.",

  "rights-portal.confirm.title": "Confirmez votre demande",
  "rights-portal.confirm.intro":
    "Confirmez que vous avez envoyé cette demande concernant vos données. Ce n'est qu'alors que le délai de réponse commence à courir.",
  "rights-portal.confirm.submit": "Oui, j'ai envoyé cette demande",

  "rights-portal.link.expired.title": "Ce lien a expiré",
  "rights-portal.link.expired":
    "Une demande qui n'est pas confirmée dans les {days} jours devient caduque. Rien n'en a été fait. Vous pouvez tout à fait la renvoyer.",
  "rights-portal.link.invalid.title": "Ce lien ne fonctionne pas",
  "rights-portal.link.invalid":
    "Ce lien de confirmation n'existe pas ou a déjà été utilisé. Vous avez déjà confirmé ? Suivez alors votre demande via le lien de l'e-mail reçu ensuite.",
  "rights-portal.link.status.title": "Cette page n'existe pas",
  "rights-portal.link.status":
    "Ce lien vers une demande n'est pas correct. Utilisez le lien complet de notre e-mail.",
  "rights-portal.link.again": "Envoyer une nouvelle demande",

  "rights-portal.page.title": "Votre demande {reference}",
  "rights-portal.page.private":
    "Cette page est réservée à vous : quiconque a le lien peut la voir. Ne le partagez pas.",
  "rights-portal.page.asked": "Ce que vous avez demandé",
  "rights-portal.page.received_on": "Reçue le",
  "rights-portal.page.deadline": "Nous répondons au plus tard le",
  "rights-portal.page.extended": "Nous avons prolongé le délai. La raison :",
  "rights-portal.page.extended.no_reason": "votre demande demande plus de travail que d'habitude.",
  "rights-portal.page.progress": "Où en est votre demande ?",
  "rights-portal.page.done": "fait",
  "rights-portal.page.to_come": "pas encore",
  "rights-portal.page.refused": "Nous avons refusé votre demande",
  "rights-portal.page.refused.no_reason": "Nous vous avons envoyé la raison par e-mail.",
  "rights-portal.page.answer": "Notre réponse",
  "rights-portal.page.answered_on": "Traitée le",
  "rights-portal.page.letter_pdf": "Notre réponse en PDF",
  "rights-portal.page.downloads": "Télécharger vos données",
  "rights-portal.page.downloads.intro":
    "Chaque clic crée un nouveau lien de téléchargement ; un lien précédent ne fonctionne alors plus.",
  "rights-portal.page.download": "Télécharger vos données ({right})",
  "rights-portal.page.download.until": "disponible jusqu'au",
  "rights-portal.page.complaint": "Pas satisfait ?",
  "rights-portal.page.complaint.text":
    "Si vous estimez que nous ne vous aidons pas correctement, vous pouvez introduire une plainte auprès de l'{authority}.",

  "rights-portal.id.title": "Copie de votre pièce d'identité",
  "rights-portal.id.uploaded": "Téléversée le",
  "rights-portal.id.uploaded.check":
    "Nous allons la vérifier et vous dirons quand votre identité sera vérifiée. Vous pouvez encore téléverser une autre copie ci-dessous.",
  "rights-portal.id.picture":
    "Exemple : le recto d'une carte d'identité avec la photo et le numéro de carte noircis.",
  "rights-portal.id.picture.photo": "photo",
  "rights-portal.id.picture.number": "numéro de carte",
  "rights-portal.id.picture.caption":
    "Noircissez la photo et le numéro de carte avant de téléverser la copie.",
  "rights-portal.id.kept":
    "Nous utilisons la copie uniquement pour vérifier qu'il s'agit bien de vous, et la détruisons juste après, au plus tard 30 jours après le téléversement. Vous ne la reverrez pas ici.",
  "rights-portal.id.file": "Photo ou scan du recto",
  "rights-portal.id.hint": "Une image JPEG, PNG ou WebP de {mb} Mo au plus.",
  "rights-portal.id.submit": "Téléverser la copie",
  "rights-portal.id.replace": "Téléverser une autre copie",
  "rights-portal.id.error.not_expected":
    "Nous n'avons pas (ou plus) besoin d'une copie de votre pièce d'identité pour cette demande.",
  "rights-portal.id.error.empty":
    "Choisissez une photo ou un scan du recto de votre pièce d'identité.",
  "rights-portal.id.error.too_large":
    "Ce fichier est trop volumineux : la copie peut faire {mb} Mo au plus. Prenez une photo plus petite.",
  "rights-portal.id.error.not_an_image":
    "Ce fichier n'est pas une image : téléversez une photo ou un scan en JPEG, PNG ou WebP.",

  "rights-portal.mail.confirm.subject": "Confirmez votre demande concernant vos données",
  "rights-portal.mail.confirm.body":
    "Bonjour,\n\nQuelqu'un, vous espérons-le, a demandé via notre site web ce qui suit pour les données liées à cette adresse e-mail :\n{rights}\n\nConfirmez que c'était vous via ce lien. Il fonctionne {days} jours :\n{link}\n\nVous n'avez rien demandé ? Vous n'avez rien à faire : sans confirmation, nous ne traitons pas la demande et la supprimons après {days} jours.\n\nMeilleures salutations,\n{organisation}",
  "rights-portal.mail.received.subject": "Nous avons reçu votre demande {reference}",
  "rights-portal.mail.received.body":
    "Bonjour,\n\nMerci pour votre confirmation. Nous avons reçu votre demande concernant vos données ; votre référence est {reference}.\n\nVous avez demandé :\n{rights}\n\nNous répondons le plus vite possible, et au plus tard le {deadline}.\n\n{idCopy}Suivez votre demande via ce lien. Gardez-le pour vous : quiconque l'a peut voir votre demande.\n{link}\n\nMeilleures salutations,\n{organisation}",
  "rights-portal.mail.received.id_copy":
    "Pour cette demande, nous demandons aussi une copie du recto de votre pièce d'identité, avec la photo et le numéro de carte noircis. Téléversez-la via le lien ci-dessous ; nous commençons à traiter votre demande dès que nous avons vérifié votre identité.",
};
