import { exportPackages } from "./datamap.tables.ts";
import { defineRecordType } from "./record-type.ts";

/**
 * An access or portability package is itself personal data: it sits in the data map like any
 * other record and goes when its download link expires. Its contents are not fields here, since
 * exporting an export would only repeat the other record types.
 */
export const exportPackageRecordType = defineRecordType({
  id: "rights.export_package",
  label: {
    nl: "inzage- of overdrachtspakket",
    en: "access or portability package",
    fr: "dossier d'accès ou de portabilité",
  },
  purpose: "rights",
  table: exportPackages,
  source: {
    nl: "door ons samengesteld op jouw verzoek",
    en: "compiled by us at your request",
    fr: "compilé par nous à votre demande",
  },
  fields: [
    {
      column: "created_at",
      label: { nl: "gemaakt op", en: "made on", fr: "créé le" },
      kind: "date",
    },
    {
      column: "expires_at",
      label: { nl: "vervalt op", en: "expires on", fr: "expire le" },
      kind: "date",
    },
    { column: "locale", label: { nl: "taal", en: "language", fr: "langue" }, kind: "text" },
    {
      column: "downloaded_at",
      label: { nl: "gedownload op", en: "downloaded on", fr: "téléchargé le" },
      kind: "date",
    },
  ],
  // Shredded, not only deleted: the package is a full copy, and must not survive in a backup.
  erasure: { method: "shred" },
  copiesOtherRecords: true,
  ownRetention: {
    legalBasis: "legal_obligation",
    legalReference: "GDPR Art. 12, 15 and 20",
    rule: {
      nl: "tot de downloadlink vervalt",
      en: "until the download link expires",
      fr: "jusqu'à l'expiration du lien de téléchargement",
    },
  },
});
