import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../core/db/bytea.ts";
// Straight from the file: the data map index reaches the schema, which imports these tables.
import { retentionColumns, retentionIndexes } from "../../datamap/retention-columns.ts";
import type { RightKind } from "../../policy/right-kinds.ts";
import type { VaultPurpose } from "../../vault/purposes.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Where a request stands, as the person's status page names it. `unconfirmed` until the e-mail
 * link is used (a portal request nobody confirms is deleted after 7 days); `refused` when identity
 * could not be verified or the request was manifestly unfounded (GDPR Art. 12(5)).
 */
export const requestStatuses = [
  "unconfirmed",
  "received",
  "verified",
  "in_progress",
  "answered",
  "refused",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** How the request reached us: the portal, or staff entering one received another way. */
export const requestChannels = ["portal", "email", "phone", "post"] as const;
export type RequestChannel = (typeof requestChannels)[number];

/** How identity was established; the decision is recorded with the staff member who took it. */
export const verificationMethods = [
  "email_link",
  "id_copy",
  "known_customer",
  "in_person",
] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

/** One right asked, with the purpose it is about for an objection or a consent withdrawal. */
export interface RequestedRight {
  kind: RightKind;
  purpose?: VaultPurpose | undefined;
  /** Portability only: to the person, or to an organisation they name (its details encrypted). */
  to?: "self" | "organisation" | undefined;
}

/** What one executed step did, per record type; counts and ids only, no personal values. */
export interface StepOutcome {
  right: RightKind;
  purpose?: VaultPurpose | undefined;
  executedAt: string;
  staffId: string;
  results: StepResult[];
  /** Access and portability: the package made, so the letter can link it. */
  packageId?: string | undefined;
  packageExpiresAt?: string | undefined;
  /** Portability to an organisation: when its link was sent. */
  transferredAt?: string | undefined;
  /** Rectification: the fields changed (labels, not values: the values are in the letter). */
  rectified?: { recordType: string; recordId: string; column: string }[] | undefined;
}

export interface StepResult {
  recordType: string;
  /** What happened to the records of this type. */
  action: "erased" | "kept" | "restricted" | "exported" | "unsubscribed" | "rectified";
  count: number;
  keptBecause?: "legal_obligation" | "legal_hold" | "running_agreement" | undefined;
  until?: string | null | undefined;
  reference?: string | null | undefined;
}

/**
 * A data-subject request and its answer. Personal values are encrypted under the person's rights
 * key; once answered, only the proof stays (rights, dates, outcome, the letter) for the policy's
 * proof retention, and the rest is cleared.
 */
export const rightsRequests = pgTable(
  "rights_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    /** R-XXXXXX: what the person quotes on the phone or in a mail. Not a secret. */
    reference: text("reference").notNull().unique(),
    status: text("status", { enum: requestStatuses }).notNull(),
    channel: text("channel", { enum: requestChannels }).notNull(),
    /** The person's language: every mail and the reply letter use it. */
    locale: text("locale").notNull(),
    rights: jsonb("rights").$type<RequestedRight[]>().notNull(),
    emailCiphertext: text("email_ciphertext"),
    phoneCiphertext: text("phone_ciphertext"),
    customerNumberCiphertext: text("customer_number_ciphertext"),
    vatCiphertext: text("vat_ciphertext"),
    descriptionCiphertext: text("description_ciphertext"),
    /** Portability to an organisation: `{ "name": …, "email": … }`, encrypted as one JSON text. */
    recipientCiphertext: text("recipient_ciphertext"),
    /** Whether the policy asks an ID copy for one of the rights asked (decided at intake). */
    idCopyRequired: boolean("id_copy_required").notNull(),
    /** Keyed hash of the e-mail confirmation token; cleared once used. */
    confirmTokenHash: text("confirm_token_hash").unique(),
    createdAt: at("created_at").notNull(),
    /** When the request counts as received: the e-mail confirmed, or staff entered it. */
    receivedAt: at("received_at"),
    deadlineAt: at("deadline_at"),
    /** An extension (up to two more months, GDPR Art. 12(3)), with the reason told to the person. */
    extendedUntil: at("extended_until"),
    extensionReason: text("extension_reason"),
    verifiedAt: at("verified_at"),
    verification: text("verification", { enum: verificationMethods }),
    verifiedBy: uuid("verified_by"),
    /** Why a request was refused, told to the person. */
    refusalReason: text("refusal_reason"),
    answeredAt: at("answered_at"),
    answeredBy: uuid("answered_by"),
    outcome: jsonb("outcome").$type<StepOutcome[]>().notNull().default([]),
    /** The reply letter as sent (plain text in the person's language), encrypted. */
    letterCiphertext: text("letter_ciphertext"),
    /**
     * Other subjects the privacy officer found to be the same person (by phone, VAT or customer
     * number) after verification: every step acts on them too.
     */
    linkedSubjectIds: jsonb("linked_subject_ids").$type<string[]>().notNull().default([]),
    /** Staff who entered a request received by e-mail, phone or post. */
    enteredBy: uuid("entered_by"),
    /** Reminder mails to the privacy role already sent: "due_soon", "overdue". */
    remindersSent: jsonb("reminders_sent").$type<string[]>().notNull().default([]),
    updatedAt: at("updated_at").notNull(),
  },
  (table) => [
    ...retentionIndexes("rights_requests", table),
    index("rights_requests_deadline_idx").on(table.status, table.deadlineAt),
  ],
);

/**
 * A copy of the front of an ID document, kept only to verify the request: destroyed right after
 * staff record the decision, and at the latest 30 days after upload (its `retain_until`).
 */
export const rightsIdCopies = pgTable(
  "rights_id_copies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => rightsRequests.id, { onDelete: "cascade" }),
    /** The image, encrypted under the person's rights key. */
    fileCiphertext: bytea("file_ciphertext").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    uploadedAt: at("uploaded_at").notNull(),
  },
  (table) => [
    ...retentionIndexes("rights_id_copies", table),
    index("rights_id_copies_request_idx").on(table.requestId),
  ],
);
