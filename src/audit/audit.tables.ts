import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const actorTypes = ["staff", "subject", "system", "anonymous"] as const;
export type ActorType = (typeof actorTypes)[number];

/**
 * Append-only and hash-chained: each entry's hash covers the previous one, so a changed, removed
 * or inserted row breaks the chain at that point. Details never hold plaintext personal data.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: at("at").notNull(),
    actorType: text("actor_type", { enum: actorTypes }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectId: uuid("subject_id"),
    recordType: text("record_type"),
    recordId: text("record_id"),
    purpose: text("purpose"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_log_at_idx").on(table.at),
    index("audit_log_subject_idx").on(table.subjectId),
    index("audit_log_actor_idx").on(table.actorId),
    index("audit_log_action_idx").on(table.action),
  ],
);

/** The chain's tail, one row: locking it serialises writers so the chain never forks. */
export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});
