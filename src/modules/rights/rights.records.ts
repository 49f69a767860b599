import { defineRecordType } from "../../datamap/index.ts";
import { rightsIdCopies, rightsRequests } from "./rights.tables.ts";

const source = {
  nl: "jij, met je verzoek over je gegevens",
  en: "you, with your request about your data",
  fr: "vous, avec votre demande concernant vos données",
};

/**
 * The request itself. Kept while it is open, then only its proof for the policy's
 * `rights.proofRetention`: the accountability principle (Art. 5(2)) obliges us to show we
 * answered, so an erasure request does not erase the request that asked for it.
 */
export const rightsRequestRecordType = defineRecordType({
  id: "rights.request",
  label: { nl: "verzoek over je gegevens", en: "request about your data", fr: "demande RGPD" },
  purpose: "rights",
  table: rightsRequests,
  source,
  fields: [
    {
      column: "reference",
      label: { nl: "referentie", en: "reference", fr: "référence" },
      kind: "text",
    },
    { column: "status", label: { nl: "status", en: "status", fr: "statut" }, kind: "text" },
    { column: "channel", label: { nl: "kanaal", en: "channel", fr: "canal" }, kind: "text" },
    { column: "rights", label: { nl: "rechten", en: "rights", fr: "droits" }, kind: "json" },
    {
      column: "email_ciphertext",
      label: { nl: "e-mailadres", en: "e-mail address", fr: "adresse e-mail" },
      kind: "encrypted",
    },
    {
      column: "phone_ciphertext",
      label: { nl: "telefoonnummer", en: "phone number", fr: "numéro de téléphone" },
      kind: "encrypted",
    },
    {
      column: "customer_number_ciphertext",
      label: { nl: "klantnummer", en: "customer number", fr: "numéro de client" },
      kind: "encrypted",
    },
    {
      column: "vat_ciphertext",
      label: { nl: "btw-nummer", en: "VAT number", fr: "numéro de TVA" },
      kind: "encrypted",
    },
    {
      column: "description_ciphertext",
      label: { nl: "omschrijving", en: "description", fr: "description" },
      kind: "encrypted",
    },
    {
      column: "recipient_ciphertext",
      label: {
        nl: "ontvangende organisatie",
        en: "receiving organisation",
        fr: "organisation destinataire",
      },
      kind: "encrypted",
    },
    {
      column: "received_at",
      label: { nl: "ontvangen op", en: "received on", fr: "reçue le" },
      kind: "date",
    },
    {
      column: "deadline_at",
      label: { nl: "antwoord uiterlijk", en: "answer due", fr: "réponse au plus tard" },
      kind: "date",
    },
    {
      column: "answered_at",
      label: { nl: "beantwoord op", en: "answered on", fr: "traitée le" },
      kind: "date",
    },
    { column: "outcome", label: { nl: "uitkomst", en: "outcome", fr: "résultat" }, kind: "json" },
    {
      column: "letter_ciphertext",
      label: { nl: "antwoordbrief", en: "reply letter", fr: "lettre de réponse" },
      kind: "encrypted",
    },
  ],
  erasure: { method: "shred" },
  blockers: [{ kind: "legal_obligation" }],
  ownRetention: {
    legalBasis: "legal_obligation",
    legalReference: "GDPR Art. 5(2) and 12",
    rule: {
      nl: "tot het verzoek beantwoord is, daarna alleen het bewijs zolang het beleid zegt",
      en: "until the request is answered, then only the proof for as long as the policy says",
      fr: "jusqu'à la réponse, puis seulement la preuve aussi longtemps que la politique le prévoit",
    },
  },
});

/**
 * The ID copy: used to verify, then destroyed (the Belgian DPA found that keeping ID photos breaks
 * data minimisation). Its `retain_until` is 30 days after upload, so the sweep destroys a copy
 * nobody decided on.
 */
export const rightsIdCopyRecordType = defineRecordType({
  id: "rights.id_copy",
  label: {
    nl: "kopie identiteitsbewijs",
    en: "copy of ID document",
    fr: "copie de pièce d'identité",
  },
  purpose: "rights",
  table: rightsIdCopies,
  source,
  fields: [
    {
      column: "uploaded_at",
      label: { nl: "opgeladen op", en: "uploaded on", fr: "téléversée le" },
      kind: "date",
    },
    {
      column: "media_type",
      label: { nl: "bestandstype", en: "file type", fr: "type de fichier" },
      kind: "text",
    },
    {
      column: "file_ciphertext",
      label: { nl: "afbeelding", en: "image", fr: "image" },
      kind: "encrypted_bytes",
    },
  ],
  erasure: { method: "shred" },
  ownRetention: {
    legalBasis: "legal_obligation",
    legalReference: "GDPR Art. 12(6)",
    rule: {
      nl: "tot we je identiteit gecontroleerd hebben, uiterlijk 30 dagen",
      en: "until we have checked your identity, at most 30 days",
      fr: "jusqu'à la vérification de votre identité, au plus 30 jours",
    },
  },
});
