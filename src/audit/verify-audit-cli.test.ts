import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { runCli } from "../../test/helpers/cli-process.ts";
import { tamperWithAuditLog } from "../../test/helpers/tamper.ts";
import { fakeClock } from "../core/clock.ts";
import { openPglite } from "../core/db/database.ts";
import { runMigrations } from "../core/db/migrate.ts";
import { appendAudit } from "./index.ts";

/** The command as an operator runs it: a real process on a data dir it has not seen before. */
function verify(DATA_DIR: string) {
  return runCli(["audit", "verify"], { env: { DATA_DIR } });
}

// Its own file, so the test runner overlaps the slow fresh data dir with the other audit tests.
describe("wits-privacy audit verify", () => {
  let DATA_DIR: string;
  before(async () => {
    DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-audit-"));
  });
  after(async () => {
    await rm(DATA_DIR, { recursive: true, force: true });
  });

  it("says an intact chain is intact, and names the first broken entry of a tampered one", async () => {
    const clock = fakeClock();
    let database = await openPglite(DATA_DIR);
    try {
      await runMigrations(database);
      for (const recordId of ["c-1", "c-2", "c-3", "c-4"]) {
        await appendAudit(database.db, {
          clock,
          entry: { actor: { type: "system", id: "test" }, action: "record.create", recordId },
        });
      }
    } finally {
      await database.close();
    }
    const intact = await verify(DATA_DIR);
    assert.equal(intact.code, 0, intact.stderr);
    assert.equal(intact.stdout, "audit log intact: 4 entries\n");

    database = await openPglite(DATA_DIR);
    try {
      await tamperWithAuditLog(
        database.db,
        sql`update audit_log set record_id = 'c-9' where seq = 2`,
      );
    } finally {
      await database.close();
    }
    const broken = await verify(DATA_DIR);
    assert.equal(broken.code, 1, broken.stdout);
    assert.match(broken.stderr, /^audit log broken at entry #2: hash mismatch/);
  });
});
