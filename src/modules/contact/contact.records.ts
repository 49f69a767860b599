import { defineRecordType } from "../../datamap/index.ts";
import { contactAttachments, contactNotes, contactRequests } from "./contact.tables.ts";

const source = {
  nl: "jij, via een contactformulier",
  en: "you, through a contact form",
  fr: "vous, via un formulaire de contact",
};

/** Kept until the request is handled, or a resulting agreement ends, and 1 year after. */
export const contactRequestRecordType = defineRecordType({
  id: "contact.request",
  label: { nl: "contactaanvraag", en: "contact request", fr: "demande de contact" },
  purpose: "contact",
  table: contactRequests,
  anchorKey: "id",
  source,
  fields: [
    {
      column: "reference",
      label: { nl: "referentie", en: "reference", fr: "référence" },
      kind: "text",
    },
    { column: "status", label: { nl: "status", en: "status", fr: "statut" }, kind: "text" },
    {
      column: "name_ciphertext",
      label: { nl: "naam", en: "name", fr: "nom" },
      kind: "encrypted",
      editable: true,
    },
    {
      column: "email_ciphertext",
      label: { nl: "e-mailadres", en: "e-mail address", fr: "adresse e-mail" },
      kind: "encrypted",
      editable: true,
    },
    {
      column: "phone_ciphertext",
      label: { nl: "telefoonnummer", en: "phone number", fr: "numéro de téléphone" },
      kind: "encrypted",
      editable: true,
    },
    {
      column: "ip_ciphertext",
      label: { nl: "IP-adres", en: "IP address", fr: "adresse IP" },
      kind: "encrypted",
    },
    {
      column: "topic_ciphertext",
      label: { nl: "onderwerp", en: "subject", fr: "objet" },
      kind: "encrypted",
    },
    {
      column: "message_ciphertext",
      label: { nl: "bericht", en: "message", fr: "message" },
      kind: "encrypted",
    },
    {
      column: "created_at",
      label: { nl: "ontvangen op", en: "received on", fr: "reçu le" },
      kind: "date",
    },
    {
      column: "handled_at",
      label: { nl: "afgehandeld op", en: "handled on", fr: "traité le" },
      kind: "date",
    },
  ],
  erasure: { method: "shred" },
});

export const contactAttachmentRecordType = defineRecordType({
  id: "contact.attachment",
  label: {
    nl: "bijlage bij een contactaanvraag",
    en: "contact request attachment",
    fr: "pièce jointe d'une demande de contact",
  },
  purpose: "contact",
  table: contactAttachments,
  anchorKey: "request_id",
  source,
  fields: [
    {
      column: "file_name_ciphertext",
      label: { nl: "bestandsnaam", en: "file name", fr: "nom du fichier" },
      kind: "encrypted",
    },
    {
      column: "media_type",
      label: { nl: "soort bestand", en: "file type", fr: "type de fichier" },
      kind: "text",
    },
    {
      column: "size_bytes",
      label: { nl: "grootte (bytes)", en: "size (bytes)", fr: "taille (octets)" },
      kind: "number",
    },
    {
      column: "content_ciphertext",
      label: { nl: "inhoud", en: "content", fr: "contenu" },
      kind: "encrypted_bytes",
    },
    {
      column: "created_at",
      label: { nl: "ontvangen op", en: "received on", fr: "reçu le" },
      kind: "date",
    },
  ],
  erasure: { method: "shred" },
});

export const contactNoteRecordType = defineRecordType({
  id: "contact.note",
  label: {
    nl: "notitie of antwoord bij een contactaanvraag",
    en: "note or reply on a contact request",
    fr: "note ou réponse à une demande de contact",
  },
  purpose: "contact",
  table: contactNotes,
  anchorKey: "request_id",
  source: {
    nl: "onze medewerkers, bij het behandelen van je aanvraag",
    en: "our staff, while handling your request",
    fr: "nos collaborateurs, en traitant votre demande",
  },
  fields: [
    { column: "kind", label: { nl: "soort", en: "kind", fr: "type" }, kind: "text" },
    {
      column: "body_ciphertext",
      label: { nl: "tekst", en: "text", fr: "texte" },
      kind: "encrypted",
    },
    {
      column: "created_at",
      label: { nl: "geschreven op", en: "written on", fr: "écrit le" },
      kind: "date",
    },
  ],
  erasure: { method: "shred" },
});
