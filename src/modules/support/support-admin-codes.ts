import type { Clock } from "../../core/clock.ts";

/**
 * The codes of waiting sessions, so the session page can show its code again after the redirect
 * that follows "start". Only the code's keyed hash is in the database; this shelf lives in the
 * process's memory (like the password store) and forgets a code when it expires or is used.
 */
export interface SessionCodeShelf {
  keep(sessionId: string, code: string, expiresAt: Date): void;
  find(sessionId: string): string | undefined;
  forget(sessionId: string): void;
}

export function sessionCodeShelf(clock: Clock): SessionCodeShelf {
  const codes = new Map<string, { code: string; expiresAt: number }>();
  const sweep = () => {
    const now = clock.now().getTime();
    for (const [id, entry] of codes) if (entry.expiresAt <= now) codes.delete(id);
  };
  return {
    keep(sessionId, code, expiresAt) {
      sweep();
      codes.set(sessionId, { code, expiresAt: expiresAt.getTime() });
    },
    find(sessionId) {
      sweep();
      return codes.get(sessionId)?.code;
    },
    forget(sessionId) {
      codes.delete(sessionId);
    },
  };
}
