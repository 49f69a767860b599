import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Every distinct policy content ever used, so each old statement stays readable and two can be
 * compared. The active one is the most recently activated.
 */
export const policyVersions = pgTable(
  "policy_versions",
  {
    /** SHA-256 of the parsed policy, so reformatting the YAML is not a new version. */
    contentHash: text("content_hash").primaryKey(),
    source: text("source").notNull(),
    effectiveDate: text("effective_date").notNull(),
    changelog: text("changelog").notNull(),
    createdAt: at("created_at").notNull(),
    activatedAt: at("activated_at").notNull(),
    /** Staff member who uploaded it; null for the policy file the server started with. */
    activatedBy: text("activated_by"),
  },
  (table) => [index("policy_versions_activated_idx").on(table.activatedAt)],
);
