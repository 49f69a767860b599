import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../core/db/bytea.ts";
import { subjects } from "../vault/vault.tables.ts";
import { retentionColumns, retentionIndexes } from "./retention-columns.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * When an anchor event last happened for a subject (and a key, such as a request id; '' for the
 * whole subject). Records created after the event still find their clock here.
 */
export const retentionAnchors = pgTable(
  "retention_anchors",
  {
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    key: text("key").notNull().default(""),
    occurredAt: at("occurred_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.subjectId, table.event, table.key] })],
);

/**
 * A legal hold suspends erasure (sweeps and requests) for a subject, a record type, or one
 * subject's records of one type, until it ends or is released. The reason is shown wherever the
 * held data is shown, so it names a case, never a person.
 */
export const legalHolds = pgTable(
  "legal_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectId: uuid("subject_id").references(() => subjects.id, { onDelete: "restrict" }),
    recordType: text("record_type"),
    reason: text("reason").notNull(),
    placedBy: text("placed_by").notNull(),
    placedAt: at("placed_at").notNull(),
    endsAt: at("ends_at"),
    releasedAt: at("released_at"),
    releasedBy: text("released_by"),
  },
  (table) => [
    check(
      "legal_holds_scope",
      sql`${table.subjectId} is not null or ${table.recordType} is not null`,
    ),
    index("legal_holds_subject_idx").on(table.subjectId),
  ],
);

export const restrictionKinds = ["restriction", "objection", "consent_withdrawn"] as const;
export type RestrictionKind = (typeof restrictionKinds)[number];

/**
 * What processing the person stopped: a restriction (Art. 18, all purposes unless one is
 * named), an objection (Art. 21) or a withdrawn consent (Art. 7(3)) for one purpose. Modules ask
 * `mayProcess` before using data. `except` keeps the one use still allowed (the legal purpose of
 * invoices kept after an erasure request).
 */
export const processingRestrictions = pgTable(
  "processing_restrictions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: restrictionKinds }).notNull(),
    purpose: text("purpose"),
    except: text("except"),
    createdAt: at("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    liftedAt: at("lifted_at"),
  },
  (table) => [index("processing_restrictions_subject_idx").on(table.subjectId)],
);

/**
 * An access or portability package, encrypted under the subject's rights key. Only the hash of
 * its download token is stored. It is itself personal data, in the data map, gone when it expires.
 */
export const exportPackages = pgTable(
  "export_packages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    tokenHash: text("token_hash").notNull().unique(),
    locale: text("locale").notNull(),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    zipCiphertext: bytea("zip_ciphertext").notNull(),
    reportCiphertext: bytea("report_ciphertext").notNull(),
    pdfCiphertext: bytea("pdf_ciphertext").notNull(),
    downloadedAt: at("downloaded_at"),
  },
  (table) => retentionIndexes("export_packages", table),
);

/**
 * The retention rule each record type's stored `retain_until` values were computed with. When
 * the policy in force says something else (a period changed from 7 to 10 years), the engine
 * recomputes that record type's dates once and records the new rule here.
 */
export const retentionRulesApplied = pgTable("retention_rules_applied", {
  recordType: text("record_type").primaryKey(),
  ruleHash: text("rule_hash").notNull(),
  appliedAt: at("applied_at").notNull(),
});
