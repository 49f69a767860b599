import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { FindingType } from "../../policy/sensitive-data-types.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const quarantineStatuses = ["held", "released", "deleted"] as const;
export type QuarantineStatus = (typeof quarantineStatuses)[number];

/**
 * A record the scanner suspects holds special-category data or comes from a minor. It names the
 * record and what kind of data was found, never the text: once the record is deleted, this row
 * points at nothing and says only that something of that kind was received and removed.
 */
export const recordQuarantines = pgTable(
  "record_quarantines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    types: jsonb("types").$type<FindingType[]>().notNull(),
    /** Reason keys of the findings (`scanner.reason.…`), for the officer's page. */
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    status: text("status", { enum: quarantineStatuses }).notNull(),
    heldAt: at("held_at").notNull(),
    deleteAfter: at("delete_after").notNull(),
    decidedAt: at("decided_at"),
    /** Staff account id, or null when the expiry job deleted it. */
    decidedBy: uuid("decided_by"),
  },
  (table) => [
    index("record_quarantines_record_idx").on(table.recordId),
    index("record_quarantines_due_idx").on(table.status, table.deleteAfter),
  ],
);

export const storedScanStatuses = ["queued", "running", "done", "failed"] as const;
export type StoredScanStatus = (typeof storedScanStatuses)[number];

/** One sensitive record found by a scan of stored data: where, and what kind; never the text. */
export interface StoredScanHit {
  recordType: string;
  recordId: string;
  column: string;
  types: FindingType[];
}

/**
 * A "scan existing data" run asked for in the back office. The job works through the data map in
 * batches and keeps its cursor here, so a restart resumes where it stopped and the page can show
 * progress. The report holds record ids and kinds only.
 */
export const storedDataScans = pgTable("stored_data_scans", {
  id: uuid("id").primaryKey().defaultRandom(),
  requestedBy: uuid("requested_by"),
  requestedAt: at("requested_at").notNull(),
  startedAt: at("started_at"),
  finishedAt: at("finished_at"),
  status: text("status", { enum: storedScanStatuses }).notNull(),
  /** Records to scan, counted when the run starts. */
  total: integer("total").notNull().default(0),
  scanned: integer("scanned").notNull().default(0),
  /** Where the next batch starts: the record type's index in the data map and the last id. */
  cursor: jsonb("cursor").$type<{ typeIndex: number; afterId: string | null }>(),
  hits: jsonb("hits").$type<StoredScanHit[]>().notNull().default([]),
  error: text("error"),
});
