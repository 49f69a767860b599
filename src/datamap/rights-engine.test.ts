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
import { listAudit, verifyAudit } from "../audit/index.ts";
import type { FakeClock } from "../core/clock.ts";
import { type Database, queryRows } from "../core/db/database.ts";
import type { Vault } from "../vault/index.ts";
import { isErased } from "../vault/index.ts";
import { uniquePerson } from "../vault/test-vault.ts";
import { publishAnchorEvent } from "./anchor-events.ts";
import type { DataMap } from "./data-map.ts";
import { eraseSubject } from "./erase-subject.ts";
import { placeLegalHold } from "./legal-holds.ts";
import { objectToProcessing, withdrawConsent } from "./object-to-processing.ts";
import { mayProcess } from "./processing-restrictions.ts";
import { findSubjectRecords, readRecord } from "./read-subject-records.ts";
import { openRectifiedValue, RectificationError, rectifyRecord } from "./rectify-record.ts";

const staff = { type: "staff" as const, id: "00000000-0000-4000-8000-0000000000aa" };
const invoice = extraTestType("invoice");
const teamviewer = extraTestType("teamviewer");
const dossier = extraTestType("dossier");

for (const kind of databaseKinds) {
  describe(`rights engine on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    const agreements: RunningAgreements = { subjects: new Set() };

    before(async () => {
      ({ database, vault, clock, dataMap } = await openEngineTest(kind, agreements, [
        invoice,
        teamviewer,
        dossier,
      ]));
    });
    after(() => database.close());

    const deps = () => ({ db: database.db, dataMap, vault, clock });

    /** A person with one record of every test type: a note, an invoice, a TeamViewer ID, a dossier item. */
    async function personWithEverything() {
      const { email } = uniquePerson();
      const note = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        { email, requestId: "r1", topic: "offerte", text: "Mijn printer is stuk" },
      );
      const { subjectId } = note;
      const now = clock.now();
      const rows = {
        invoice: await insertTestRow(database.db, { vault, dataMap, now }, invoice, {
          subjectId,
          requestId: "order-1",
        }),
        teamviewer: await insertTestRow(database.db, { vault, dataMap, now }, teamviewer, {
          subjectId,
          requestId: "tv",
          topic: "123 456 789",
        }),
        dossier: await insertTestRow(database.db, { vault, dataMap, now }, dossier, {
          subjectId,
          requestId: "d",
        }),
      };
      return { email, subjectId, noteId: note.id, ...rows };
    }

    const count = async (table: string, subjectId: string) =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from ${sql.identifier(table)} where subject_id = ${subjectId}`,
        )
      )[0]?.n ?? 0;

    it("finds a subject by e-mail and returns, per record type, the records held with their fields decrypted", async () => {
      const person = await personWithEverything();
      const found = await findSubjectRecords(deps(), { email: person.email.toUpperCase() });
      assert.equal(found?.subjectId, person.subjectId);
      const byId = new Map(found?.byType.map((entry) => [entry.recordType.id, entry.records]));
      assert.deepEqual([...byId.keys()].sort(), [
        "test.dossier",
        "test.invoice",
        "test.note",
        "test.teamviewer",
      ]);
      const [note] = byId.get("test.note") ?? [];
      assert.equal(note?.values.note_ciphertext, "Mijn printer is stuk");
      assert.equal(note?.values.topic, "offerte");
      assert.equal(byId.get("test.teamviewer")?.[0]?.values.topic, "123 456 789");
      assert.equal(await findSubjectRecords(deps(), { email: uniquePerson().email }), undefined);
    });

    it("erases what it may and keeps an invoice under its 7-year legal obligation, restricted to that use", async () => {
      const person = await personWithEverything();
      clock.set("2026-02-01T00:00:00Z");
      await publishAnchorEvent(
        database.db,
        { dataMap, clock },
        {
          event: "order.completed",
          subjectId: person.subjectId,
          key: "order-1",
        },
      );
      const results = await eraseSubject(deps(), { subjectId: person.subjectId, actor: staff });
      const byId = new Map(results.map((result) => [result.recordType.id, result]));
      assert.equal(byId.get("test.note")?.erased, 1);
      assert.equal(byId.get("test.teamviewer")?.erased, 1);
      assert.equal(byId.get("test.dossier")?.erased, 1);
      const kept = byId.get("test.invoice");
      assert.equal(kept?.kept, 1);
      assert.equal(kept?.restricted, true);
      assert.deepEqual(kept?.keptBecause?.kind, "legal_obligation");
      if (kept?.keptBecause?.kind === "legal_obligation") {
        assert.equal(kept.keptBecause.until?.toISOString(), "2033-02-01T00:00:00.000Z");
      }
      assert.equal(await count("test_notes", person.subjectId), 0);
      assert.equal(await count("test_invoices", person.subjectId), 1);
      assert.deepEqual(
        await mayProcess(database.db, { subjectId: person.subjectId, purpose: "orders" }),
        {
          allowed: false,
          because: "restriction",
          restrictionId: await restrictionId(person.subjectId),
        },
      );
      assert.deepEqual(
        await mayProcess(database.db, {
          subjectId: person.subjectId,
          purpose: "orders",
          use: "legal_obligation",
        }),
        { allowed: true },
      );
      const keys = await queryRows<{ purpose: string; wrapped_key: string | null }>(
        database.db,
        sql`select purpose, wrapped_key from data_keys where subject_id = ${person.subjectId}`,
      );
      assert.equal(keys.find((key) => key.purpose === "contact")?.wrapped_key, null);
      assert.ok(
        await vault.findSubject(database.db, { email: person.email }),
        "still findable: the invoice is still held",
      );
      const audit = await listAudit(database.db, { action: "rights.erasure", limit: 10 });
      assert.ok(
        audit.entries.some(
          (entry) => entry.recordType === "test.invoice" && entry.details.kept === 1,
        ),
      );
      assert.equal((await verifyAudit(database.db)).ok, true);
    });

    it("keeps the dossier while an agreement runs and everything under a legal hold, saying why", async () => {
      const person = await personWithEverything();
      agreements.subjects.add(person.subjectId);
      await placeLegalHold(database.db, clock, {
        recordType: "test.note",
        subjectId: person.subjectId,
        reason: "klacht 2026-04",
        placedBy: staff.id,
      });
      const results = await eraseSubject(deps(), { subjectId: person.subjectId, actor: staff });
      const byId = new Map(results.map((result) => [result.recordType.id, result]));
      assert.equal(byId.get("test.dossier")?.keptBecause?.kind, "running_agreement");
      assert.equal(byId.get("test.note")?.keptBecause?.kind, "legal_hold");
      assert.equal(await count("test_dossiers", person.subjectId), 1);
      assert.equal(await count("test_notes", person.subjectId), 1);
      const [note] =
        (await findSubjectRecords(deps(), { email: person.email }))?.byType.find(
          (entry) => entry.recordType.id === "test.note",
        )?.records ?? [];
      assert.equal(
        note?.values.note_ciphertext,
        "Mijn printer is stuk",
        "its key was not shredded",
      );
      agreements.subjects.delete(person.subjectId);
    });

    it("erases nothing outside the scope of a request", async () => {
      const person = await personWithEverything();
      const results = await eraseSubject(deps(), {
        subjectId: person.subjectId,
        scope: { purposes: ["contact"] },
        actor: staff,
      });
      assert.deepEqual(
        results.map((result) => result.recordType.id),
        ["test.note"],
      );
      assert.equal(await count("test_dossiers", person.subjectId), 1);
    });

    it("an objection erases the TeamViewer ID kept 'as long as you do not object' and stops support processing", async () => {
      const person = await personWithEverything();
      await objectToProcessing(deps(), {
        subjectId: person.subjectId,
        purpose: "support",
        actor: { type: "subject", id: person.subjectId },
      });
      assert.equal(await count("test_teamviewers", person.subjectId), 0);
      const decision = await mayProcess(database.db, {
        subjectId: person.subjectId,
        purpose: "support",
      });
      assert.equal(decision.allowed, false);
      assert.equal(decision.allowed === false && decision.because, "objection");
      assert.deepEqual(
        await mayProcess(database.db, { subjectId: person.subjectId, purpose: "contact" }),
        { allowed: true },
      );
    });

    it("a withdrawn consent stops the newsletter purpose only", async () => {
      const person = await personWithEverything();
      await withdrawConsent(deps(), {
        subjectId: person.subjectId,
        purpose: "newsletter",
        actor: { type: "subject", id: person.subjectId },
      });
      const decision = await mayProcess(database.db, {
        subjectId: person.subjectId,
        purpose: "newsletter",
      });
      assert.equal(decision.allowed === false && decision.because, "consent_withdrawn");
      assert.equal(
        (await mayProcess(database.db, { subjectId: person.subjectId, purpose: "contact" }))
          .allowed,
        true,
      );
    });

    it("rectifies a declared editable field, encrypted fields stay encrypted, and the audit keeps old and new values sealed", async () => {
      const person = await personWithEverything();
      await rectifyRecord(
        { ...deps() },
        {
          recordType: "test.note",
          recordId: person.noteId,
          field: "note_ciphertext",
          value: "Mijn scanner is stuk",
          actor: staff,
        },
      );
      const record = await readRecord(deps(), dataMap.require("test.note"), person.noteId);
      assert.equal(record?.values.note_ciphertext, "Mijn scanner is stuk");
      const stored = await queryRows<{ note_ciphertext: string }>(
        database.db,
        sql`select note_ciphertext from test_notes where id = ${person.noteId}`,
      );
      assert.match(stored[0]?.note_ciphertext ?? "", /^v2\./);
      const [entry] = (await listAudit(database.db, { action: "rights.rectification", limit: 1 }))
        .entries;
      assert.equal(entry?.details.field, "note_ciphertext");
      assert.doesNotMatch(JSON.stringify(entry?.details), /printer|scanner/);
      const before = await openRectifiedValue(vault, deps(), {
        subjectId: person.subjectId,
        recordType: "test.note",
        recordId: person.noteId,
        column: "rectified_from",
        ciphertext: String(entry?.details.before),
      });
      assert.equal(before, "Mijn printer is stuk");

      await assert.rejects(
        rectifyRecord(deps(), {
          recordType: "test.note",
          recordId: person.noteId,
          field: "request_id",
          value: "x",
          actor: staff,
        }),
        RectificationError,
      );

      await eraseSubject(deps(), {
        subjectId: person.subjectId,
        scope: { purposes: ["contact"] },
        actor: staff,
      });
      const afterErasure = await vault.decryptField(database.db, {
        subjectId: person.subjectId,
        purpose: "contact",
        table: "audit_log",
        column: "rectified_from",
        recordId: person.noteId,
        ciphertext: String(entry?.details.before),
      });
      assert.ok(isErased(afterErasure), "the audit's sealed values go with the person's key");
    });

    async function restrictionId(subjectId: string): Promise<string> {
      const rows = await queryRows<{ id: string }>(
        database.db,
        sql`select id::text from processing_restrictions where subject_id = ${subjectId} and kind = 'restriction'`,
      );
      return rows[0]?.id ?? "";
    }
  });
}
