import type { contactFormNl } from "./contact-form.nl.ts";

export const contactFormFr: Record<keyof typeof contactFormNl, string> = {
  "contact-form.title": "Contact",
  "contact-form.intro":
    "Posez votre question ou faites votre demande. Nous répondons dès que possible, généralement dans les deux jours ouvrables.",
  "contact-form.name": "Nom",
  "contact-form.email": "Adresse e-mail",
  "contact-form.phone": "Numéro de téléphone (facultatif)",
  "contact-form.phone.hint":
    "Un numéro belge peut s’écrire sans indicatif du pays, p. ex. 0470 12 34 56.",
  "contact-form.subject": "Objet",
  "contact-form.message": "Message",
  "contact-form.attachments": "Pièces jointes (facultatif)",
  "contact-form.attachments.hint":
    "{max} fichiers au maximum, chacun jusqu’à {fileLimit} et {totalLimit} au total : PDF, images, fichiers Office et OpenDocument, texte, CSV ou ZIP.",
  "contact-form.attachments.again":
    "Choisissez à nouveau vos pièces jointes : nous ne gardons rien tant que votre message n’est pas envoyé.",
  "contact-form.honeypot": "Laissez ce champ vide",
  "contact-form.notice": "Ce que nous conservons : {data}. {retention}",
  "contact-form.notice.privacy": "Pour en savoir plus, lisez notre déclaration de confidentialité",
  "contact-form.submit": "Envoyer",
  "contact-form.errors": "Votre message n’a pas encore été envoyé. Corrigez ce qui suit :",
  "contact-form.error.name": "Indiquez votre nom (200 caractères au maximum).",
  "contact-form.error.email": "Indiquez une adresse e-mail valide, p. ex. nom@exemple.be.",
  "contact-form.error.phone":
    "Ce numéro de téléphone n’est pas valide. Un numéro belge peut s’écrire sans indicatif ; tout autre commence par + et l’indicatif du pays.",
  "contact-form.error.subject": "Indiquez un objet (200 caractères au maximum).",
  "contact-form.error.message": "Écrivez votre message (10 000 caractères au maximum).",
  "contact-form.error.automated":
    "Il semble que le formulaire ait été envoyé automatiquement. Attendez quelques secondes et envoyez-le à nouveau.",
  "contact-form.error.expired":
    "Ce formulaire est resté ouvert trop longtemps. Vérifiez vos données et envoyez-le à nouveau.",
  "contact-form.file.too_many": "Vous pouvez joindre {max} fichiers au maximum.",
  "contact-form.file.too_large":
    "{file} est trop volumineux : chaque fichier peut faire {limit} au maximum.",
  "contact-form.file.total_too_large":
    "{file} ne tient plus : toutes les pièces jointes ensemble peuvent faire {limit} au maximum.",
  "contact-form.file.type":
    "{file} a été refusé : son contenu n’est pas un type de fichier accepté (PDF, image, Office, OpenDocument, texte, CSV ou ZIP), quel que soit son nom.",
  "contact-form.sent.title": "Message reçu",
  "contact-form.sent.reference": "Votre référence est {reference}.",
  "contact-form.sent.screening": "À propos de votre message",
  "contact-form.sent.mail":
    "Une confirmation vous est envoyée par e-mail. Mentionnez la référence si vous nous recontactez à ce sujet.",
  "contact-form.sent.home": "Retour à la page d’accueil",
};
