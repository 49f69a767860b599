import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DrizzleQueryError } from "drizzle-orm/errors";
import pg from "pg";
import { databaseUnavailableReason } from "../../src/core/db/database-unavailable-reason.ts";

/** A server-side error as node-postgres reports it: a DatabaseError carrying the SQLSTATE. */
function serverError(code: string, message: string): Error {
  const error = new pg.DatabaseError(message, message.length, "error");
  error.code = code;
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

/** What a query through drizzle throws: its own error, the driver's underneath. */
function throughDrizzle(cause: Error): Error {
  return new DrizzleQueryError('insert into "contact_requests" values ($1)', ["x"], cause);
}

describe("which database errors are an outage (503) and which are failures (500)", () => {
  it("recognises a restart, a refused or cut connection and a connect timeout, under drizzle's error", () => {
    const outages: [Error, string][] = [
      [socketError("ECONNREFUSED"), "ECONNREFUSED"],
      [socketError("ECONNRESET"), "ECONNRESET"],
      [serverError("57P01", "terminating connection due to administrator command"), "57P01"],
      [serverError("57P03", "the database system is starting up"), "57P03"],
      [serverError("08006", "connection failure"), "08006"],
      [serverError("53300", "sorry, too many clients already"), "53300"],
      [new Error("Connection terminated unexpectedly"), "connection terminated unexpectedly"],
      [
        new Error("Connection terminated due to connection timeout"),
        "connection terminated due to connection timeout",
      ],
      [
        new Error("timeout exceeded when trying to connect"),
        "timeout exceeded when trying to connect",
      ],
      [
        new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNREFUSED")]),
        "ECONNREFUSED",
      ],
    ];
    for (const [error, reason] of outages) {
      assert.equal(databaseUnavailableReason(throughDrizzle(error)), reason, error.message);
    }
  });

  it("leaves real failures alone, so a bug or a constraint is not hidden behind 'try again'", () => {
    const failures = [
      serverError("23505", "duplicate key value violates unique constraint"),
      serverError("42601", "syntax error at or near"),
      new TypeError("Cannot read properties of undefined"),
      new Error("Connection refused by policy"),
    ];
    for (const error of failures) {
      assert.equal(databaseUnavailableReason(throughDrizzle(error)), undefined, error.message);
    }
    assert.equal(databaseUnavailableReason("ECONNREFUSED"), undefined);
    assert.equal(databaseUnavailableReason(null), undefined);
  });
});
