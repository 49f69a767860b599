import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../test/helpers/database.ts";
import {
  extraTestType,
  insertTestNote,
  insertTestRow,
  openEngineTest,
  type RunningAgreements,
} from "../../test/helpers/test-record-type.ts";
import type { FakeClock } from "../core/clock.ts";
import { type Database, queryRows } from "../core/db/database.ts";
import type { Vault } from "../vault/index.ts";
import { uniquePerson } from "../vault/test-vault.ts";
import { publishAnchorEvent } from "./anchor-events.ts";
import type { DataMap } from "./data-map.ts";
import { eraseSubject } from "./erase-subject.ts";
import { exportPackageRecordType } from "./export-package.records.ts";
import { objectToProcessing, PurposeChoiceError } from "./object-to-processing.ts";
import { mayProcess } from "./processing-restrictions.ts";

const subscriber = extraTestType("subscriber");
const reply = extraTestType("reply");
const teamviewer = extraTestType("teamviewer");
const staff = { type: "staff" as const, id: "00000000-0000-4000-8000-0000000000bb" };

interface Row {
  retain_until: Date | string | null;
  retention_reason: { code: string; event?: string };
}

for (const kind of databaseKinds) {
  describe(`records never stuck, copies never left behind, on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    const agreements: RunningAgreements = { subjects: new Set() };

    before(async () => {
      ({ database, vault, clock, dataMap } = await openEngineTest(kind, agreements, [
        subscriber,
        reply,
        teamviewer,
        exportPackageRecordType,
      ]));
    });
    after(() => database.close());

    const rowOf = async (table: string, id: string) =>
      (
        await queryRows<Row>(
          database.db,
          sql`select retain_until, retention_reason from ${sql.identifier(table)} where id = ${id}`,
        )
      )[0];
    const person = async () => {
      const { subjectId } = await vault.ensureSubject(database.db, uniquePerson());
      return subjectId;
    };
    const publish = (
      event: "newsletter.unsubscribed" | "customer.ended" | "request.closed" | "agreement.ended",
      subjectId: string,
      key?: string,
    ) => publishAnchorEvent(database.db, { dataMap, clock }, { event, subjectId, key });

    it("a customer who unsubscribed gets 6 months from the end of the last agreement (newsletter: customers kept while their service runs)", async () => {
      const subjectId = await person();
      clock.set("2026-01-10T00:00:00Z");
      const id = await insertTestRow(
        database.db,
        { vault, dataMap, now: clock.now() },
        subscriber,
        {
          subjectId,
          requestId: "list",
        },
      );
      agreements.subjects.add(subjectId);
      await publish("newsletter.unsubscribed", subjectId);
      assert.equal((await rowOf("test_subscribers", id))?.retention_reason.code, "while_condition");
      clock.set("2026-03-01T00:00:00Z");
      agreements.subjects.delete(subjectId);
      await publish("customer.ended", subjectId);
      const row = await rowOf("test_subscribers", id);
      assert.equal(row?.retention_reason.code, "after_event");
      // The policy restarts the clock on customer.ended: 6 months from 1 March, not from January.
      assert.equal(new Date(row?.retain_until ?? 0).toISOString(), "2026-09-01T00:00:00.000Z");
    });

    it("an agreement ending under its own key restarts the contact clock of every request of that person", async () => {
      clock.set("2026-01-01T00:00:00Z");
      const note = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        {
          email: uniquePerson().email,
          requestId: "req-1",
        },
      );
      await publish("request.closed", note.subjectId, "req-1");
      clock.set("2026-08-01T00:00:00Z");
      await publish("agreement.ended", note.subjectId, "agreement-42");
      const row = await rowOf("test_notes", note.id);
      assert.equal(new Date(row?.retain_until ?? 0).toISOString(), "2027-08-01T00:00:00.000Z");
    });

    it("shreds the purpose key once the person's last contact record goes, whatever each record type's method", async () => {
      const note = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        {
          email: uniquePerson().email,
          requestId: "mixed",
          text: "vertrouwelijk",
        },
      );
      await insertTestRow(database.db, { vault, dataMap, now: clock.now() }, reply, {
        subjectId: note.subjectId,
        requestId: "mixed",
      });
      await eraseSubject(
        { db: database.db, dataMap, vault, clock },
        { subjectId: note.subjectId, scope: { recordTypes: ["test.note"] }, actor: staff },
      );
      assert.equal(await liveKey(note.subjectId, "contact"), true, "the reply still needs it");
      await eraseSubject(
        { db: database.db, dataMap, vault, clock },
        { subjectId: note.subjectId, scope: { recordTypes: ["test.reply"] }, actor: staff },
      );
      assert.equal(await liveKey(note.subjectId, "contact"), false);
    });

    it("erases an access package, a copy of everything, with any erasure, and shreds its key", async () => {
      const note = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        {
          email: uniquePerson().email,
          requestId: "copy",
          text: "kopie",
        },
      );
      const packageId = crypto.randomUUID();
      const blob = await vault.encryptBytes(database.db, {
        subjectId: note.subjectId,
        purpose: "rights",
        table: "export_packages",
        column: "zip_ciphertext",
        recordId: packageId,
        value: Buffer.from("zip"),
      });
      const later = new Date(clock.now().getTime() + 7 * 86_400_000);
      await database.db.execute(sql`
        insert into export_packages (id, subject_id, retain_until, retention_reason, token_hash,
          locale, created_at, expires_at, zip_ciphertext, report_ciphertext, pdf_ciphertext)
        values (${packageId}, ${note.subjectId}, ${later}, '{"code":"expires"}'::jsonb,
          ${packageId}, 'nl', ${clock.now()}, ${later}, ${blob}, ${blob}, ${blob})`);
      const results = await eraseSubject(
        { db: database.db, dataMap, vault, clock },
        { subjectId: note.subjectId, scope: { purposes: ["contact"] }, actor: staff },
      );
      assert.equal(
        results.find((result) => result.recordType.id === "rights.export_package")?.erased,
        1,
      );
      assert.equal(await liveKey(note.subjectId, "rights"), false);
    });

    it("remembers an objection after the person's last record is gone, and refuses one to a legal obligation", async () => {
      const { email } = uniquePerson();
      const { subjectId } = await vault.ensureSubject(database.db, { email });
      await insertTestRow(database.db, { vault, dataMap, now: clock.now() }, teamviewer, {
        subjectId,
        requestId: "tv",
        topic: "123 456 789",
      });
      await objectToProcessing(
        { db: database.db, dataMap, vault, clock },
        { subjectId, purpose: "support", actor: { type: "subject", id: subjectId } },
      );
      const again = await vault.findSubject(database.db, { email });
      assert.equal(again, subjectId, "the same person is recognised when they come back");
      assert.equal(
        (await mayProcess(database.db, { subjectId, purpose: "support" })).allowed,
        false,
      );
      await assert.rejects(
        objectToProcessing(
          { db: database.db, dataMap, vault, clock },
          { subjectId, purpose: "orders", actor: staff },
        ),
        PurposeChoiceError,
      );
    });

    it("never shreds a key under a record another transaction is writing (PostgreSQL, two connections)", async (t) => {
      if (kind !== "postgres") return t.skip("one connection on PGlite: nothing runs concurrently");
      const { email } = uniquePerson();
      const note = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        {
          email,
          requestId: "race",
          text: "eerste",
        },
      );
      await insertTestRow(database.db, { vault, dataMap, now: clock.now() }, reply, {
        subjectId: note.subjectId,
        requestId: "race",
      });
      await eraseSubject(
        { db: database.db, dataMap, vault, clock },
        { subjectId: note.subjectId, scope: { recordTypes: ["test.note"] }, actor: staff },
      );
      let releaseWriter = () => {};
      const writerMayCommit = new Promise<void>((resolve) => {
        releaseWriter = resolve;
      });
      let written: { id: string } | undefined;
      let wroteRow = () => {};
      const rowWritten = new Promise<void>((resolve) => {
        wroteRow = resolve;
      });
      const writer = database.db.transaction(async (tx) => {
        written = await insertTestNote(
          tx,
          { vault, dataMap, now: clock.now() },
          {
            email,
            requestId: "race-2",
            text: "tweede",
          },
        );
        wroteRow();
        await writerMayCommit;
      });
      await rowWritten;
      const erasure = eraseSubject(
        { db: database.db, dataMap, vault, clock },
        { subjectId: note.subjectId, scope: { recordTypes: ["test.reply"] }, actor: staff },
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      releaseWriter();
      await Promise.all([writer, erasure]);
      assert.equal(await liveKey(note.subjectId, "contact"), true);
      const stored = await queryRows<{ note_ciphertext: string }>(
        database.db,
        sql`select note_ciphertext from test_notes where id = ${written?.id ?? ""}`,
      );
      const text = await vault.decryptField(database.db, {
        subjectId: note.subjectId,
        purpose: "contact",
        table: "test_notes",
        column: "note_ciphertext",
        recordId: written?.id ?? "",
        ciphertext: stored[0]?.note_ciphertext ?? "",
      });
      assert.equal(text, "tweede");
    });

    async function liveKey(subjectId: string, purpose: string): Promise<boolean> {
      const rows = await queryRows<{ wrapped_key: string | null }>(
        database.db,
        sql`select wrapped_key from data_keys where subject_id = ${subjectId} and purpose = ${purpose}`,
      );
      return rows.some((row) => row.wrapped_key !== null);
    }
  });
}
