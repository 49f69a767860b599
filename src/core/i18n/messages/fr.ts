import type { Messages } from "../i18n.ts";
import { adminFr } from "./admin.fr.ts";
import { breachesFr } from "./breaches.fr.ts";
import { consentFr } from "./consent.fr.ts";
import { contactFr } from "./contact.fr.ts";
import { contactAdminFr } from "./contact-admin.fr.ts";
import { contactCustomerFr } from "./contact-customer.fr.ts";
import { contactFormFr } from "./contact-form.fr.ts";
import { customersAdminFr } from "./customers-admin.fr.ts";
import { disclosuresFr } from "./disclosures.fr.ts";
import { exportFr } from "./export.fr.ts";
import { invoiceFr } from "./invoice.fr.ts";
import { newsletterFr } from "./newsletter.fr.ts";
import { newsletterAdminFr } from "./newsletter-admin.fr.ts";
import { newsletterFormFr } from "./newsletter-form.fr.ts";
import { newsletterSubscribersFr } from "./newsletter-subscribers.fr.ts";
import { ordersFr } from "./orders.fr.ts";
import { ordersAdminFr } from "./orders-admin.fr.ts";
import { processorsFr } from "./processors.fr.ts";
import { recordsFr } from "./records.fr.ts";
import { retentionFr } from "./retention.fr.ts";
import { rightsAdminFr } from "./rights-admin.fr.ts";
import { rightsLetterFr } from "./rights-letter.fr.ts";
import { rightsPortalFr } from "./rights-portal.fr.ts";
import { scannerFr } from "./scanner.fr.ts";
import { scannerAdminFr } from "./scanner-admin.fr.ts";
import { scannerIdentifiersFr } from "./scanner-identifiers.fr.ts";
import { scannerSpecialFr } from "./scanner-special.fr.ts";
import { securityFr } from "./security.fr.ts";
import { statementFr } from "./statement.fr.ts";
import { supportFr } from "./support.fr.ts";

export const fr: Messages = {
  ...adminFr,
  ...statementFr,
  ...retentionFr,
  ...recordsFr,
  ...exportFr,
  ...contactFr,
  ...contactFormFr,
  ...contactAdminFr,
  ...contactCustomerFr,
  ...customersAdminFr,
  ...newsletterFr,
  ...ordersFr,
  ...ordersAdminFr,
  ...invoiceFr,
  ...newsletterAdminFr,
  ...newsletterSubscribersFr,
  ...newsletterFormFr,
  ...supportFr,
  ...rightsLetterFr,
  ...rightsAdminFr,
  ...rightsPortalFr,
  ...consentFr,
  ...scannerSpecialFr,
  ...scannerIdentifiersFr,
  ...scannerFr,
  ...scannerAdminFr,
  ...securityFr,
  ...processorsFr,
  ...disclosuresFr,
  ...breachesFr,
  "language.nl": "Nederlands",
  "language.en": "English",
  "language.fr": "Français",
  "layout.skip": "Aller au contenu",
  "layout.language": "Langue",
  "layout.footer.privacy": "Déclaration de confidentialité",
  "layout.footer.cookies": "Politique en matière de cookies",
  "layout.footer.home": "Accueil",
  "home.title": "Vos données chez {organisation}",
  "home.intro":
    "Ici, vous pouvez nous contacter, vous abonner à notre lettre d'information et exercer vos droits en matière de vie privée. Vous y lisez aussi quelles données nous conservons, pourquoi et combien de temps.",
  "home.actions": "Que pouvez-vous faire ici ?",
  "home.contact": "Poser une question ou faire une demande",
  "home.contact.hint": "Via le formulaire de contact, avec des pièces jointes si nécessaire.",
  "home.newsletter": "S'abonner à la lettre d'information",
  "home.newsletter.hint": "Choisissez vos sujets ; vous pouvez vous désabonner à tout moment.",
  "home.privacy": "Lire la déclaration de confidentialité",
  "home.privacy.hint":
    "Quelles données nous traitons, pourquoi et combien de temps nous les gardons.",
  "home.cookies": "Lire la politique en matière de cookies et modifier votre choix",
  "home.cookies.hint": "Quels cookies nous utilisons et pourquoi.",
  "home.rights": "Consulter, corriger ou effacer vos données",
  "home.rights.hint": "Envoyez une demande ; nous répondons dans les 30 jours.",
  "home.support": "Assistance à distance",
  "home.support.hint":
    "Transmettez en toute sécurité votre ID et mot de passe TeamViewer à notre technicien.",
  "error.title": "Un problème est survenu",
  "error.title.not_found": "Page introuvable",
  "error.back": "Retour à la page précédente",
  "error.home": "Aller à la page d'accueil",
  "error.reference": "Référence : {requestId}",
  "error.bad_request": "Votre demande n'a pas pu être lue. Vérifiez les données et réessayez.",
  "error.validation": "Certaines données ne sont pas correctes. Corrigez-les et réessayez.",
  "error.unauthorized": "Veuillez d'abord vous connecter.",
  "error.forbidden": "Vous n'avez pas accès à cette page.",
  "error.csrf":
    "Ce formulaire a expiré ou ne provient pas de notre site. Rechargez la page et envoyez-le à nouveau.",
  "error.not_found": "Cette page n'existe pas (ou plus).",
  "error.method_not_allowed": "Cette action n'est pas possible ici.",
  "error.conflict": "Quelqu'un d'autre a modifié ceci entre-temps. Rechargez la page.",
  "error.too_large":
    "Ce que vous envoyez est trop volumineux. Réduisez-le ou envoyez moins de pièces jointes.",
  "error.unsupported_media_type":
    "Nous n'acceptons pas ce type de données ici. Utilisez le formulaire ou envoyez du JSON.",
  "error.rate_limited":
    "Vous avez envoyé trop de demandes à la suite. Attendez {seconds} secondes et réessayez.",
  "error.internal":
    "Un problème est survenu chez nous. Rien de ce que vous avez enregistré n'est perdu ; réessayez plus tard.",
  "error.unavailable":
    "Le service est momentanément indisponible. Réessayez dans quelques minutes.",
  "error.field": "{field} : {problem}",
  "error.field.invalid": "valeur non valide",
  "field.email": "adresse e-mail",
  "field.name": "nom",
  "field.phone": "numéro de téléphone",
  "field.message": "message",
  "field.subject": "objet",
  "field.attachments": "pièces jointes",
};
