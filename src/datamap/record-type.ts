import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { LegalBasis, LocalizedText } from "../policy/index.ts";
import type { VaultPurpose } from "../vault/index.ts";

/** How a stored value is read back for an export or a back-office page. */
export type FieldKind = "text" | "number" | "date" | "json" | "encrypted" | "encrypted_bytes";

export interface RecordField {
  /** The SQL column name. */
  column: string;
  label: LocalizedText;
  kind: FieldKind;
  /** Rectification may change it (through `rectify`, audited). Only text-like kinds. */
  editable?: boolean;
}

/**
 * Whatever the method, the engines shred a person's key for a purpose once no record of theirs
 * is left under it. The method says what happens to the row, and is checked against the fields:
 * a record type with encrypted fields must shred or anonymise them.
 */
export type ErasureMethod =
  /** The row goes; for records without encrypted fields. */
  | { method: "delete" }
  /** The row stays without the person: these fields are cleared and the subject link is cut. */
  | { method: "anonymise"; fields: readonly string[] }
  /** The row goes, and once the person has no record left under the purpose, so does its key. */
  | { method: "shred" };

/**
 * What may stop an erasure the person asks for. A legal hold can stop any record type and needs
 * no declaration; these are the reasons a record type has by nature.
 */
export type ErasureBlocker =
  /** The purpose's legal obligation (policy legal basis and reference) runs until retain_until. */
  | { kind: "legal_obligation" }
  /** Kept while the person has a running agreement (the customer dossier). */
  | { kind: "running_agreement" };

/**
 * A record type's own retention when its purpose is not one of the policy's (the rights
 * purpose's download links): the module sets `retain_until` itself.
 */
export interface OwnRetention {
  legalBasis: LegalBasis;
  legalReference: string;
  rule: LocalizedText;
}

export interface RecordTypeDefinition {
  /** Stable id, `<module>.<thing>`: it appears in audit entries, holds and exports. */
  id: string;
  label: LocalizedText;
  purpose: VaultPurpose;
  /** A policy data category of the purpose whose own rule applies (the TeamViewer ID). */
  dataCategory?: string;
  table: PgTable;
  /** Column compared with an anchor event's key (a request id); without it events match by subject. */
  anchorKey?: string;
  /** Where the data came from, for the access report (GDPR Art. 15(1)(g)). */
  source: LocalizedText;
  fields: readonly RecordField[];
  erasure: ErasureMethod;
  blockers?: readonly ErasureBlocker[];
  ownRetention?: OwnRetention;
  /**
   * Holds copies of the person's other records (an access package): it goes with any erasure of
   * theirs, whatever the request's scope, or the copy would outlive the original.
   */
  copiesOtherRecords?: boolean;
}

export interface RecordType extends RecordTypeDefinition {
  /** The SQL table name. */
  tableName: string;
}

const requiredColumns = ["id", "subject_id", "retain_until", "retention_reason"];
const textKinds: readonly FieldKind[] = ["text", "encrypted"];

/**
 * Declares one kind of personal record. Checked at definition so a wrong column name fails when
 * the module loads, not in the middle of someone's erasure.
 */
export function defineRecordType(definition: RecordTypeDefinition): RecordType {
  const { name, columns } = getTableConfig(definition.table);
  const columnNames = new Set(columns.map((column) => column.name));
  const problem = (text: string) =>
    new Error(`record type ${definition.id} (table ${name}): ${text}`);
  for (const column of requiredColumns) {
    if (!columnNames.has(column)) {
      throw problem(`missing column ${column}; spread retentionColumns() into the table`);
    }
  }
  for (const field of definition.fields) {
    if (!columnNames.has(field.column)) throw problem(`field ${field.column} is not a column`);
    if (field.editable && !textKinds.includes(field.kind)) {
      throw problem(`field ${field.column} is editable but of kind ${field.kind}`);
    }
  }
  if (definition.anchorKey) {
    const anchor = columns.find((column) => column.name === definition.anchorKey);
    if (!anchor) throw problem(`anchorKey ${definition.anchorKey} is not a column`);
    // A record without a key would never hear its own event and be kept forever.
    if (!anchor.notNull) throw problem(`anchorKey ${definition.anchorKey} must be NOT NULL`);
  }
  const encrypted = definition.fields.filter((field) => field.kind.startsWith("encrypted"));
  if (definition.erasure.method === "delete" && encrypted.length > 0) {
    throw problem(`has encrypted fields, so its erasure method is shred or anonymise, not delete`);
  }
  if (definition.erasure.method === "anonymise") {
    for (const field of definition.erasure.fields) {
      const column = columns.find((candidate) => candidate.name === field);
      if (!column) throw problem(`anonymised field ${field} is not a column`);
      if (column.notNull) throw problem(`anonymised field ${field} must be nullable`);
    }
    // The key stays while other records need it, so an encrypted field left in an anonymised
    // row could be read back through the record id.
    const { fields } = definition.erasure;
    for (const field of definition.fields) {
      if (field.kind.startsWith("encrypted") && !fields.includes(field.column)) {
        throw problem(`anonymise must clear the encrypted field ${field.column}`);
      }
    }
  }
  return { ...definition, tableName: name };
}
