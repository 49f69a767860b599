import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../core/db/bytea.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * A processor's signed contract (DPA), sealed with the installation key: a contract with a
 * company, about no one person, so no subject key. Every upload is kept; the newest is in force.
 */
export const processorContracts = pgTable(
  "processor_contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The processor's `name` in the policy. */
    processorName: text("processor_name").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    sealed: bytea("sealed").notNull(),
    uploadedAt: at("uploaded_at").notNull(),
    uploadedBy: uuid("uploaded_by").notNull(),
  },
  (table) => [index("processor_contracts_name_idx").on(table.processorName, table.uploadedAt)],
);

/**
 * One reminder sent for one register item at one stage (a processor's review coming due, a
 * breach's 72-hour clock at 24 h left): the jobs run often and must mail each stage once.
 */
export const registerReminders = pgTable(
  "register_reminders",
  {
    kind: text("kind").notNull(),
    item: text("item").notNull(),
    stage: text("stage").notNull(),
    sentAt: at("sent_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.item, table.stage] })],
);

/**
 * A disclosure outside the processors, such as a police request (Art. 15(1)(c), Art. 30(1)(d)).
 * The texts describe the request and the kinds of data given, never the data itself.
 */
export const disclosures = pgTable(
  "disclosures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    disclosedOn: date("disclosed_on", { mode: "string" }).notNull(),
    authority: text("authority").notNull(),
    legalBasis: text("legal_basis").notNull(),
    /** The authority's own reference: a case or order number. */
    authorityReference: text("authority_reference").notNull(),
    dataGiven: text("data_given").notNull(),
    /** False when the authority forbids telling the person (e.g. a secret investigation). */
    subjectMayBeTold: boolean("subject_may_be_told").notNull(),
    recordedAt: at("recorded_at").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
  },
  (table) => [
    uniqueIndex("disclosures_reference_idx").on(table.reference),
    index("disclosures_on_idx").on(table.disclosedOn),
  ],
);

/** The people a disclosure concerned, by subject id. */
export const disclosureSubjects = pgTable(
  "disclosure_subjects",
  {
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    subjectId: uuid("subject_id").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.disclosureId, table.subjectId] }),
    index("disclosure_subjects_subject_idx").on(table.subjectId),
  ],
);

export const breachStatuses = ["triage", "open", "closed", "dismissed"] as const;
export type BreachStatus = (typeof breachStatuses)[number];
export const breachSources = ["report", "staff"] as const;
export type BreachSource = (typeof breachSources)[number];

/**
 * The breach register (GDPR Art. 33(5)): every incident, notified or not, with the facts, the
 * effects and the remedy. A misuse report from the security page starts as `triage`; the texts
 * describe the incident in general terms, the reporter's own message stays in the contact inbox.
 */
export const breaches = pgTable(
  "breaches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    status: text("status", { enum: breachStatuses }).notNull(),
    source: text("source", { enum: breachSources }).notNull(),
    /** The contact request that carried a misuse report, when it came from the security page. */
    contactRequestId: uuid("contact_request_id"),
    title: text("title").notNull(),
    nature: text("nature").notNull().default(""),
    /** Start of the 72-hour clock (Art. 33(1)): when we became aware of the breach. */
    discoveredAt: at("discovered_at"),
    /** Data category ids from the policy. */
    categories: jsonb("categories").$type<string[]>().notNull().default([]),
    approxPeople: integer("approx_people"),
    approxRecords: integer("approx_records"),
    consequences: text("consequences").notNull().default(""),
    measures: text("measures").notNull().default(""),
    /** Art. 34: a high risk to people's rights means the people must be told. */
    highRisk: boolean("high_risk").notNull().default(false),
    authorityNotifiedAt: at("authority_notified_at"),
    authorityReference: text("authority_reference"),
    /** Why the authority was not notified (no risk), or why late (Art. 33(1) last sentence). */
    authorityReasoning: text("authority_reasoning").notNull().default(""),
    peopleNotifiedAt: at("people_notified_at"),
    peopleReasoning: text("people_reasoning").notNull().default(""),
    createdAt: at("created_at").notNull(),
    createdBy: uuid("created_by"),
    updatedAt: at("updated_at").notNull(),
    closedAt: at("closed_at"),
  },
  (table) => [
    uniqueIndex("breaches_reference_idx").on(table.reference),
    index("breaches_status_idx").on(table.status, table.discoveredAt),
  ],
);

/** The people a breach affected, by subject id: who gets the Art. 34 notice. */
export const breachSubjects = pgTable(
  "breach_subjects",
  {
    breachId: uuid("breach_id")
      .notNull()
      .references(() => breaches.id, { onDelete: "cascade" }),
    subjectId: uuid("subject_id").notNull(),
    /** When the notice to this person was queued in the outbox. */
    noticeQueuedAt: at("notice_queued_at"),
  },
  (table) => [
    primaryKey({ columns: [table.breachId, table.subjectId] }),
    index("breach_subjects_subject_idx").on(table.subjectId),
  ],
);
