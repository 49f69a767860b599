import { desc, eq } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import type { RetentionReason } from "../../datamap/index.ts";
import { type SessionStatus, supportSessions } from "./support.tables.ts";

/** A remote support session as a customer's page lists it: who, when, how it stands; no summary. */
export interface CustomerSupportSession {
  id: string;
  subjectId: string | null;
  technicianId: string;
  status: SessionStatus;
  startedAt: Date;
  endedAt: Date | null;
  retainUntil: Date | null;
  retentionReason: RetentionReason;
}

/** The customer's remote support sessions, newest first. */
export async function supportSessionsOfCustomer(
  db: Db,
  customerId: string,
  limit = 200,
): Promise<CustomerSupportSession[]> {
  return db
    .select({
      id: supportSessions.id,
      subjectId: supportSessions.subjectId,
      technicianId: supportSessions.technicianId,
      status: supportSessions.status,
      startedAt: supportSessions.startedAt,
      endedAt: supportSessions.endedAt,
      retainUntil: supportSessions.retainUntil,
      retentionReason: supportSessions.retentionReason,
    })
    .from(supportSessions)
    .where(eq(supportSessions.customerId, customerId))
    .orderBy(desc(supportSessions.startedAt))
    .limit(limit);
}
