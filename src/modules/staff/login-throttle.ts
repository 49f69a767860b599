import { eq, sql } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import { loginThrottle } from "./staff.tables.ts";

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Five wrong passwords in 15 minutes lock an account (known or not) for 15 minutes. */
export const accountPolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export async function lockedUntil(db: Db, key: string, now: Date): Promise<Date | undefined> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : undefined;
}

/** Counts a failure in the current window (a new window when the last one passed) atomically. */
export async function recordLoginFailure(
  db: Db,
  key: string,
  now: Date,
  policy: ThrottlePolicy = accountPolicy,
): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const lockUntil = new Date(now.getTime() + policy.lockMs);
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now} else ${loginThrottle.windowStartedAt} end`,
      },
    });
  await db
    .update(loginThrottle)
    .set({ lockedUntil: lockUntil, failures: 0, windowStartedAt: now })
    .where(
      sql`${loginThrottle.key} = ${key} and ${loginThrottle.failures} >= ${policy.maxFailures}`,
    );
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
