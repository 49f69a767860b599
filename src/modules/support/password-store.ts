import type { Clock } from "../../core/clock.ts";

/**
 * Where a session's TeamViewer password waits for the technician: never the database, logs,
 * mail or disk. The in-memory store is per process (a session is pinned to the process that
 * holds it); a Redis store with a TTL can implement the same interface for several processes.
 */
export interface PasswordStore {
  put(sessionId: string, handover: Handed, ttlMs: number): void;
  /** What the customer handed over, or undefined once wiped or expired. */
  get(sessionId: string): Handed | undefined;
  wipe(sessionId: string): void;
}

/** What the customer hands over for one session; the ID goes to the database only at the end. */
export interface Handed {
  teamviewerId: string;
  password: string;
  /** The customer ticked "do not keep my TeamViewer ID". */
  objected: boolean;
}

/** At most 2 hours, whatever the session does. */
export const maxPasswordLifetimeMs = 2 * 60 * 60 * 1000;

export function memoryPasswordStore(clock: Clock): PasswordStore {
  const entries = new Map<string, { handed: Handed; expiresAt: number }>();
  const sweep = () => {
    const now = clock.now().getTime();
    for (const [id, entry] of entries) if (entry.expiresAt <= now) entries.delete(id);
  };
  // Expired entries also go on their own, so an idle process does not keep them.
  const timer = setInterval(sweep, 60_000);
  timer.unref();
  return {
    put(sessionId, handed, ttlMs) {
      const lifetime = Math.min(ttlMs, maxPasswordLifetimeMs);
      entries.set(sessionId, { handed, expiresAt: clock.now().getTime() + lifetime });
    },
    get(sessionId) {
      sweep();
      return entries.get(sessionId)?.handed;
    },
    wipe(sessionId) {
      entries.delete(sessionId);
    },
  };
}
