import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../test/helpers/database.ts";
import {
  insertTestNote,
  openEngineTest,
  type RunningAgreements,
} from "../../test/helpers/test-record-type.ts";
import { listAudit, verifyAudit } from "../audit/index.ts";
import type { FakeClock } from "../core/clock.ts";
import { type Database, queryRows } from "../core/db/database.ts";
import type { Vault } from "../vault/index.ts";
import { uniquePerson } from "../vault/test-vault.ts";
import { publishAnchorEvent } from "./anchor-events.ts";
import type { DataMap } from "./data-map.ts";
import { placeLegalHold, releaseLegalHold } from "./legal-holds.ts";
import { planSweep, sweepRetention } from "./retention-sweep.ts";

interface NoteRow {
  id: string;
  retain_until: Date | null;
  retention_reason: { code: string; event?: string; at?: string };
}

for (const kind of databaseKinds) {
  describe(`retention engine on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    const agreements: RunningAgreements = { subjects: new Set() };

    before(async () => {
      ({ database, vault, clock, dataMap } = await openEngineTest(kind, agreements));
    });
    after(() => database.close());

    const note = (id: string) =>
      queryRows<NoteRow>(
        database.db,
        sql`select id::text, retain_until, retention_reason from test_notes where id = ${id}`,
      ).then(
        (rows) =>
          // Raw queries return timestamps as text on PGlite and as Date on pg.
          rows.map((row) => ({
            ...row,
            retain_until: row.retain_until === null ? null : new Date(row.retain_until),
          }))[0],
      );
    const insert = async (requestId: string, email = uniquePerson().email) => ({
      email,
      ...(await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        {
          email,
          requestId,
          text: "printer stuk",
        },
      )),
    });
    const publish = (
      event: "request.closed" | "agreement.ended",
      subjectId: string,
      key?: string,
    ) => publishAnchorEvent(database.db, { dataMap, clock }, { event, subjectId, key });

    it("keeps an open request with no end date, naming the event it waits for (contact: until the request is handled)", async () => {
      const { id } = await insert("req-open");
      const row = await note(id);
      assert.equal(row?.retain_until, null);
      assert.equal(row?.retention_reason.code, "awaiting_event");
      assert.equal(row?.retention_reason.event, "request.closed");
    });

    it("starts the 1-year clock when the request is closed, for that request's records only", async () => {
      const person = uniquePerson().email;
      const closed = await insert("req-a", person);
      const open = await insert("req-b", person);
      clock.set("2026-03-01T10:00:00Z");
      await publish("request.closed", closed.subjectId, "req-a");
      const row = await note(closed.id);
      assert.equal(row?.retain_until?.toISOString(), "2027-03-01T10:00:00.000Z");
      assert.deepEqual(
        { code: row?.retention_reason.code, event: row?.retention_reason.event },
        { code: "after_event", event: "request.closed" },
      );
      assert.equal((await note(open.id))?.retain_until, null);
    });

    it("restarts the clock when a later agreement ends (contact: until a resulting agreement ends, and 1 year after)", async () => {
      const { id, subjectId } = await insert("req-c");
      clock.set("2026-04-01T00:00:00Z");
      await publish("request.closed", subjectId, "req-c");
      clock.set("2026-09-15T00:00:00Z");
      await publish("agreement.ended", subjectId);
      const row = await note(id);
      assert.equal(row?.retain_until?.toISOString(), "2027-09-15T00:00:00.000Z");
      assert.equal(row?.retention_reason.event, "agreement.ended");
    });

    it("does not start the clock from an agreement that ended before the request was handled", async () => {
      const { id, subjectId } = await insert("req-d");
      await publish("agreement.ended", subjectId);
      assert.equal((await note(id))?.retain_until, null);
    });

    it("gives a record created after its event the running clock", async () => {
      const first = await insert("req-e");
      clock.set("2026-05-01T00:00:00Z");
      await publish("request.closed", first.subjectId, "req-e");
      const late = await insert("req-e", first.email);
      assert.equal((await note(late.id))?.retain_until?.toISOString(), "2027-05-01T00:00:00.000Z");
    });

    it("sweeps exactly the records past retain_until; a legal hold keeps its own; a dry run changes nothing", async () => {
      await database.db.execute(sql`delete from test_notes`);
      clock.set("2026-01-01T00:00:00Z");
      const expired = await insert("sweep-1");
      const held = await insert("sweep-2");
      const young = await insert("sweep-3");
      const open = await insert("sweep-4");
      await publish("request.closed", expired.subjectId, "sweep-1");
      await publish("request.closed", held.subjectId, "sweep-2");
      clock.set("2026-06-01T00:00:00Z");
      await publish("request.closed", young.subjectId, "sweep-3");
      const hold = await placeLegalHold(database.db, clock, {
        subjectId: held.subjectId,
        reason: "dossier 2026/17 (rechtbank Gent)",
        placedBy: "00000000-0000-4000-8000-000000000001",
      });

      clock.set("2027-01-02T00:00:00Z");
      const plan = await planSweep({ db: database.db, dataMap }, clock.now());
      assert.deepEqual(plan, [
        {
          recordType: "test.note",
          reason: "after_event",
          event: "request.closed",
          due: 1,
          held: 1,
        },
      ]);
      const future = await planSweep(
        { db: database.db, dataMap },
        new Date("2027-06-02T00:00:00Z"),
      );
      assert.equal(future[0]?.due, 2, "--until previews the young record too");
      assert.equal(await countNotes(), 4, "planning deletes nothing");

      const report = await sweepRetention({ db: database.db, dataMap, clock, vault });
      assert.equal(report.byType["test.note"]?.erased, 1);
      assert.equal(report.held, 1);
      assert.equal(await note(expired.id), undefined);
      assert.ok(await note(held.id), "held record stays");
      assert.ok(await note(young.id));
      assert.ok(await note(open.id));
      const keys = await queryRows<{ wrapped_key: string | null }>(
        database.db,
        sql`select wrapped_key from data_keys where subject_id = ${expired.subjectId} and purpose = 'contact'`,
      );
      assert.equal(keys[0]?.wrapped_key, null, "the shred method destroys the purpose key");
      const found = await vault.findSubject(database.db, { email: expired.email });
      assert.equal(found, undefined, "a subject with nothing left is no longer findable");

      await releaseLegalHold(database.db, clock, {
        holdId: hold.id,
        releasedBy: "00000000-0000-4000-8000-000000000001",
      });
      await sweepRetention({ db: database.db, dataMap, clock, vault });
      assert.equal(await note(held.id), undefined, "released hold: next sweep erases it");

      const page = await listAudit(database.db, { action: "retention.sweep", limit: 10 });
      const last = page.entries.at(0);
      assert.equal(last?.recordType, "test.note");
      assert.equal(last?.details.erased, 1);
      assert.equal((await verifyAudit(database.db)).ok, true);
    });

    it("defers a due record while a running agreement keeps it, and says so", async () => {
      clock.set("2026-01-01T00:00:00Z");
      const { id, subjectId } = await insert("agreement-1");
      await publish("request.closed", subjectId, "agreement-1");
      agreements.subjects.add(subjectId);
      clock.set("2027-02-01T00:00:00Z");
      const report = await sweepRetention({ db: database.db, dataMap, clock, vault });
      assert.equal(report.byType["test.note"]?.deferred, 1);
      const row = await note(id);
      assert.equal(row?.retain_until, null);
      assert.equal(row?.retention_reason.code, "while_condition");
      agreements.subjects.delete(subjectId);
    });

    async function countNotes(): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from test_notes`,
      );
      return rows[0]?.n ?? 0;
    }
  });
}
