import { defineRecordType } from "../../datamap/index.ts";
import { supportSessions, teamviewerIds } from "./support.tables.ts";

/** Part of the customer's support history: kept while a customer and 1 year after. */
export const supportSessionRecordType = defineRecordType({
  id: "support.session",
  label: {
    nl: "ondersteuning op afstand",
    en: "remote support session",
    fr: "assistance à distance",
  },
  purpose: "customer_dossier",
  table: supportSessions,
  anchorKey: "customer_id",
  source: {
    nl: "onze technicus, tijdens de sessie",
    en: "our technician, during the session",
    fr: "notre technicien, pendant la session",
  },
  fields: [
    { column: "status", label: { nl: "status", en: "status", fr: "statut" }, kind: "text" },
    {
      column: "started_at",
      label: { nl: "gestart op", en: "started on", fr: "commencée le" },
      kind: "date",
    },
    {
      column: "ended_at",
      label: { nl: "beëindigd op", en: "ended on", fr: "terminée le" },
      kind: "date",
    },
    {
      column: "summary_ciphertext",
      label: { nl: "samenvatting", en: "summary", fr: "résumé" },
      kind: "encrypted",
    },
  ],
  erasure: { method: "shred" },
  blockers: [{ kind: "running_agreement" }],
});

/** "Na afloop bewaren we enkel je TeamViewer ID, zolang je daar geen bezwaar tegen maakt." */
export const teamviewerIdRecordType = defineRecordType({
  id: "support.teamviewer_id",
  label: { nl: "TeamViewer ID", en: "TeamViewer ID", fr: "ID TeamViewer" },
  purpose: "support",
  dataCategory: "teamviewer_id",
  table: teamviewerIds,
  source: {
    nl: "jij, bij een sessie voor ondersteuning op afstand",
    en: "you, during a remote support session",
    fr: "vous, lors d'une session d'assistance à distance",
  },
  fields: [
    {
      column: "teamviewer_id_ciphertext",
      label: { nl: "TeamViewer ID", en: "TeamViewer ID", fr: "ID TeamViewer" },
      kind: "encrypted",
    },
    {
      column: "last_used_at",
      label: { nl: "laatst gebruikt op", en: "last used on", fr: "dernière utilisation le" },
      kind: "date",
    },
  ],
  erasure: { method: "shred" },
});
