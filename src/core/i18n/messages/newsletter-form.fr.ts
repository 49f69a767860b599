import type { newsletterFormNl } from "./newsletter-form.nl.ts";

export const newsletterFormFr: Record<keyof typeof newsletterFormNl, string> = {
  "newsletter-form.title": "Lettre d'information",
  "newsletter-form.intro":
    "Choisissez vous-même les sujets sur lesquels vous voulez avoir de nos nouvelles. Vous recevez d'abord un seul e-mail pour confirmer votre inscription ; sans cette confirmation, nous ne vous envoyons rien.",
  "newsletter-form.name": "Nom ou pseudonyme",
  "newsletter-form.email": "Adresse e-mail",
  "newsletter-form.topics": "Sujets",
  "newsletter-form.topics.hint":
    "Cochez les sujets sur lesquels vous voulez recevoir des e-mails. Vous donnez votre consentement pour chaque sujet séparément.",
  "newsletter-form.honeypot": "Laissez ce champ vide",
  "newsletter-form.notice": "Ce que nous conservons : {data}. {retention}",
  "newsletter-form.notice.unsubscribe":
    "Vous pouvez toujours vous désinscrire avec le lien au bas de chaque lettre d'information.",
  "newsletter-form.notice.privacy": "En savoir plus dans notre déclaration de confidentialité",
  "newsletter-form.submit": "M'inscrire",
  "newsletter-form.errors": "Vous n'êtes pas encore inscrit. Veuillez corriger ce qui suit :",
  "newsletter-form.error.name": "Indiquez votre nom ou un pseudonyme (200 caractères au plus).",
  "newsletter-form.error.email": "Indiquez une adresse e-mail valide, p. ex. nom@exemple.be.",
  "newsletter-form.error.topics": "Choisissez au moins un sujet.",
  "newsletter-form.error.automated":
    "Il semble que le formulaire ait été envoyé automatiquement. Attendez quelques secondes et envoyez-le à nouveau.",
  "newsletter-form.error.expired":
    "Ce formulaire est resté ouvert trop longtemps. Vérifiez vos données et envoyez-le à nouveau.",
  "newsletter-form.check.title": "Consultez votre boîte mail",
  "newsletter-form.check.body":
    "Nous envoyons un e-mail à l'adresse indiquée, avec un lien pour confirmer votre inscription. Vous ne recevez notre lettre d'information qu'après cette confirmation.",
  "newsletter-form.check.expiry":
    "Le lien est valable {days} jours. Rien reçu ? Regardez aussi dans vos courriers indésirables, ou inscrivez-vous à nouveau.",
  "newsletter-form.home": "Retour à la page d'accueil",
  "newsletter-form.confirm.title": "Confirmez votre inscription",
  "newsletter-form.confirm.intro":
    "Appuyez sur le bouton pour confirmer votre inscription à notre lettre d'information. Sans confirmation, nous ne vous envoyons rien.",
  "newsletter-form.confirm.submit": "Confirmer mon inscription",
  "newsletter-form.confirmed.title": "Vous êtes inscrit",
  "newsletter-form.confirmed.topics": "Vous recevrez notre lettre d'information sur :",
  "newsletter-form.confirmed.later":
    "Au bas de chaque lettre d'information figurent un lien pour vous désinscrire et un lien vers vos préférences.",
  "newsletter-form.confirmed.preferences": "Modifier dès maintenant vos sujets ou votre nom",
  "newsletter-form.expired.title": "Ce lien a expiré",
  "newsletter-form.expired.body":
    "Un lien de confirmation est valable {days} jours. Votre inscription n'a pas été conservée : inscrivez-vous à nouveau pour recevoir un nouveau lien.",
  "newsletter-form.invalid.title": "Ce lien n'est pas valable",
  "newsletter-form.invalid.body":
    "Le lien est incomplet ou a déjà été utilisé. Déjà inscrit ? Chaque lettre d'information contient en bas un lien vers vos préférences. Sinon, inscrivez-vous à nouveau.",
  "newsletter-form.link.body":
    "Le lien est incomplet. Utilisez le lien au bas de votre dernière lettre d'information, ou inscrivez-vous à nouveau.",
  "newsletter-form.signup-again": "Aller au formulaire d'inscription",
  "newsletter-form.preferences.title": "Vos préférences pour la lettre d'information",
  "newsletter-form.preferences.intro":
    "Ces préférences appartiennent à {email}. Choisissez les sujets sur lesquels vous voulez recevoir des e-mails et modifiez votre nom si vous le souhaitez.",
  "newsletter-form.preferences.none":
    "Vous n'êtes actuellement inscrit à aucun sujet. Cochez des sujets et enregistrez pour vous réinscrire.",
  "newsletter-form.preferences.save": "Enregistrer mes préférences",
  "newsletter-form.preferences.saved": "Vos préférences ont été enregistrées.",
  "newsletter-form.preferences.errors":
    "Vos préférences ne sont pas encore enregistrées. Veuillez corriger ce qui suit :",
  "newsletter-form.preferences.leave": "Me désinscrire de tout",
  "newsletter-form.preferences.leave.hint":
    "Vous ne recevrez alors plus aucune lettre d'information. Vous pourrez vous réinscrire ici plus tard.",
  "newsletter-form.unsubscribe.title": "Se désinscrire de la lettre d'information",
  "newsletter-form.unsubscribe.intro":
    "Ce bouton vous désinscrit de tous les sujets de notre lettre d'information.",
  "newsletter-form.unsubscribe.submit": "Me désinscrire de tout",
  "newsletter-form.unsubscribe.instead": "Vous préférez simplement modifier vos sujets ?",
  "newsletter-form.unsubscribe.preferences": "Aller à vos préférences",
  "newsletter-form.unsubscribed.title": "Vous êtes désinscrit",
  "newsletter-form.unsubscribed.body":
    "Vous ne recevrez plus de lettres d'information de notre part.",
  "newsletter-form.unsubscribed.retention":
    "Ce qu'il advient maintenant de vos données : {retention}",
  "newsletter-form.unsubscribed.again":
    "Une erreur ? Vous pouvez vous réinscrire dans vos préférences.",
  "field.topics": "sujets",
};
