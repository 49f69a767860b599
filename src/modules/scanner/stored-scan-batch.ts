import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/database.ts";
import type { FieldKind, RecordField, RecordType } from "../../datamap/index.ts";
import { isErased } from "../../vault/index.ts";
import { scanText } from "./detect/scan-text.ts";
import { notQuarantined } from "./quarantine.ts";
import type { StoredScanHit } from "./scanner.tables.ts";
import type { ScannerDeps } from "./scanner-deps.ts";

/** Free text is where a person puts what we never asked for; numbers, dates and JSON are ours. */
const scannedKinds: readonly FieldKind[] = ["text", "encrypted"];

export function scannedFields(type: RecordType): RecordField[] {
  return type.fields.filter((field) => scannedKinds.includes(field.kind));
}

/** One record's readable text, per column, decrypted; never stored, only scanned. */
export interface RecordTexts {
  id: string;
  texts: { column: string; text: string }[];
}

interface RawRow {
  id: string;
  subject_id: string | null;
  [column: string]: unknown;
}

/**
 * The next records of a type after `afterId`, in id order, with their text fields decrypted.
 * Records waiting in quarantine are left out: the officer already has them in front of them.
 */
export async function readTextBatch(
  tx: Db,
  deps: Pick<ScannerDeps, "vault">,
  type: RecordType,
  options: { afterId: string | null; limit: number },
): Promise<RecordTexts[]> {
  const fields = scannedFields(type);
  const columns = fields.map((field) => sql`r.${sql.identifier(field.column)}`);
  const after = options.afterId === null ? sql`true` : sql`r.id > ${options.afterId}`;
  const rows = await queryRows<RawRow>(
    tx,
    sql`select r.id::text as id, r.subject_id::text as subject_id, ${sql.join(columns, sql`, `)}
        from ${sql.identifier(type.tableName)} r
        where ${after} and ${notQuarantined(sql`r.id`)}
        order by r.id limit ${options.limit}`,
  );
  await preloadKeys(tx, deps, type, rows);
  const records: RecordTexts[] = [];
  for (const row of rows) {
    const texts: RecordTexts["texts"] = [];
    for (const field of fields) {
      const text = await readText(tx, deps, type, row, field);
      if (text) texts.push({ column: field.column, text });
    }
    records.push({ id: row.id, texts });
  }
  return records;
}

/** One round trip for the batch's keys instead of one per person. */
async function preloadKeys(
  tx: Db,
  deps: Pick<ScannerDeps, "vault">,
  type: RecordType,
  rows: readonly RawRow[],
): Promise<void> {
  if (!type.fields.some((field) => field.kind === "encrypted")) return;
  const subjectIds = [...new Set(rows.flatMap((row) => (row.subject_id ? [row.subject_id] : [])))];
  if (subjectIds.length > 0) await deps.vault.preloadKeys(tx, type.purpose, subjectIds);
}

async function readText(
  tx: Db,
  deps: Pick<ScannerDeps, "vault">,
  type: RecordType,
  row: RawRow,
  field: RecordField,
): Promise<string | undefined> {
  const raw = row[field.column];
  if (raw === null || raw === undefined) return undefined;
  if (field.kind === "text") return String(raw);
  // An anonymised row has no person, so no key: its encrypted fields are cleared anyway.
  if (!row.subject_id) return undefined;
  const value = await deps.vault.decryptField(tx, {
    subjectId: row.subject_id,
    purpose: type.purpose,
    table: type.tableName,
    column: field.column,
    recordId: row.id,
    ciphertext: String(raw),
  });
  return isErased(value) ? undefined : value;
}

/** Where something was found and what kind: the report keeps these, never the text. */
export function hitsIn(
  type: RecordType,
  records: readonly RecordTexts[],
  minimumConfidence: number,
): StoredScanHit[] {
  return records.flatMap((record) =>
    record.texts.flatMap(({ column, text }) => {
      const types = [...new Set(scanText(text, { minimumConfidence }).map((found) => found.type))];
      return types.length > 0 ? [{ recordType: type.id, recordId: record.id, column, types }] : [];
    }),
  );
}

/** Records of a type that a scan starting now would read. */
export async function countScannable(tx: Db, type: RecordType): Promise<number> {
  if (scannedFields(type).length === 0) return 0;
  const [row] = await queryRows<{ count: number | string }>(
    tx,
    sql`select count(*) as count from ${sql.identifier(type.tableName)} r
        where ${notQuarantined(sql`r.id`)}`,
  );
  return Number(row?.count ?? 0);
}
