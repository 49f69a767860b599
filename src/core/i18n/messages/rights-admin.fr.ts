import type { rightsAdminNl } from "./rights-admin.nl.ts";

export const rightsAdminFr: Record<keyof typeof rightsAdminNl, string> = {
  "rights-admin.nav": "Demandes",
  "rights-admin.back": "Retour aux demandes",
  "rights-admin.newest": "Les plus récentes",
  "rights-admin.older": "Plus anciennes",
  "rights-admin.queue.title": "Demandes concernant des données personnelles",
  "rights-admin.queue.intro":
    "Demandes ouvertes, les plus urgentes d'abord. Ce qui est en retard ou à traiter dans les 7 jours est marqué.",
  "rights-admin.queue.new": "Saisir une demande reçue par e-mail, par téléphone ou par courrier",
  "rights-admin.queue.empty": "Aucune demande à afficher.",
  "rights-admin.queue.table": "Demandes",
  "rights-admin.queue.extended": "(prolongé)",
  "rights-admin.queue.truncated":
    "Plus de {count} demandes sont ouvertes ; seules les {count} plus urgentes sont affichées.",
  "rights-admin.filter.label": "Filtrer les demandes",
  "rights-admin.filter.status": "Statut",
  "rights-admin.filter.open": "Toutes les demandes ouvertes",
  "rights-admin.filter.reference": "Référence (exacte)",
  "rights-admin.filter.submit": "Filtrer",
  "rights-admin.filter.clear": "Afficher toutes les demandes ouvertes",
  "rights-admin.col.reference": "Référence",
  "rights-admin.col.rights": "Demandé",
  "rights-admin.col.channel": "Canal",
  "rights-admin.col.status": "Statut",
  "rights-admin.col.received": "Reçue",
  "rights-admin.col.deadline": "Réponse au plus tard",
  "rights-admin.col.days": "Délai",
  "rights-admin.state.overdue": "En retard",
  "rights-admin.state.due_soon": "Dans les 7 jours",
  "rights-admin.days.overdue": "{days} jours de retard",
  "rights-admin.days.overdue_one": "1 jour de retard",
  "rights-admin.days.overdue_today": "expiré aujourd'hui",
  "rights-admin.days.today": "aujourd'hui",
  "rights-admin.days.left": "encore {days} jours",
  "rights-admin.days.left_one": "encore 1 jour",
  "rights-admin.channel.portal": "portail",
  "rights-admin.channel.email": "e-mail",
  "rights-admin.channel.phone": "téléphone",
  "rights-admin.channel.post": "courrier",
  "rights-admin.method.email_link": "adresse e-mail confirmée par le lien de l'e-mail",
  "rights-admin.method.id_copy": "copie de la pièce d'identité vérifiée",
  "rights-admin.method.known_customer": "client connu",
  "rights-admin.method.in_person": "vu en personne",
  "rights-admin.right.with_purpose": "{right} : {purpose}",
  "rights-admin.right.to_self": "{right} vers la personne elle-même",
  "rights-admin.right.to_organisation": "{right} vers {name} ({email})",
  "rights-admin.right.to_organisation_erased":
    "{right} vers une autre organisation (données effacées)",
  "rights-admin.field.status": "Statut",
  "rights-admin.field.channel": "Reçue par",
  "rights-admin.field.locale": "Langue de la personne",
  "rights-admin.field.entered_by": "Saisie par",
  "rights-admin.field.rights": "Droits demandés",
  "rights-admin.field.email": "Adresse e-mail",
  "rights-admin.field.phone": "Numéro de téléphone",
  "rights-admin.field.customer_number": "Numéro de client",
  "rights-admin.field.vat": "Numéro de TVA",
  "rights-admin.field.description": "Description de la demande",
  "rights-admin.new.title": "Saisir une demande",
  "rights-admin.new.intro":
    "Pour une demande reçue par e-mail, par téléphone ou par courrier. Elle compte comme reçue dès maintenant : le délai court. La personne reçoit une confirmation par e-mail, dans la langue choisie, avec la référence, la date limite de réponse et un lien pour suivre la demande.",
  "rights-admin.new.rights": "Droits demandés",
  "rights-admin.new.objection": "Opposition à",
  "rights-admin.new.withdraw": "Retrait du consentement pour",
  "rights-admin.new.portability": "Portabilité des données vers",
  "rights-admin.new.portability_self": "la personne elle-même",
  "rights-admin.new.portability_organisation": "une autre organisation",
  "rights-admin.new.person": "La personne",
  "rights-admin.new.email_hint":
    "Obligatoire : la personne reçoit la confirmation et la réponse à cette adresse.",
  "rights-admin.new.identifiers_hint":
    "Les numéros de téléphone, de client et de TVA aident à trouver les autres données de la personne. Ils ne sont liés qu'après la vérification de l'identité.",
  "rights-admin.new.errors": "La demande n'est pas encore enregistrée. Vérifiez ces champs :",
  "rights-admin.new.submit": "Enregistrer la demande et envoyer la confirmation",
  "rights-admin.error.channel": "Choisissez comment la demande a été reçue.",
  "rights-admin.error.locale": "Choisissez la langue de la personne.",
  "rights-admin.error.verification.method": "Choisissez comment vous avez vérifié l'identité.",
  "rights-admin.error.verification.already_decided":
    "L'identité a déjà fait l'objet d'une décision ; elle ne peut pas être prise à nouveau.",
  "rights-admin.error.verification.no_id_copy":
    "Il n'y a pas de copie de pièce d'identité sur laquelle s'appuyer. Choisissez une autre manière.",
  "rights-admin.error.verification.no_email_link":
    "Cette demande n'est pas venue par le portail : son adresse e-mail n'a pas été confirmée par un lien.",
  "rights-admin.error.verification.no_reason":
    "Indiquez le motif du refus (2000 caractères au plus) : la personne le lira.",
  "rights-admin.error.extension.months_out_of_range": "La prolongation est de 1 ou 2 mois.",
  "rights-admin.error.extension.after_deadline":
    "Le délai est dépassé : une prolongation n'est possible qu'avant la date initiale.",
  "rights-admin.error.extension.already_extended":
    "Le délai a déjà été prolongé ; ce n'est possible qu'une fois.",
  "rights-admin.error.extension.closed":
    "Cette demande est clôturée ; il n'y a plus de délai à prolonger.",
  "rights-admin.error.extension.no_reason":
    "Indiquez le motif de la prolongation (2000 caractères au plus) : la personne le lira.",
  "rights-admin.error.extension.no_address":
    "L'adresse e-mail de la personne a été effacée : la prolongation ne peut pas lui être communiquée.",
  "rights-admin.error.subjects.not_linkable":
    "Lier n'est possible qu'après la vérification de l'identité et tant que la demande n'a pas reçu de réponse.",
  "rights-admin.error.subjects.not_suggested":
    "Cette personne concernée n'est pas une suggestion pour cette demande et ne peut pas être liée.",
  "rights-admin.error.subjects.not_linked":
    "Cette personne concernée n'est pas liée à cette demande.",
  "rights-admin.done.created": "La demande est enregistrée et la personne a reçu une confirmation.",
  "rights-admin.done.verified":
    "L'identité est vérifiée. Toute copie de pièce d'identité a été détruite.",
  "rights-admin.done.refused":
    "La demande est refusée et la personne en a reçu le motif. Toute copie de pièce d'identité a été détruite.",
  "rights-admin.done.extended":
    "Le délai est prolongé et la personne a reçu la nouvelle date et le motif.",
  "rights-admin.done.linked": "La personne concernée est liée à cette demande.",
  "rights-admin.done.unlinked": "La personne concernée n'est plus liée à cette demande.",
  "rights-admin.request.title": "Demande {reference}",
  "rights-admin.request.read_logged":
    "Cette demande contient des données personnelles ; votre consultation est enregistrée dans le journal d'audit.",
  "rights-admin.request.by_person": "la personne elle-même, par le portail",
  "rights-admin.request.person": "Coordonnées du demandeur",
  "rights-admin.deadline.title": "Délai",
  "rights-admin.deadline.original": "Réponse au plus tard",
  "rights-admin.deadline.extended_until": "Prolongé jusqu'au",
  "rights-admin.deadline.extension_reason": "Motif de la prolongation",
  "rights-admin.deadline.state": "Situation",
  "rights-admin.deadline.rule":
    "Le délai est de {days} jours après réception, ou d'un mois civil s'il est plus court. Il peut être prolongé une fois, de 1 ou 2 mois, avant son expiration ; la personne reçoit le motif et la nouvelle date par e-mail.",
  "rights-admin.extension.title": "Prolonger le délai",
  "rights-admin.extension.months": "Prolonger de",
  "rights-admin.extension.month_one": "1 mois",
  "rights-admin.extension.month_other": "{months} mois",
  "rights-admin.extension.reason": "Motif",
  "rights-admin.extension.hint":
    "La personne lit ce motif tel quel, dans un e-mail avec la nouvelle date. Ne mentionnez aucune donnée d'autrui.",
  "rights-admin.extension.submit": "Prolonger et prévenir la personne",
  "rights-admin.extension.already": "Le délai a déjà été prolongé ; ce n'est possible qu'une fois.",
  "rights-admin.extension.too_late":
    "Le délai initial est dépassé : une prolongation n'était possible qu'avant.",
  "rights-admin.timeline.title": "Historique",
  "rights-admin.timeline.created": "créée",
  "rights-admin.timeline.received": "reçue, le délai court",
  "rights-admin.timeline.verified": "identité vérifiée",
  "rights-admin.timeline.answered": "réponse envoyée",
  "rights-admin.timeline.refused": "refusée",
  "rights-admin.timeline.extended": "Délai prolongé jusqu'au",
  "rights-admin.identity.title": "Identité",
  "rights-admin.identity.so_far_portal":
    "La demande est venue par le portail : la personne a confirmé son adresse e-mail par le lien de l'e-mail.",
  "rights-admin.identity.so_far_staff":
    "La demande a été saisie par un membre du personnel : l'identité n'est pas encore vérifiée.",
  "rights-admin.identity.verified": "Vérifiée ({method}) par {staff} le",
  "rights-admin.identity.refused": "Refusée par {staff} le",
  "rights-admin.identity.copy_required":
    "La politique de confidentialité demande pour cette demande une copie du recto de la pièce d'identité, numéro de carte et photo noircis.",
  "rights-admin.identity.copy_missing":
    "Aucune copie n'a été téléversée. Vous pouvez établir l'identité autrement, par exemple parce que vous connaissez la personne comme client ou l'avez vue en personne ; votre décision est conservée avec votre nom.",
  "rights-admin.identity.copy_alt": "Copie de la pièce d'identité pour la demande {reference}",
  "rights-admin.identity.copy_uploaded": "Téléversée le",
  "rights-admin.identity.copy_destroyed_after":
    "la copie est détruite dès que vous décidez ci-dessous, et au plus tard 30 jours après le téléversement.",
  "rights-admin.identity.verify": "Confirmer l'identité",
  "rights-admin.identity.method": "Comment avez-vous établi l'identité ?",
  "rights-admin.identity.verify_submit": "Confirmer l'identité",
  "rights-admin.identity.refuse": "Refuser la demande",
  "rights-admin.identity.reason": "Motif du refus",
  "rights-admin.identity.refuse_hint":
    "La personne lit ce motif tel quel, avec la manière d'introduire une plainte auprès de l'autorité de contrôle.",
  "rights-admin.identity.refuse_submit": "Refuser et prévenir la personne",
  "rights-admin.subjects.title": "De qui s'agit-il ?",
  "rights-admin.subjects.own": "Trouvée par l'adresse e-mail",
  "rights-admin.subjects.own_erased": "La personne concernée par cette demande n'est plus connue.",
  "rights-admin.subjects.open": "Voir la personne concernée {subject}",
  "rights-admin.subjects.nothing": "Aucune donnée sur cette personne concernée.",
  "rights-admin.subjects.count": "{type} : {count}",
  "rights-admin.subjects.linked": "Liées à cette demande",
  "rights-admin.subjects.suggestions": "Suggestions",
  "rights-admin.subjects.why_suggestions":
    "D'après le numéro de téléphone, de TVA ou de client de la demande. Ce ne sont que des suggestions : n'importe qui peut taper un numéro, une correspondance ne prouve donc pas qu'il s'agit de la même personne. Ne liez qu'après vérification ; chaque étape de la demande s'applique alors aussi aux données liées.",
  "rights-admin.subjects.link_after_verification":
    "Lier n'est possible qu'après la vérification de l'identité, et plus après la réponse.",
  "rights-admin.subjects.no_suggestions": "Aucune suggestion.",
  "rights-admin.subjects.found_by": "Trouvée par : {identifiers}",
  "rights-admin.subjects.source.phone": "numéro de téléphone",
  "rights-admin.subjects.source.vat": "numéro de TVA",
  "rights-admin.subjects.source.customer_number": "numéro de client",
  "rights-admin.subjects.link": "Lier à cette demande",
  "rights-admin.subjects.unlink": "Délier",
  "rights-admin.mail.greeting": "Bonjour,",
  "rights-admin.mail.signature": "Cordialement,\n{organisation}",
  "rights-admin.mail.status_link": "Suivez votre demande ici :\n{link}",
  "rights-admin.mail.received.subject": "Nous avons reçu votre demande {reference}",
  "rights-admin.mail.received.body":
    "Nous avons reçu votre demande concernant vos données personnelles. Votre référence est {reference}. Nous répondrons dès que possible, et au plus tard le {deadline}.",
  "rights-admin.mail.received.id_copy":
    "{instructions} Vous pouvez téléverser la copie par le lien ci-dessus.",
  "rights-admin.mail.refused.subject": "Votre demande {reference} a été refusée",
  "rights-admin.mail.refused.body":
    "Nous ne pouvons pas donner suite à votre demande {reference} concernant vos données personnelles. Le motif :",
  "rights-admin.mail.refused.complaint":
    "Si vous n'êtes pas d'accord, vous pouvez introduire une plainte auprès de l'autorité de contrôle :",
  "rights-admin.mail.extended.subject": "Votre demande {reference} : il nous faut plus de temps",
  "rights-admin.mail.extended.body":
    "Il nous faut plus de temps pour répondre à votre demande {reference}. Nous répondrons désormais au plus tard le {until}.",
  "rights-admin.mail.extended.reason": "Le motif :",
  "rights-admin.mail.extended.law":
    "Le RGPD (article 12, paragraphe 3) permet de prolonger le délai de deux mois au plus lorsqu'une demande est complexe ou que nous recevons de nombreuses demandes.",
  "rights-admin.mail.reminder.subject":
    "Demandes concernant des données personnelles : {overdue} en retard, {dueSoon} dans les 7 jours",
  "rights-admin.mail.reminder.body":
    "Ces demandes doivent recevoir une réponse bientôt, ou sont en retard :",
  "rights-admin.mail.reminder.line":
    "{reference} : réponse au plus tard le {deadline} ({state})\n{link}",
  "rights-admin.mail.reminder.queue": "Toutes les demandes ouvertes : {link}",
};
