import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import { hashBearerToken, newBearerToken } from "./bearer-token.ts";
import { type StaffRole, staffSessions, staffUsers } from "./staff.tables.ts";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface ActiveSession {
  id: string;
  staffId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  /** The password was given but the second factor not yet (or not yet enrolled). */
  pendingSecondFactor: boolean;
  secondFactorEnrolled: boolean;
}

// Writing last_seen_at on every request would turn each page view into a write.
const TOUCH_EVERY_MS = 60_000;

export const sessionIdOf = hashBearerToken;

export async function startSession(
  db: Db,
  options: { staffId: string; now: Date; policy: SessionPolicy; secondFactorDone: boolean },
): Promise<{ token: string; id: string }> {
  const token = newBearerToken();
  const id = sessionIdOf(token);
  await db.insert(staffSessions).values({
    id,
    staffId: options.staffId,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt: new Date(options.now.getTime() + options.policy.absoluteMs),
    secondFactorAt: options.secondFactorDone ? options.now : null,
  });
  return { token, id };
}

/** The live session behind a cookie token, or undefined when revoked, idle, expired or disabled. */
export async function resolveSession(
  db: Db,
  options: { token: string; now: Date; policy: SessionPolicy },
): Promise<ActiveSession | undefined> {
  const id = sessionIdOf(options.token);
  const [row] = await db
    .select({ session: staffSessions, staff: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.revokedAt)));
  if (!row) return undefined;
  const { session, staff } = row;
  const now = options.now.getTime();
  const idle = now - session.lastSeenAt.getTime() > options.policy.idleMs;
  if (idle || session.expiresAt.getTime() <= now || staff.disabledAt) return undefined;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(staffSessions).set({ lastSeenAt: options.now }).where(eq(staffSessions.id, id));
  }
  return {
    id,
    staffId: staff.id,
    email: staff.email,
    displayName: staff.displayName,
    role: staff.role,
    pendingSecondFactor: session.secondFactorAt === null,
    secondFactorEnrolled: staff.totpEnabledAt !== null,
  };
}

export async function endSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(staffSessions).set({ revokedAt: now }).where(eq(staffSessions.id, id));
}

/** Ends every session of an account, but `exceptId` (the one that changed the password). */
export async function endAllSessions(
  db: Db,
  staffId: string,
  now: Date,
  exceptId?: string,
): Promise<number> {
  const ended = await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(staffSessions.staffId, staffId),
        isNull(staffSessions.revokedAt),
        exceptId ? ne(staffSessions.id, exceptId) : undefined,
      ),
    )
    .returning({ id: staffSessions.id });
  return ended.length;
}
