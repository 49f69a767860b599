import { eq, sql } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import { loginThrottle } from "./staff.tables.ts";

export interface ThrottlePolicy {
  maxAttempts: number;
  windowMs: number;
  lockMs: number;
}

/** Five tries in 15 minutes per account (known or not), then a 15-minute lock. */
export const accountPolicy: ThrottlePolicy = {
  maxAttempts: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** Thirty failures in 15 minutes from one address lock that address, whatever accounts it tries. */
export const addressPolicy: ThrottlePolicy = {
  maxAttempts: 30,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export type AttemptVerdict =
  | { allowed: true; attempt: number }
  | { allowed: false; lockedUntil: Date };

/**
 * Counts an attempt before the password or code is checked, in one statement, so concurrent
 * guesses cannot all slip in before the first failure is written.
 */
export async function registerAttempt(
  db: Db,
  key: string,
  now: Date,
  policy: ThrottlePolicy,
): Promise<AttemptVerdict> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now} else ${loginThrottle.windowStartedAt} end`,
      },
    })
    .returning();
  if (!row) throw new Error("login throttle row missing");
  if (row.lockedUntil && row.lockedUntil > now)
    return { allowed: false, lockedUntil: row.lockedUntil };
  if (row.failures > policy.maxAttempts)
    return { allowed: false, lockedUntil: await lock(db, key, now, policy) };
  return { allowed: true, attempt: row.failures };
}

/** After a failed check: the attempt that used up the allowance locks at once. */
export async function afterFailure(
  db: Db,
  key: string,
  now: Date,
  verdict: { attempt: number },
  policy: ThrottlePolicy,
): Promise<Date | undefined> {
  return verdict.attempt >= policy.maxAttempts ? lock(db, key, now, policy) : undefined;
}

export async function lockedUntil(db: Db, key: string, now: Date): Promise<Date | undefined> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : undefined;
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

async function lock(db: Db, key: string, now: Date, policy: ThrottlePolicy): Promise<Date> {
  const until = new Date(now.getTime() + policy.lockMs);
  await db
    .update(loginThrottle)
    .set({ lockedUntil: until, failures: 0, windowStartedAt: now })
    .where(eq(loginThrottle.key, key));
  return until;
}
