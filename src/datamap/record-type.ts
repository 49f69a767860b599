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

export type ErasureMethod =
  /** The row goes. */
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
  if (definition.anchorKey && !columnNames.has(definition.anchorKey)) {
    throw problem(`anchorKey ${definition.anchorKey} is not a column`);
  }
  if (definition.erasure.method === "anonymise") {
    for (const field of definition.erasure.fields) {
      const column = columns.find((candidate) => candidate.name === field);
      if (!column) throw problem(`anonymised field ${field} is not a column`);
      if (column.notNull) throw problem(`anonymised field ${field} must be nullable`);
    }
  }
  return { ...definition, tableName: name };
}
