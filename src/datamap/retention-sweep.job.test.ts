import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestDatabase, databaseKinds } from "../../test/helpers/database.ts";
import {
  createTestNotesTable,
  insertTestNote,
  testDataMap,
  testNoteType,
} from "../../test/helpers/test-record-type.ts";
import type { FakeClock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import { type Database, queryRows } from "../core/db/database.ts";
import { nextRunOf } from "../core/jobs/index.ts";
import { createLogger } from "../core/log.ts";
import { loadActivePolicy } from "../policy/index.ts";
import type { Vault } from "../vault/index.ts";
import { openTestVault, uniquePerson } from "../vault/test-vault.ts";
import type { DataMap } from "./data-map.ts";
import { defineRecordType } from "./record-type.ts";
import { retentionSweepJob } from "./retention-sweep.job.ts";
import { sweepRetention } from "./retention-sweep.ts";

for (const kind of databaseKinds) {
  describe(`retention.sweep job on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let config: Config;
    let dataMap: DataMap;

    before(async () => {
      database = await createTestDatabase(kind);
      await createTestNotesTable(database.db);
      ({ vault, clock, config } = await openTestVault(database.db));
      const { policy } = await loadActivePolicy(undefined);
      dataMap = testDataMap(() => policy);
    });
    after(() => database.close());

    const insertDue = async (count: number) => {
      for (let i = 0; i < count; i++) {
        await insertTestNote(
          database.db,
          { vault, dataMap, now: clock.now() },
          { email: uniquePerson().email, requestId: `job-${i}`, text: "printer stuk" },
        );
      }
      await database.db.execute(
        sql`update test_notes set retain_until = ${new Date(clock.now().getTime() - 1000)}`,
      );
    };
    const runJob = (signal: AbortSignal) =>
      retentionSweepJob(() => ({ vault, dataMap })).run({
        db: database.db,
        clock,
        config,
        log: createLogger({ level: "silent" }),
        signal,
      });
    const notesLeft = async () =>
      (
        await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from test_notes`)
      )[0]?.n;

    it("stops between batches when aborted, and the next run erases the rest with its counts", async () => {
      await insertDue(5);
      const stop = new AbortController();
      const stopped = await sweepRetention(
        { db: database.db, dataMap, clock, vault },
        { batchSize: 2, signal: stop.signal, onProgress: () => stop.abort() },
      );
      assert.equal(stopped.stopped, true);
      assert.equal(stopped.byType["test.note"]?.erased, 2, "one whole batch, then it stopped");
      assert.equal(await notesLeft(), 3);

      assert.deepEqual(await runJob(AbortSignal.abort()), {
        erased: 0,
        deferred: 0,
        keysShredded: 0,
        held: 0,
      });
      assert.equal(await notesLeft(), 3, "a job aborted before it began erases nothing");

      assert.deepEqual(await runJob(new AbortController().signal), {
        erased: 3,
        deferred: 0,
        keysShredded: 3,
        held: 0,
      });
      assert.equal(await notesLeft(), 0);
    });

    it("lets the event loop turn between batches, so a shutdown (a timer, a signal) stops it", async () => {
      await insertDue(5);
      // Deleted, not shredded: shredding writes the erasure ledger, which lets the loop turn anyway.
      // A type erased by delete may hold no ciphertext, so it declares only the plain fields.
      const deleted = defineRecordType({
        ...testNoteType,
        fields: testNoteType.fields.filter((field) => field.kind !== "encrypted"),
        erasure: { method: "delete" },
      });
      const deleting = dataMap.withRecordTypes([deleted]);
      const stop = new AbortController();
      // PGlite answers on this thread: without a turn between batches this would fire after the end.
      setTimeout(() => stop.abort(), 0);
      const report = await sweepRetention(
        { db: database.db, dataMap: deleting, clock, vault },
        { batchSize: 1, signal: stop.signal },
      );
      assert.equal(report.stopped, true);
      assert.ok(((await notesLeft()) ?? 0) > 0, "stopped before the last batch");
      await sweepRetention({ db: database.db, dataMap, clock, vault });
      assert.equal(await notesLeft(), 0);
    });

    it("runs hourly, at seven minutes past", () => {
      const job = retentionSweepJob(() => ({ vault, dataMap }));
      const next = (at: string) => nextRunOf(job, "Europe/Brussels", new Date(at))?.toISOString();
      assert.equal(next("2026-03-01T10:30:00Z"), "2026-03-01T11:07:00.000Z");
      assert.equal(next("2026-03-01T11:07:00Z"), "2026-03-01T12:07:00.000Z");
    });
  });
}
