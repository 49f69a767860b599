import { sql } from "drizzle-orm";
import {
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** One row per person we hold data about; modules link their records to it. */
export const subjects = pgTable("subjects", {
  id: uuid("id").primaryKey().defaultRandom(),
  createdAt: at("created_at").notNull(),
});

export const identifierKinds = ["email", "phone", "vat", "teamviewer", "name_token"] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

/**
 * How a person is found again: HMAC blind indexes of normalised identifiers, never the plaintext.
 * An e-mail, phone, VAT number or TeamViewer ID belongs to one subject; name tokens are shared.
 */
export const subjectIdentifiers = pgTable(
  "subject_identifiers",
  {
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: identifierKinds }).notNull(),
    blindIndex: text("blind_index").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.kind, table.blindIndex, table.subjectId] }),
    uniqueIndex("subject_identifiers_unique_idx")
      .on(table.kind, table.blindIndex)
      .where(sql`kind <> 'name_token'`),
    index("subject_identifiers_subject_idx").on(table.subjectId),
  ],
);

/**
 * One data key per subject and purpose, wrapped by the master key. Destroying the wrapped key
 * (crypto-shredding) makes every field encrypted under it unreadable, in backups and WAL too.
 * A subject with keys cannot be deleted: keys go through shred(), which writes the ledger.
 */
export const dataKeys = pgTable(
  "data_keys",
  {
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "restrict" }),
    purpose: text("purpose").notNull(),
    /** base64 of iv | tag | ciphertext; null once shredded. */
    wrappedKey: text("wrapped_key"),
    masterKeyId: text("master_key_id"),
    createdAt: at("created_at").notNull(),
    shreddedAt: at("shredded_at"),
  },
  (table) => [
    primaryKey({ columns: [table.subjectId, table.purpose] }),
    index("data_keys_master_key_idx").on(table.masterKeyId),
    // mail.deliver looks for keys shredded in the last month every 15 s (forget-erased-mail.ts).
    index("data_keys_shredded_at_idx").on(table.shreddedAt),
  ],
);

/** Keys that belong to the installation, not to a person (blind-index key, staff secrets key). */
export const vaultKeys = pgTable("vault_keys", {
  name: text("name").primaryKey(),
  wrappedKey: text("wrapped_key").notNull(),
  masterKeyId: text("master_key_id").notNull(),
  createdAt: at("created_at").notNull(),
});
