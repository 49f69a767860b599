import type { ActorType, auditLog } from "./audit.tables.ts";

export interface AuditActor {
  type: ActorType;
  /** Staff user id, subject id or job name; never an e-mail address or a name. */
  id?: string;
}

/** Flat on purpose: a nested object is where free text, and with it personal data, creeps in. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/** What a caller records; time, sequence number and hashes are added by `appendAudit`. */
export interface AuditEntryInput {
  actor: AuditActor;
  /** Dotted, lower case: `staff.login`, `subject.read`, `vault.shred`. */
  action: string;
  subjectId?: string;
  recordType?: string;
  recordId?: string;
  purpose?: string;
  details?: AuditDetails;
}

/** One stored entry of the chain. */
export type AuditEntry = typeof auditLog.$inferSelect;
