import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import {
  type Handover,
  type SessionStatus,
  supportSessions,
  teamviewerIds,
} from "./support.tables.ts";

/** A session as the technician's pages show it: never the code, the summary or a password. */
export interface SupportSessionView {
  id: string;
  subjectId: string | null;
  customerId: string;
  technicianId: string;
  status: SessionStatus;
  handover: Handover | null;
  codeExpiresAt: Date;
  startedAt: Date;
  connectedAt: Date | null;
  endedAt: Date | null;
}

const viewColumns = {
  id: supportSessions.id,
  subjectId: supportSessions.subjectId,
  customerId: supportSessions.customerId,
  technicianId: supportSessions.technicianId,
  status: supportSessions.status,
  handover: supportSessions.handover,
  codeExpiresAt: supportSessions.codeExpiresAt,
  startedAt: supportSessions.startedAt,
  connectedAt: supportSessions.connectedAt,
  endedAt: supportSessions.endedAt,
};

export async function readSupportSession(
  db: Db,
  sessionId: string,
): Promise<SupportSessionView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(supportSessions)
    .where(eq(supportSessions.id, sessionId));
  return row;
}

/** The technician's sessions that have not ended, newest first. */
export function openSessionsOf(
  db: Db,
  technicianId: string,
  limit = 100,
): Promise<SupportSessionView[]> {
  return db
    .select(viewColumns)
    .from(supportSessions)
    .where(and(eq(supportSessions.technicianId, technicianId), ne(supportSessions.status, "ended")))
    .orderBy(desc(supportSessions.startedAt))
    .limit(limit);
}

/** Whether a TeamViewer ID of this person is on file now (it goes at once on an objection). */
export async function teamviewerIdKept(db: Db, subjectId: string): Promise<boolean> {
  const [row] = await db
    .select({ kept: sql<boolean>`true` })
    .from(teamviewerIds)
    .where(eq(teamviewerIds.subjectId, subjectId))
    .limit(1);
  return row?.kept === true;
}
