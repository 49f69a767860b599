import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { asc, sql } from "drizzle-orm";
import type pg from "pg";
import { createTestDatabase, databaseKinds } from "../../test/helpers/database.ts";
import { tamperWithAuditLog } from "../../test/helpers/tamper.ts";
import { type FakeClock, fakeClock } from "../core/clock.ts";
import { type Database, type Db, openPostgres } from "../core/db/database.ts";
import { auditHead, auditLog } from "./audit.tables.ts";
import { GENESIS_HASH } from "./hash-audit-entry.ts";
import {
  type AuditEntryInput,
  appendAudit,
  listAudit,
  recordStaffRead,
  verifyAudit,
} from "./index.ts";

const subjectA = "0b6f6c1e-3f7a-4a8e-9c61-2d1f0c9a7b01";
const subjectB = "5d2c9e40-8a17-4f3b-b1c2-7e6f5a4d3c02";
const staffId = "9a1e7c55-0d4b-4e2f-8f3a-6b5c4d3e2f03";

function entry(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    actor: { type: "staff", id: staffId },
    action: "subject.read",
    subjectId: subjectA,
    recordType: "customer",
    recordId: "c-1",
    purpose: "customers",
    details: { fields: 3 },
    ...overrides,
  };
}

export async function appendMany(
  db: Db,
  clock: FakeClock,
  count: number,
  make = (_: number) => entry(),
) {
  for (let index = 0; index < count; index += 1) {
    clock.advance(1_000);
    await appendAudit(db, { clock, entry: make(index) });
  }
}

async function head(db: Db) {
  return db.select().from(auditHead);
}

for (const kind of databaseKinds) {
  describe(`audit log on ${kind}`, () => {
    let database: Database;
    let db: Db;
    let clock: FakeClock;

    before(async () => {
      database = await createTestDatabase(kind);
      db = database.db;
    });
    after(async () => {
      await database.close();
    });
    // Tamper tests break the chain on purpose; every test starts from an empty log.
    beforeEach(async () => {
      clock = fakeClock();
      await tamperWithAuditLog(db, sql`delete from audit_log`);
      await db.delete(auditHead);
    });

    it("chains entries: each covers the previous entry's hash", async () => {
      await appendMany(db, clock, 3);
      const rows = await db.select().from(auditLog).orderBy(asc(auditLog.seq));
      assert.deepEqual(
        rows.map((row) => row.seq),
        [1, 2, 3],
      );
      assert.equal(rows[0]?.prevHash, GENESIS_HASH);
      assert.equal(rows[1]?.prevHash, rows[0]?.hash);
      assert.equal(rows[2]?.prevHash, rows[1]?.hash);
      assert.deepEqual(await head(db), [{ id: 1, seq: 3, hash: rows[2]?.hash }]);
      assert.deepEqual(await verifyAudit(db), { ok: true, entries: 3 });
    });

    it("commits or rolls back with the caller's transaction", async () => {
      await appendMany(db, clock, 1);
      const before = await head(db);
      await assert.rejects(
        db.transaction(async (tx) => {
          await appendAudit(tx, { clock, entry: entry({ action: "vault.shred" }) });
          throw new Error("the audited change failed");
        }),
        /the audited change failed/,
      );
      assert.deepEqual(await head(db), before);
      assert.equal((await db.select().from(auditLog)).length, 1);

      await db.transaction(async (tx) => {
        await appendAudit(tx, { clock, entry: entry({ action: "vault.shred" }) });
      });
      const page = await listAudit(db, { limit: 10 });
      assert.deepEqual(
        page.entries.map((row) => [row.seq, row.action]),
        [
          [2, "vault.shred"],
          [1, "subject.read"],
        ],
      );
      assert.deepEqual(await verifyAudit(db), { ok: true, entries: 2 });
    });

    it("records which staff member read whose record, for which purpose", async () => {
      const subjectId = "6f1c2d3e-4b5a-4c6d-8e7f-001122334455";
      const staffId = "0a1b2c3d-4e5f-4a6b-8c7d-998877665544";
      await recordStaffRead(db, clock, {
        staffId,
        subjectId,
        recordType: "customer_dossier",
        recordId: "dossier-17",
        purpose: "customer_dossier",
      });
      const { entries } = await listAudit(db, { subjectId, limit: 10 });
      assert.equal(entries.length, 1);
      assert.equal(entries[0]?.action, "subject.read");
      assert.equal(entries[0]?.actorId, staffId);
      assert.equal(entries[0]?.recordId, "dossier-17");
      assert.equal(entries[0]?.at.toISOString(), clock.now().toISOString());
    });

    it("refuses to change or remove an entry from the application", async () => {
      await appendMany(db, clock, 2);
      // drizzle wraps the database's error; the reason is in its cause.
      const appendOnly = (error: Error) =>
        /append-only/.test(String((error.cause as Error)?.message));
      await assert.rejects(
        db.execute(sql`update audit_log set action = 'subject.export' where seq = 1`),
        appendOnly,
      );
      await assert.rejects(db.execute(sql`delete from audit_log where seq = 2`), appendOnly);
      assert.deepEqual(await verifyAudit(db), { ok: true, entries: 2 });
    });

    it("names a changed entry as the first broken one", async () => {
      await appendMany(db, clock, 5);
      await tamperWithAuditLog(
        db,
        sql`update audit_log set details = '{"fields": 4}' where seq = 3`,
      );
      assert.deepEqual(await verifyAudit(db), {
        ok: false,
        entries: 2,
        firstBrokenSeq: 3,
        reason: "hash mismatch",
      });

      await tamperWithAuditLog(
        db,
        sql`update audit_log set details = '{"fields": 3}' where seq = 3`,
      );
      assert.equal((await verifyAudit(db)).ok, true);
      await tamperWithAuditLog(
        db,
        sql`update audit_log set action = 'subject.export' where seq = 4`,
      );
      assert.deepEqual(await verifyAudit(db, { batchSize: 2 }), {
        ok: false,
        entries: 3,
        firstBrokenSeq: 4,
        reason: "hash mismatch",
      });
    });

    it("names a removed entry as a sequence gap and a cut-off tail as a head mismatch", async () => {
      await appendMany(db, clock, 5);
      await tamperWithAuditLog(db, sql`delete from audit_log where seq = 5`);
      assert.deepEqual(await verifyAudit(db), {
        ok: false,
        entries: 4,
        firstBrokenSeq: 5,
        reason: "head mismatch",
      });
      await tamperWithAuditLog(db, sql`delete from audit_log where seq = 2`);
      assert.deepEqual(await verifyAudit(db), {
        ok: false,
        entries: 1,
        firstBrokenSeq: 2,
        reason: "sequence gap",
      });
    });

    it("names a re-linked entry and a rewritten head", async () => {
      await appendMany(db, clock, 3);
      await db.execute(sql`update audit_head set hash = ${"f".repeat(64)}`);
      assert.deepEqual(await verifyAudit(db), {
        ok: false,
        entries: 3,
        firstBrokenSeq: 3,
        reason: "head mismatch",
      });
      await tamperWithAuditLog(
        db,
        sql`update audit_log set prev_hash = ${GENESIS_HASH} where seq = 2`,
      );
      assert.deepEqual(await verifyAudit(db), {
        ok: false,
        entries: 1,
        firstBrokenSeq: 2,
        reason: "previous hash mismatch",
      });
    });

    it("keeps one valid chain under 50 concurrent appends", async () => {
      const writers: Db[] = [db];
      let second: Database | undefined;
      if (kind === "postgres") {
        // A second pool stands in for a second server process on the same database.
        const client = (db as unknown as { $client: pg.Pool }).$client;
        const url = client.options.connectionString;
        assert.ok(url);
        second = await openPostgres(url, 4);
        writers.push(second.db);
      }
      try {
        await Promise.all(
          Array.from({ length: 50 }, (_, index) =>
            appendAudit(writers[index % writers.length] as Db, {
              clock,
              entry: entry({ recordId: `c-${index}` }),
            }),
          ),
        );
      } finally {
        await second?.close();
      }
      const rows = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(asc(auditLog.seq));
      assert.deepEqual(
        rows.map((row) => row.seq),
        Array.from({ length: 50 }, (_, index) => index + 1),
      );
      assert.deepEqual(await verifyAudit(db, { batchSize: 7 }), { ok: true, entries: 50 });
    });

    it("refuses personal data in details and stores nothing", async () => {
      await assert.rejects(
        appendAudit(db, { clock, entry: entry({ details: { reference: "an@example.be" } }) }),
        /looks like an e-mail address/,
      );
      await assert.rejects(
        appendAudit(db, { clock, entry: entry({ details: { email: "hidden" } }) }),
        /key "email" is personal/,
      );
      await assert.rejects(
        appendAudit(db, { clock, entry: entry({ recordId: "an@example.be" }) }),
        /recordId may not hold personal data/,
      );
      await assert.rejects(
        appendAudit(db, { clock, entry: entry({ action: "Read customer" }) }),
        /dotted lower case/,
      );
      assert.equal((await db.select().from(auditLog)).length, 0);
    });

    it("stores an upper-case subject id so that the chain still verifies", async () => {
      await appendAudit(db, { clock, entry: entry({ subjectId: subjectA.toUpperCase() }) });
      assert.deepEqual(await verifyAudit(db), { ok: true, entries: 1 });
    });

    it("lists newest first, filters and pages by sequence number", async () => {
      await appendMany(db, clock, 6, (index) =>
        entry({
          action: index % 2 === 0 ? "subject.read" : "staff.login",
          subjectId: index < 3 ? subjectA : subjectB,
          actor: index === 5 ? { type: "system", id: "retention-sweep" } : entry().actor,
          recordType: index === 4 ? "order" : "customer",
        }),
      );
      const seqs = (page: { entries: { seq: number }[] }) => page.entries.map((row) => row.seq);

      const first = await listAudit(db, { limit: 4 });
      assert.deepEqual(seqs(first), [6, 5, 4, 3]);
      assert.equal(first.nextBeforeSeq, 3);
      const second = await listAudit(db, { limit: 4, beforeSeq: 3 });
      assert.deepEqual(seqs(second), [2, 1]);
      assert.equal(second.nextBeforeSeq, null);

      assert.deepEqual(seqs(await listAudit(db, { limit: 10, action: "staff.login" })), [6, 4, 2]);
      assert.deepEqual(seqs(await listAudit(db, { limit: 10, action: "staff.*" })), [6, 4, 2]);
      assert.deepEqual(seqs(await listAudit(db, { limit: 10, subjectId: subjectB })), [6, 5, 4]);
      assert.deepEqual(seqs(await listAudit(db, { limit: 10, actorId: "retention-sweep" })), [6]);
      assert.deepEqual(seqs(await listAudit(db, { limit: 10, recordType: "order" })), [5]);
      assert.deepEqual(
        seqs(
          await listAudit(db, {
            limit: 10,
            from: new Date("2026-01-01T09:00:02Z"),
            to: new Date("2026-01-01T09:00:04Z"),
            action: "subject.read",
          }),
        ),
        [3],
      );
      assert.deepEqual(seqs(await listAudit(db, { limit: 10, subjectId: "not-a-uuid" })), []);
      await assert.rejects(listAudit(db, { limit: 0 }), RangeError);
    });
  });
}
