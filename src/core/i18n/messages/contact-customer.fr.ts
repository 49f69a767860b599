import type { contactCustomerNl } from "./contact-customer.nl.ts";

export const contactCustomerFr: Record<keyof typeof contactCustomerNl, string> = {
  "contact-customer.title": "Client et contrat",
  "contact-customer.lead":
    "Si cette demande a débouché sur une mission, liez-la au client : nous conservons la demande tant qu'un contrat est en cours, et jusqu'à 1 an après sa fin.",
  "contact-customer.linked": "Liée au client {number}.",
  "contact-customer.company": "Entreprise : {name}",
  "contact-customer.agreements": "Contrats",
  "contact-customer.agreements.none": "Pas encore de contrat.",
  "contact-customer.agreement.running": "{service}, en cours depuis le {start}",
  "contact-customer.agreement.ended": "{service}, du {start}, terminé le {end}",
  "contact-customer.agreement.end": "Terminer le contrat {service}",
  "contact-customer.agreement.end_hint":
    "L'année après laquelle nous effaçons la demande et le contact client compte à partir de la fin du dernier contrat en cours.",
  "contact-customer.link.title": "Lier à un client existant",
  "contact-customer.link.number": "Numéro de client (p. ex. K-4M8T2Z)",
  "contact-customer.link.submit": "Lier",
  "contact-customer.new.title": "Créer un client à partir de cette demande",
  "contact-customer.new.kind": "Type de client",
  "contact-customer.new.kind.person": "Une personne",
  "contact-customer.new.kind.company":
    "Une entreprise (l'expéditeur en devient la personne de contact)",
  "contact-customer.new.company": "Nom de l'entreprise (pour une entreprise)",
  "contact-customer.new.service": "Service du contrat",
  "contact-customer.new.starts": "Commence le",
  "contact-customer.new.submit": "Créer le client et le contrat",
  "contact-customer.done.linked": "La demande est liée au client.",
  "contact-customer.done.created": "Le client a été créé, avec un contrat en cours.",
  "contact-customer.done.ended": "Le contrat est terminé.",
  "contact-customer.error.unknown_customer":
    "Aucun client n'a ce numéro. Vérifiez le numéro sur la fiche du client, ou créez un nouveau client.",
  "contact-customer.error.already_linked": "Cette demande est déjà liée à un client.",
  "contact-customer.error.erased":
    "Les données de cette demande ont été effacées ; elle ne peut plus être liée à un client.",
  "contact-customer.error.company_name":
    "Indiquez le nom de l'entreprise pour un client entreprise.",
  "contact-customer.error.service": "Indiquez le service du contrat (200 caractères au plus).",
  "contact-customer.error.starts": "Indiquez la date de début sous forme de date valide.",
  "contact-customer.error.agreement": "Ce contrat n'est pas (ou plus) en cours pour ce client.",
};
