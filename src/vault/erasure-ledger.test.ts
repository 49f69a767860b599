import assert from "node:assert/strict";
import { appendFile, readFile, stat } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestDatabase, databaseKinds } from "../../test/helpers/database.ts";
import { listAudit } from "../audit/index.ts";
import { type Database, queryRows } from "../core/db/database.ts";
import { ERASED } from "./erased.ts";
import { openTestVault, type TestVault, uniquePerson } from "./test-vault.ts";

interface DataKeyRow {
  subject_id: string;
  purpose: string;
  wrapped_key: string | null;
  master_key_id: string | null;
  created_at: string;
}

for (const kind of databaseKinds) {
  describe(`erasure ledger on ${kind}`, () => {
    let database: Database;
    let testVault: TestVault;

    before(async () => {
      database = await createTestDatabase(kind);
      testVault = await openTestVault(database.db);
    });
    after(() => database.close());

    /** A person with a contact message and an order, both encrypted. */
    async function personWithData() {
      const { vault } = testVault;
      const person = uniquePerson();
      const { subjectId } = await vault.ensureSubject(database.db, person);
      const contact = {
        subjectId,
        purpose: "contact" as const,
        table: "contact_requests",
        column: "message",
        recordId: "c1",
      };
      const order = { ...contact, purpose: "orders" as const, table: "orders", recordId: "o1" };
      const contactText = await vault.encryptField(database.db, { ...contact, value: "Bel me" });
      const orderText = await vault.encryptField(database.db, { ...order, value: "Laptop" });
      return { person, subjectId, contact, order, contactText, orderText };
    }

    const dataKeyRow = async (subjectId: string, purpose: string) =>
      (
        await queryRows<DataKeyRow>(
          database.db,
          sql`select subject_id, purpose, wrapped_key, master_key_id, created_at::text as created_at
              from data_keys where subject_id = ${subjectId} and purpose = ${purpose}`,
        )
      )[0];

    /** What restoring an older backup does to one key: the wrapped key is back. */
    async function restoreRow(row: DataKeyRow) {
      await database.db.execute(
        sql`delete from data_keys where subject_id = ${row.subject_id} and purpose = ${row.purpose}`,
      );
      await database.db.execute(
        sql`insert into data_keys (subject_id, purpose, wrapped_key, master_key_id, created_at)
            values (${row.subject_id}, ${row.purpose}, ${row.wrapped_key}, ${row.master_key_id}, ${row.created_at}::timestamptz)`,
      );
    }

    it("writes each shred as one line of ids only, to a file only its owner can read", async () => {
      const { vault, clock } = testVault;
      const { person, subjectId } = await personWithData();
      await vault.shred(database.db, { subjectId, purpose: "contact", reason: "rights.erasure" });
      const text = await readFile(vault.erasureLedgerPath, "utf8");
      const last = JSON.parse(text.trimEnd().split("\n").at(-1) ?? "{}");
      assert.deepEqual(last, {
        at: clock.now().toISOString(),
        subjectId,
        purpose: "contact",
        reason: "rights.erasure",
      });
      assert.equal(text.toLowerCase().includes(person.email.toLowerCase()), false);
      assert.equal((await stat(vault.erasureLedgerPath)).mode & 0o777, 0o600);
    });

    it("re-shreds a key that a restored backup brought back, and only that one", async () => {
      const { vault, clock } = testVault;
      const { subjectId, contact, order, contactText, orderText } = await personWithData();
      const backup = await dataKeyRow(subjectId, "contact");
      assert.ok(backup?.wrapped_key);
      clock.advance(60_000);
      await vault.shred(database.db, { subjectId, purpose: "contact", reason: "rights.erasure" });
      assert.equal(
        await vault.decryptField(database.db, { ...contact, ciphertext: contactText }),
        ERASED,
      );

      await restoreRow(backup);
      assert.equal(
        await vault.decryptField(database.db, { ...contact, ciphertext: contactText }),
        "Bel me",
        "the restored key reads again, which is what the replay must undo",
      );
      const report = await vault.replayErasureLedger(database.db);
      assert.ok(report.reshredded >= 1);
      assert.equal(
        await vault.decryptField(database.db, { ...contact, ciphertext: contactText }),
        ERASED,
      );
      assert.equal(
        await vault.decryptField(database.db, { ...order, ciphertext: orderText }),
        "Laptop",
      );
      assert.equal((await dataKeyRow(subjectId, "contact"))?.wrapped_key, null);
      const audited = await listAudit(database.db, { subjectId, action: "vault.shred", limit: 10 });
      assert.deepEqual(
        audited.entries.map((entry) => [entry.actorId, entry.details.replayed ?? false]),
        [
          ["erasure-ledger.replay", true],
          [null, false],
        ],
        "the erasure destroyed again is audited, next to the original shred",
      );

      const again = await vault.replayErasureLedger(database.db);
      assert.equal(again.reshredded, 0);
    });

    it("keeps a key created after the shred (the person came back)", async () => {
      const { vault, clock } = testVault;
      const { subjectId, contact } = await personWithData();
      await vault.shred(database.db, {
        subjectId,
        purpose: "contact",
        reason: "retention.contact",
      });
      clock.advance(60_000);
      const fresh = await vault.encryptField(database.db, { ...contact, value: "Nieuwe vraag" });
      await vault.replayErasureLedger(database.db);
      assert.equal(
        await vault.decryptField(database.db, { ...contact, ciphertext: fresh }),
        "Nieuwe vraag",
      );
    });

    it("skips a last line cut short by a crash and reports progress", async () => {
      const { vault } = testVault;
      const { subjectId } = await personWithData();
      await vault.shred(database.db, { subjectId, purpose: "orders", reason: "retention.orders" });
      await appendFile(vault.erasureLedgerPath, '{"at":"2026-01-01T09:00:00.000Z","subj');
      const progress: number[] = [];
      const report = await vault.replayErasureLedger(database.db, {
        batchSize: 2,
        onProgress: ({ done }) => progress.push(done),
      });
      assert.equal(report.unreadable, 1);
      assert.equal(progress.at(-1), report.entries);
    });
  });
}
