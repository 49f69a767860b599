import { sql } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import type { Vault } from "../vault/index.ts";
import { isErased } from "../vault/index.ts";
import type { DataMap } from "./data-map.ts";
import type { RightsDeps } from "./read-subject-records.ts";
import { readRecord } from "./read-subject-records.ts";
import { column, table } from "./record-sql.ts";

export interface RectifyInput {
  recordType: string;
  recordId: string;
  /** The column of a field the record type declares editable. */
  field: string;
  value: string;
  actor: AuditActor;
}

export class RectificationError extends Error {
  override name = "RectificationError";
}

const maxLength = 10_000;

/**
 * Art. 16: changes one declared editable field of one record. The old and new values go to the
 * audit entry encrypted under the person's key for the purpose, so the audit log proves the
 * change without holding plaintext, and forgets both once the person's data is shredded.
 */
export async function rectifyRecord(
  deps: RightsDeps & { clock: Clock },
  input: RectifyInput,
): Promise<void> {
  const type = deps.dataMap.get(input.recordType);
  if (!type) throw new RectificationError(`unknown record type ${input.recordType}`);
  const field = type.fields.find((candidate) => candidate.column === input.field);
  if (!field?.editable) {
    throw new RectificationError(`${input.field} of ${type.id} cannot be rectified`);
  }
  const value = input.value.trim();
  if (value.length > maxLength) {
    throw new RectificationError(`the new value is longer than ${maxLength} characters`);
  }
  await deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    const record = await readRecord(txDeps, type, input.recordId);
    const subjectId = record?.subjectId;
    if (!record || !subjectId) throw new RectificationError("this record does not exist");
    const old = record.values[field.column];
    if (isErased(old)) throw new RectificationError("this record's data was erased");
    const place = { subjectId, purpose: type.purpose, table: "audit_log", recordId: record.id };
    const seal = (column: string, text: string) =>
      deps.vault.encryptField(tx, { ...place, column, value: text });
    const stored =
      field.kind === "encrypted"
        ? await deps.vault.encryptField(tx, {
            subjectId,
            purpose: type.purpose,
            table: type.tableName,
            column: field.column,
            recordId: record.id,
            value,
          })
        : value;
    await tx.execute(
      sql`update ${table(type)} set ${column(field.column)} = ${stored} where id = ${record.id}::uuid`,
    );
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: input.actor,
        action: "rights.rectification",
        subjectId,
        recordType: type.id,
        recordId: record.id,
        purpose: type.purpose,
        details: {
          field: field.column,
          before: await seal("rectified_from", old === null ? "" : String(old)),
          after: await seal("rectified_to", value),
        },
      },
    });
  });
}

/** Reads an audit entry's sealed before/after value back, for staff reviewing a rectification. */
export async function openRectifiedValue(
  vault: Vault,
  deps: { db: RightsDeps["db"]; dataMap: DataMap },
  entry: {
    subjectId: string;
    recordType: string;
    recordId: string;
    column: "rectified_from" | "rectified_to";
    ciphertext: string;
  },
): Promise<string | undefined> {
  const type = deps.dataMap.get(entry.recordType);
  if (!type) return undefined;
  const value = await vault.decryptField(deps.db, {
    subjectId: entry.subjectId,
    purpose: type.purpose,
    table: "audit_log",
    column: entry.column,
    recordId: entry.recordId,
    ciphertext: entry.ciphertext,
  });
  return isErased(value) ? undefined : value;
}
