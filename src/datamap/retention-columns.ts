import { index, jsonb, type PgColumn, timestamp, uuid } from "drizzle-orm/pg-core";
import { subjects } from "../vault/vault.tables.ts";
import type { RetentionReason } from "./retention-reason.ts";

/**
 * The three columns every personal table carries, so the engines can act on any of them with one
 * query shape: who it is about, until when it is kept, and why. `retain_until` is null while the
 * record is kept because a condition holds ("until your request is handled"); the reason then
 * names that condition.
 */
export function retentionColumns() {
  return {
    // Null only once a record is anonymised: it then is no longer about anyone.
    subjectId: uuid("subject_id").references(() => subjects.id, { onDelete: "restrict" }),
    retainUntil: timestamp("retain_until", { withTimezone: true, mode: "date" }),
    retentionReason: jsonb("retention_reason").$type<RetentionReason>().notNull(),
  };
}

/** The indexes a sweep and a subject lookup need: both are index range scans, never table scans. */
export function retentionIndexes(
  tableName: string,
  table: { subjectId: PgColumn; retainUntil: PgColumn },
) {
  return [
    index(`${tableName}_retain_until_idx`).on(table.retainUntil),
    index(`${tableName}_subject_idx`).on(table.subjectId),
  ];
}
