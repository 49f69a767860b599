import type { ordersNl } from "./orders.nl.ts";

export const ordersFr: Record<keyof typeof ordersNl, string> = {
  "orders.mail.invoice.subject": "Facture {number} de {organisation}",
  "orders.mail.invoice.body":
    "Bonjour {name},\n\nVeuillez trouver la facture {number} de {organisation}, d'un montant de {amount}.\n\nMerci de payer avant le {due} avec la communication structurée {communication}.\n\nCordialement,\n{organisation}",
  "orders.mail.credit.subject": "Note de crédit {number} de {organisation}",
  "orders.mail.credit.body":
    "Bonjour {name},\n\nVeuillez trouver la note de crédit {number} de {organisation}, d'un montant de {amount}. Elle corrige une facture antérieure ; vous n'avez rien à payer.\n\nCordialement,\n{organisation}",
};
