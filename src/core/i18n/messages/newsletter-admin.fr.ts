import type { newsletterAdminNl } from "./newsletter-admin.nl.ts";

export const newsletterAdminFr: Record<keyof typeof newsletterAdminNl, string> = {
  "newsletter-admin.nav": "Lettres d'information",
  "newsletter-admin.list.title": "Lettres d'information et avis de service",
  "newsletter-admin.list.intro":
    "Une lettre d'information ne va qu'aux personnes qui ont consenti à l'un de ses sujets. Un avis de service va, quels que soient les sujets, uniquement aux personnes ayant un service en cours.",
  "newsletter-admin.list.new": "Nouvelle campagne",
  "newsletter-admin.list.empty": "Pas encore de campagnes.",
  "newsletter-admin.list.label": "Campagnes, les plus récentes d'abord",
  "newsletter-admin.col.subject": "Objet",
  "newsletter-admin.col.kind": "Type",
  "newsletter-admin.col.status": "Statut",
  "newsletter-admin.col.when": "Planifiée ou démarrée",
  "newsletter-admin.col.author": "Par",
  "newsletter-admin.count.recipients": "Destinataires",
  "newsletter-admin.count.queued": "En file d'attente",
  "newsletter-admin.count.held": "Conservés (pas de SMTP)",
  "newsletter-admin.count.sent": "Envoyés",
  "newsletter-admin.count.failed": "Échoués",
  "newsletter-admin.count.cancelled": "Annulés",
  "newsletter-admin.count.removed": "Effacés après la durée de conservation",
  "newsletter-admin.count.unsubscribed": "Désinscrits depuis",
  "newsletter-admin.kind.newsletter": "Lettre d'information",
  "newsletter-admin.kind.service_notice": "Avis de service",
  "newsletter-admin.kind.newsletter.hint":
    "va aux personnes qui ont consenti à au moins un des sujets choisis",
  "newsletter-admin.kind.service_notice.hint":
    "avis légal ou important (p. ex. conditions modifiées) : va aux personnes ayant un service en cours, même désinscrites, et à personne d'autre ; sans sujets",
  "newsletter-admin.status.draft": "brouillon",
  "newsletter-admin.status.scheduled": "planifiée",
  "newsletter-admin.status.sending": "en cours d'envoi",
  "newsletter-admin.status.sent": "envoyée",
  "newsletter-admin.author.system":
    "le système (modification de la déclaration de confidentialité)",
  "newsletter-admin.new.title": "Nouvelle campagne",
  "newsletter-admin.edit.title": "Campagne : {subject}",
  "newsletter-admin.form.label": "Campagne",
  "newsletter-admin.field.kind": "Type",
  "newsletter-admin.field.subject": "Objet du courriel",
  "newsletter-admin.field.markdown": "Texte (Markdown)",
  "newsletter-admin.field.markdown.hint":
    "Écrivez {placeholder} là où doit figurer le nom ou le pseudonyme du lecteur. Le HTML s'affiche comme du texte. Le pied de page avec le lien de désinscription est ajouté en dessous.",
  "newsletter-admin.field.topics": "Sujets",
  "newsletter-admin.field.topics.hint": "Uniquement pour une lettre d'information.",
  "newsletter-admin.field.schedule_at": "Envoyer le (fuseau horaire {zone})",
  "newsletter-admin.field.status": "Statut",
  "newsletter-admin.field.created": "Créée",
  "newsletter-admin.field.scheduled": "Planifiée pour",
  "newsletter-admin.field.started": "Démarrée",
  "newsletter-admin.field.finished": "Terminée",
  "newsletter-admin.action.save": "Enregistrer",
  "newsletter-admin.action.test": "Enregistrer et m'envoyer un test",
  "newsletter-admin.action.schedule": "Enregistrer et planifier",
  "newsletter-admin.action.send_now": "Enregistrer et envoyer maintenant",
  "newsletter-admin.action.unschedule": "Annuler la planification",
  "newsletter-admin.readonly":
    "Seul un brouillon peut encore changer. Une campagne planifiée peut redevenir un brouillon jusqu'à son démarrage.",
  "newsletter-admin.sending.note":
    "La tâche des campagnes met les courriels en file d'attente chaque minute ; la tâche d'envoi les expédie au rythme configuré. Les personnes qui se désinscrivent entre-temps ne reçoivent plus rien.",
  "newsletter-admin.preview.title": "Aperçu",
  "newsletter-admin.preview.intro":
    "Voici le courriel tel que le reçoit un lecteur nommé {name}. Les liens de l'aperçu et d'un courriel de test n'appartiennent à aucun vrai lecteur.",
  "newsletter-admin.preview.sample_name": "Marie Dupont",
  "newsletter-admin.preview.subject": "Objet",
  "newsletter-admin.preview.html": "Partie HTML",
  "newsletter-admin.preview.text": "Partie texte",
  "newsletter-admin.progress.title": "Avancement",
  "newsletter-admin.progress.label": "Avancement de l'envoi",
  "newsletter-admin.progress.none": "Rien en file d'attente pour l'instant.",
  "newsletter-admin.done.created": "La campagne a été créée.",
  "newsletter-admin.done.saved": "La campagne a été enregistrée.",
  "newsletter-admin.done.test":
    "Le courriel de test vers votre propre adresse est en file d'attente.",
  "newsletter-admin.done.scheduled": "La campagne est planifiée.",
  "newsletter-admin.done.sending": "La campagne démarre dans la minute.",
  "newsletter-admin.done.unscheduled": "La campagne est redevenue un brouillon.",
  "newsletter-admin.error.not_found": "Cette campagne n'existe pas.",
  "newsletter-admin.error.not_draft":
    "Cette campagne est déjà planifiée ou envoyée et ne peut plus changer.",
  "newsletter-admin.error.not_scheduled": "Cette campagne n'est pas (ou plus) planifiée.",
  "newsletter-admin.error.empty": "Indiquez un objet et un texte.",
  "newsletter-admin.error.notice_topics":
    "Un avis de service n'a pas de sujets : il va à toutes les personnes ayant un service en cours. Décochez les sujets, ou choisissez une lettre d'information.",
  "newsletter-admin.error.no_topics":
    "Choisissez au moins un sujet : une lettre d'information ne va qu'aux personnes qui y ont consenti.",
  "newsletter-admin.error.unknown_topic":
    "Un sujet choisi ne figure pas (ou plus) dans la politique.",
  "newsletter-admin.error.unknown_placeholder":
    "Seul {placeholder} peut figurer dans le texte ; les autres noms entre doubles accolades sont inconnus.",
  "newsletter-admin.error.schedule_at": "Choisissez une date et une heure d'envoi valides.",
  "newsletter-admin.test.subject_prefix": "[TEST]",
};
