export { type AppendAuditOptions, appendAudit, lockAuditHead } from "./append-audit.ts";
export { type ActorType, actorTypes } from "./audit.tables.ts";
export type { AuditActor, AuditDetails, AuditEntry, AuditEntryInput } from "./audit-entry.ts";
export {
  type AuditPage,
  type ListAuditOptions,
  listAudit,
  MAX_AUDIT_PAGE,
} from "./list-audit.ts";
export { recordStaffRead, type StaffRead } from "./record-staff-read.ts";
export {
  type AuditBreak,
  type AuditProgress,
  type AuditVerification,
  auditBreaks,
  type VerifyAuditOptions,
  verifyAudit,
} from "./verify-audit.ts";
