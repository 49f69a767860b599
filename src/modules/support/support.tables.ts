import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
// Straight from the file: the data map index reaches the schema, which imports these tables.
import { retentionColumns, retentionIndexes } from "../../datamap/retention-columns.ts";
import { customers } from "../customers/customers.tables.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const sessionStatuses = ["waiting", "connected", "ended"] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const handovers = ["phone", "connect_page"] as const;
export type Handover = (typeof handovers)[number];

/**
 * A remote support session: who, when, how long, for whom, and the technician's summary. Never
 * a recording, never what was seen, never the TeamViewer password: that lives only in the
 * server's memory (see password-store.ts).
 */
export const supportSessions = pgTable(
  "support_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    technicianId: uuid("technician_id").notNull(),
    status: text("status", { enum: sessionStatuses }).notNull(),
    /** Keyed hash of the short code read out on the phone; the code itself is not stored. */
    codeHash: text("code_hash").notNull(),
    codeExpiresAt: at("code_expires_at").notNull(),
    handover: text("handover", { enum: handovers }),
    summaryCiphertext: text("summary_ciphertext"),
    startedAt: at("started_at").notNull(),
    connectedAt: at("connected_at"),
    endedAt: at("ended_at"),
  },
  (table) => [
    ...retentionIndexes("support_sessions", table),
    index("support_sessions_customer_idx").on(table.customerId, table.startedAt),
    index("support_sessions_code_idx").on(table.codeHash),
  ],
);

/** The one thing kept after a session: the customer's TeamViewer ID, until they object. */
export const teamviewerIds = pgTable(
  "teamviewer_ids",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    teamviewerIdCiphertext: text("teamviewer_id_ciphertext").notNull(),
    /** Keyed hash of the ID, to find it again without decrypting every row. */
    lookupHash: text("lookup_hash").notNull(),
    createdAt: at("created_at").notNull(),
    lastUsedAt: at("last_used_at").notNull(),
  },
  (table) => [
    ...retentionIndexes("teamviewer_ids", table),
    unique("teamviewer_ids_subject_lookup_key").on(table.subjectId, table.lookupHash),
  ],
);
