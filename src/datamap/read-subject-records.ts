import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../core/db/database.ts";
import { isUuid } from "../core/is-uuid.ts";
import type { Erased, SubjectIdentifiers, Vault } from "../vault/index.ts";
import type { DataMap } from "./data-map.ts";
import { column, table } from "./record-sql.ts";
import type { RecordField, RecordType } from "./record-type.ts";
import type { RetentionReason } from "./retention-reason.ts";

/** A field as read back: text, a number, an ISO date, JSON, file bytes, or erased (key shredded). */
export type FieldValue = string | number | boolean | null | Buffer | Erased | JsonValue;
type JsonValue = { [key: string]: unknown } | unknown[];

export interface HeldRecord {
  id: string;
  /** Null once the record was anonymised. */
  subjectId: string | null;
  recordType: RecordType;
  values: Record<string, FieldValue>;
  retainUntil: Date | null;
  retentionReason: RetentionReason;
}

export interface RecordsOfType {
  recordType: RecordType;
  records: HeldRecord[];
}

export interface SubjectRecords {
  subjectId: string;
  /** Every record type of the data map, in its order, with an empty list where nothing is held. */
  byType: RecordsOfType[];
}

export interface RightsDeps {
  db: Db;
  dataMap: DataMap;
  vault: Vault;
}

/**
 * The rights engine's lookup: who the identifiers point to and, per record type, what we hold.
 * Undefined when nobody matches, which the caller must answer without saying so to a stranger.
 */
export async function findSubjectRecords(
  deps: RightsDeps,
  identifiers: SubjectIdentifiers,
): Promise<SubjectRecords | undefined> {
  const subjectId = await deps.vault.findSubject(deps.db, identifiers);
  return subjectId ? readSubjectRecords(deps, subjectId) : undefined;
}

export async function readSubjectRecords(
  deps: RightsDeps,
  subjectId: string,
): Promise<SubjectRecords> {
  const byType: RecordsOfType[] = [];
  for (const recordType of deps.dataMap.recordTypes) {
    byType.push({ recordType, records: await readRecords(deps, recordType, { subjectId }) });
  }
  return { subjectId, byType };
}

/** One record by id, with its decrypted fields, or undefined. */
export async function readRecord(
  deps: RightsDeps,
  recordType: RecordType,
  id: string,
): Promise<HeldRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [record] = await readRecords(deps, recordType, { id });
  return record;
}

interface RawRow {
  id: string;
  subject_id: string | null;
  retain_until: Date | string | null;
  retention_reason: RetentionReason;
  [column: string]: unknown;
}

async function readRecords(
  deps: RightsDeps,
  type: RecordType,
  where: { subjectId: string } | { id: string },
): Promise<HeldRecord[]> {
  const fields = type.fields.map((field) => column(field.column));
  const filter =
    "id" in where ? sql`id::text = ${where.id}` : sql`subject_id = ${where.subjectId} order by id`;
  const rows = await queryRows<RawRow>(
    deps.db,
    sql`select id::text as id, subject_id::text as subject_id, retain_until, retention_reason,
               ${sql.join(fields, sql`, `)}
        from ${table(type)} where ${filter}`,
  );
  const records: HeldRecord[] = [];
  for (const row of rows) {
    const values: Record<string, FieldValue> = {};
    for (const field of type.fields) {
      values[field.column] = await readField(deps, type, row, field);
    }
    records.push({
      id: row.id,
      subjectId: row.subject_id,
      recordType: type,
      values,
      retainUntil: row.retain_until === null ? null : new Date(row.retain_until),
      retentionReason: row.retention_reason,
    });
  }
  return records;
}

async function readField(
  { db, vault }: RightsDeps,
  type: RecordType,
  row: RawRow,
  field: RecordField,
): Promise<FieldValue> {
  const raw = row[field.column];
  if (raw === null || raw === undefined) return null;
  const place = {
    subjectId: row.subject_id ?? "",
    purpose: type.purpose,
    table: type.tableName,
    column: field.column,
    recordId: row.id,
  };
  switch (field.kind) {
    case "encrypted":
      return row.subject_id ? vault.decryptField(db, { ...place, ciphertext: String(raw) }) : null;
    case "encrypted_bytes":
      return row.subject_id
        ? vault.decryptBytes(db, { ...place, ciphertext: Buffer.from(raw as Uint8Array) })
        : null;
    case "date":
      return new Date(raw as string | Date).toISOString();
    case "number":
      return Number(raw);
    case "json":
      return raw as JsonValue;
    case "text":
      return String(raw);
  }
}
