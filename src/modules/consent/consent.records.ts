import { defineRecordType } from "../../datamap/index.ts";
import { consentRecords } from "./consent.tables.ts";

/**
 * Proof of a cookie choice. About nobody known, unless a rights request links its consent id to
 * a person: then it shows in their access report and goes with their erasure.
 */
export const consentRecordType = defineRecordType({
  id: "consent.choice",
  label: { nl: "keuze over cookies", en: "cookie choice", fr: "choix en matière de cookies" },
  purpose: "cookie_consent",
  table: consentRecords,
  source: {
    nl: "jij, in de cookiebanner",
    en: "you, in the cookie banner",
    fr: "vous, dans la bannière de cookies",
  },
  fields: [
    {
      column: "consent_id",
      label: { nl: "toestemmingsnummer", en: "consent id", fr: "numéro de consentement" },
      kind: "text",
    },
    { column: "action", label: { nl: "keuze", en: "choice", fr: "choix" }, kind: "text" },
    {
      column: "choices",
      label: { nl: "categorieën", en: "categories", fr: "catégories" },
      kind: "json",
    },
    {
      column: "inventory_version",
      label: {
        nl: "versie van het cookiebeleid",
        en: "cookie policy version",
        fr: "version de la politique",
      },
      kind: "text",
    },
    {
      column: "decided_at",
      label: { nl: "gekozen op", en: "chosen on", fr: "choisi le" },
      kind: "date",
    },
    { column: "page", label: { nl: "pagina", en: "page", fr: "page" }, kind: "text" },
    {
      column: "ip_prefix",
      label: { nl: "ingekort ip-adres", en: "shortened IP address", fr: "adresse IP raccourcie" },
      kind: "text",
    },
    {
      column: "browser_family",
      label: { nl: "browser", en: "browser", fr: "navigateur" },
      kind: "text",
    },
  ],
  erasure: { method: "delete" },
  ownRetention: {
    legalBasis: "legal_obligation",
    legalReference: "GDPR Art. 7(1)",
    rule: {
      nl: "zolang het beleid zegt (consent.proofRetention)",
      en: "as long as the policy says (consent.proofRetention)",
      fr: "aussi longtemps que la politique le prévoit (consent.proofRetention)",
    },
  },
});
