import type { Clock } from "../core/clock.ts";
import type { Db } from "../core/db/database.ts";
import { appendAudit } from "./append-audit.ts";
import type { AuditEntry } from "./audit-entry.ts";

export interface StaffRead {
  staffId: string;
  subjectId: string;
  recordType: string;
  recordId: string;
  purpose: string;
}

/**
 * Who looked at whose data, and when: every back-office page that shows a person's decrypted
 * fields calls this in the request that shows them (action `subject.read`).
 */
export function recordStaffRead(db: Db, clock: Clock, read: StaffRead): Promise<AuditEntry> {
  return appendAudit(db, {
    clock,
    entry: {
      actor: { type: "staff", id: read.staffId },
      action: "subject.read",
      subjectId: read.subjectId,
      recordType: read.recordType,
      recordId: read.recordId,
      purpose: read.purpose,
    },
  });
}
