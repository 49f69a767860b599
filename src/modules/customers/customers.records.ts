import { defineRecordType } from "../../datamap/index.ts";
import { customerContacts } from "./customers.tables.ts";

/**
 * Kept as long as the person is (with) a customer and 1 year after; while an agreement runs an
 * early erasure is answered with that reason.
 */
export const customerContactRecordType = defineRecordType({
  id: "customer.contact",
  label: { nl: "klantcontact", en: "customer contact", fr: "contact client" },
  purpose: "customer_dossier",
  table: customerContacts,
  anchorKey: "customer_id",
  source: {
    nl: "jij of je werkgever, toen je klant werd",
    en: "you or your employer, when you became a customer",
    fr: "vous ou votre employeur, lorsque vous êtes devenu client",
  },
  fields: [
    {
      column: "name_ciphertext",
      label: { nl: "naam", en: "name", fr: "nom" },
      kind: "encrypted",
      editable: true,
    },
    { column: "role", label: { nl: "rol", en: "role", fr: "rôle" }, kind: "text", editable: true },
    {
      column: "created_at",
      label: { nl: "klant sinds", en: "customer since", fr: "client depuis" },
      kind: "date",
    },
  ],
  erasure: { method: "shred" },
  blockers: [{ kind: "running_agreement" }],
});
