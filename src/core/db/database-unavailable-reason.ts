/**
 * Socket errors that mean the database server cannot be reached or went away: a restart, a
 * failover, a network cut. Another try a little later may well succeed.
 */
const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL SQLSTATEs of a server that is shutting down, starting up or out of connections:
 * 57P01 admin_shutdown (a restart terminates every backend), 57P02 crash_shutdown, 57P03
 * cannot_connect_now (still recovering), 53300 too_many_connections, and the whole of class 08
 * (connection exception).
 */
const unavailableStates = new Set(["57P01", "57P02", "57P03", "53300"]);

/**
 * node-postgres reports a lost or never-made connection with plain messages and no code; these
 * are their exact beginnings (pg 8, pg-pool 3).
 */
const lostConnectionMessages = [
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
];

/** drizzle wraps a driver error in its own (`cause`); a few levels is always enough. */
const maxCauseDepth = 5;

/**
 * Why the database is unavailable for a moment (a SQLSTATE, a socket code or a short text, safe to
 * log), or undefined when `error` is not an outage but a real failure (a bug, bad SQL, a
 * constraint). Requests that meet an outage get a 503 instead of a 500, and jobs try again at
 * their next tick.
 */
export function databaseUnavailableReason(error: unknown, depth = 0): string | undefined {
  if (depth > maxCauseDepth || error === null || typeof error !== "object") return undefined;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string") {
    if (unreachableCodes.has(code) || unavailableStates.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
      return code;
    }
  }
  if (typeof message === "string") {
    const lost = lostConnectionMessages.find((text) => message.startsWith(text));
    if (lost) return lost.toLowerCase();
  }
  // Node reports a refused dual-stack connect as an AggregateError of one error per address.
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const reason = databaseUnavailableReason(inner, depth + 1);
      if (reason) return reason;
    }
  }
  return databaseUnavailableReason(cause, depth + 1);
}
