import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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

/**
 * An important notice about a policy change ("notify: true"), written in every language when
 * the version is activated. It waits here until the newsletter module, which knows the customers
 * with a running service, sends it; `sentAt` is set then.
 */
export const policyNotices = pgTable("policy_notices", {
  contentHash: text("content_hash")
    .primaryKey()
    .references(() => policyVersions.contentHash),
  subject: jsonb("subject").$type<Record<string, string>>().notNull(),
  body: jsonb("body").$type<Record<string, string>>().notNull(),
  createdAt: at("created_at").notNull(),
  sentAt: at("sent_at"),
});
