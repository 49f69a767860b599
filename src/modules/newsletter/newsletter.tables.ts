import { index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
// Straight from the file: the data map index reaches the schema, which imports these tables.
import { retentionColumns, retentionIndexes } from "../../datamap/retention-columns.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const consentSources = ["form", "api", "preference_centre", "import"] as const;
export type ConsentSource = (typeof consentSources)[number];

/**
 * A sign-up waiting for its confirmation link (double opt-in). Nothing is sent to the address but
 * that one mail, and an unconfirmed sign-up is deleted 7 days after it was made.
 */
export const newsletterSignups = pgTable(
  "newsletter_signups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    nameCiphertext: text("name_ciphertext").notNull(),
    emailCiphertext: text("email_ciphertext").notNull(),
    ipCiphertext: text("ip_ciphertext").notNull(),
    locale: text("locale").notNull(),
    /** The topics ticked, and the exact wording the person saw for each. */
    topics: jsonb("topics").$type<string[]>().notNull(),
    wording: jsonb("wording").$type<Record<string, string>>().notNull(),
    source: text("source", { enum: consentSources }).notNull(),
    // The policy version in force (its content hash), so the exact statement can be shown again.
    policyVersion: text("policy_version").notNull(),
    /** SHA-256 of the single-use link's token; the token itself is only in the mail. */
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (table) => [...retentionIndexes("newsletter_signups", table)],
);

/**
 * A confirmed reader. `period_id` changes each time someone who unsubscribed from everything
 * subscribes again: the 6-month clock of the old period must not delete the new one.
 */
export const newsletterSubscribers = pgTable(
  "newsletter_subscribers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    periodId: uuid("period_id").notNull(),
    /** Name or nickname, as the person gave it. */
    nameCiphertext: text("name_ciphertext").notNull(),
    emailCiphertext: text("email_ciphertext").notNull(),
    locale: text("locale").notNull(),
    /** Topics with a live consent; empty once unsubscribed from all. */
    topics: jsonb("topics").$type<string[]>().notNull(),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    unsubscribedAt: at("unsubscribed_at"),
    /** A permanent delivery failure: nothing more is sent until the person signs up again. */
    undeliverableAt: at("undeliverable_at"),
  },
  (table) => [
    ...retentionIndexes("newsletter_subscribers", table),
    unique("newsletter_subscribers_subject_key").on(table.subjectId),
  ],
);

/**
 * Proof of consent, one row per topic and grant: when, from which form and policy version, the
 * IP address, and the exact wording shown. Withdrawal closes the row; it is never edited else.
 */
export const newsletterConsents = pgTable(
  "newsletter_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    subscriberId: uuid("subscriber_id")
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: "cascade" }),
    periodId: uuid("period_id").notNull(),
    topic: text("topic").notNull(),
    source: text("source", { enum: consentSources }).notNull(),
    /** For an import: where the consent was given (e.g. "inschrijvingslijst beurs 2026"). */
    sourceDetail: text("source_detail"),
    // The policy version in force (its content hash), so the exact statement can be shown again.
    policyVersion: text("policy_version").notNull(),
    locale: text("locale").notNull(),
    wording: text("wording").notNull(),
    ipCiphertext: text("ip_ciphertext"),
    /** When the form was sent (double opt-in), and when the link confirmed it. */
    requestedAt: at("requested_at"),
    givenAt: at("given_at").notNull(),
    withdrawnAt: at("withdrawn_at"),
    withdrawnVia: text("withdrawn_via"),
  },
  (table) => [
    ...retentionIndexes("newsletter_consents", table),
    index("newsletter_consents_subscriber_idx").on(table.subscriberId, table.givenAt),
  ],
);

export const campaignKinds = ["newsletter", "service_notice"] as const;
export type CampaignKind = (typeof campaignKinds)[number];
export const campaignStatuses = ["draft", "scheduled", "sending", "sent"] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/**
 * A mailing written for everyone: a newsletter about topics, or a service notice (terms changed)
 * that goes to customers with a running service whatever their topics. No personal data.
 */
export const newsletterCampaigns = pgTable("newsletter_campaigns", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind", { enum: campaignKinds }).notNull(),
  subject: text("subject").notNull(),
  markdown: text("markdown").notNull(),
  topics: jsonb("topics").$type<string[]>().notNull(),
  status: text("status", { enum: campaignStatuses }).notNull(),
  scheduledAt: at("scheduled_at"),
  createdBy: uuid("created_by").notNull(),
  createdAt: at("created_at").notNull(),
  updatedAt: at("updated_at").notNull(),
  startedAt: at("started_at"),
  finishedAt: at("finished_at"),
});

/** Who a campaign was queued for; the mail itself is in the outbox. */
export const newsletterDeliveries = pgTable(
  "newsletter_deliveries",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => newsletterCampaigns.id, { onDelete: "cascade" }),
    // Kept for the campaign's counts after the reader is deleted.
    subscriberId: uuid("subscriber_id").references(() => newsletterSubscribers.id, {
      onDelete: "set null",
    }),
    outboxId: uuid("outbox_id").notNull(),
    queuedAt: at("queued_at").notNull(),
  },
  (table) => [
    unique("newsletter_deliveries_campaign_subscriber_key").on(
      table.campaignId,
      table.subscriberId,
    ),
    index("newsletter_deliveries_subscriber_idx").on(table.subscriberId),
    index("newsletter_deliveries_outbox_idx").on(table.outboxId),
  ],
);
