import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// Straight from the file: the data map index reaches the schema, which imports these tables.
import { retentionColumns, retentionIndexes } from "../../datamap/retention-columns.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** What the visitor did in the banner; a withdrawal is a new choice, never a deletion. */
export const consentActions = ["accept_all", "reject_all", "custom"] as const;
export type ConsentAction = (typeof consentActions)[number];

/** Category → allowed; "necessary" is always true and stored as such, for a readable proof. */
export type ConsentChoices = Record<string, boolean>;

/**
 * Proof of one cookie choice (GDPR Art. 7(1)): a random consent id shared by the visitor's
 * choices, what they chose under which inventory version, when, on which page, a truncated IP
 * address and the browser family. No name, no e-mail: `subject_id` stays null unless a rights
 * request links the consent id to a person.
 */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    consentId: uuid("consent_id").notNull(),
    action: text("action", { enum: consentActions }).notNull(),
    choices: jsonb("choices").$type<ConsentChoices>().notNull(),
    /** The cookie inventory's version the choice was made under (see inventoryVersion). */
    inventoryVersion: text("inventory_version").notNull(),
    decidedAt: at("decided_at").notNull(),
    /** Path only: a query string can carry anything. */
    page: text("page"),
    /** IPv4 with the last octet zeroed, IPv6 cut to /48. */
    ipPrefix: text("ip_prefix"),
    /** "Chrome", "Firefox", "Safari"…: the family, not the full user agent string. */
    browserFamily: text("browser_family"),
  },
  (table) => [
    ...retentionIndexes("consent_records", table),
    index("consent_records_consent_idx").on(table.consentId, table.decidedAt),
  ],
);
