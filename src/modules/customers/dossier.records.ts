import { defineRecordType } from "../../datamap/index.ts";
import { dossierItems, supportTicketNotes, supportTickets } from "./dossier.tables.ts";

const source = {
  nl: "jij of je bedrijf, of onze medewerkers bij het ondersteunen",
  en: "you or your company, or our staff while supporting you",
  fr: "vous ou votre entreprise, ou nos collaborateurs lors de l'assistance",
};
const dossier = {
  purpose: "customer_dossier" as const,
  anchorKey: "customer_id",
  source,
  erasure: { method: "shred" as const },
  // "Indien je geen lopende overeenkomst hebt ... kan je ook een verzoek indienen deze gegevens
  // eerder te wissen": while one runs, an early erasure is answered with that reason.
  blockers: [{ kind: "running_agreement" as const }],
};

/** Kept while the person is (with) a customer and 1 year after, like the rest of the dossier. */
export const dossierItemRecordType = defineRecordType({
  id: "customer.dossier_item",
  label: {
    nl: "gegeven in het klantendossier",
    en: "customer dossier item",
    fr: "élément du dossier client",
  },
  table: dossierItems,
  fields: [
    { column: "kind", label: { nl: "soort", en: "kind", fr: "type" }, kind: "text" },
    {
      column: "value_ciphertext",
      label: { nl: "waarde", en: "value", fr: "valeur" },
      kind: "encrypted",
      editable: true,
    },
    {
      column: "note_ciphertext",
      label: { nl: "notitie", en: "note", fr: "note" },
      kind: "encrypted",
      editable: true,
    },
    { column: "source", label: { nl: "herkomst", en: "source", fr: "origine" }, kind: "text" },
    {
      column: "recorded_on",
      label: { nl: "vastgesteld op", en: "recorded on", fr: "constaté le" },
      kind: "date",
    },
  ],
  ...dossier,
});

export const supportTicketRecordType = defineRecordType({
  id: "customer.support_ticket",
  label: { nl: "supportvraag", en: "support ticket", fr: "demande d'assistance" },
  table: supportTickets,
  fields: [
    { column: "number", label: { nl: "nummer", en: "number", fr: "numéro" }, kind: "text" },
    { column: "status", label: { nl: "status", en: "status", fr: "statut" }, kind: "text" },
    {
      column: "title_ciphertext",
      label: { nl: "onderwerp", en: "subject", fr: "objet" },
      kind: "encrypted",
    },
    {
      column: "created_at",
      label: { nl: "geopend op", en: "opened on", fr: "ouverte le" },
      kind: "date",
    },
    {
      column: "closed_at",
      label: { nl: "gesloten op", en: "closed on", fr: "fermée le" },
      kind: "date",
    },
  ],
  ...dossier,
});

export const supportTicketNoteRecordType = defineRecordType({
  id: "customer.support_note",
  label: { nl: "notitie bij een supportvraag", en: "support ticket note", fr: "note d'assistance" },
  table: supportTicketNotes,
  fields: [
    {
      column: "body_ciphertext",
      label: { nl: "tekst", en: "text", fr: "texte" },
      kind: "encrypted",
    },
    {
      column: "created_at",
      label: { nl: "geschreven op", en: "written on", fr: "écrite le" },
      kind: "date",
    },
  ],
  ...dossier,
});
