import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { createTestDatabase, databaseKinds } from "../../test/helpers/database.ts";
import { listAudit } from "../audit/index.ts";
import { fakeClock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import type { Database } from "../core/db/database.ts";
import { queryRows } from "../core/db/database.ts";
import { ERASED, isErased } from "./erased.ts";
import { type VaultPurpose, vaultPurposes } from "./purposes.ts";
import { openTestVault, uniquePerson } from "./test-vault.ts";
import { subjects } from "./vault.tables.ts";
import { type FieldPlace, openVault, type Vault } from "./vault.ts";
import { VaultIntegrityError } from "./vault-integrity-error.ts";

const numRuns = 200;

for (const kind of databaseKinds) {
  describe(`vault on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let config: Config;
    let subjectId: string;

    before(async () => {
      database = await createTestDatabase(kind);
      ({ vault, config } = await openTestVault(database.db));
      ({ subjectId } = await vault.ensureSubject(database.db, uniquePerson()));
    });
    after(() => database.close());

    const place = (overrides: Partial<FieldPlace> = {}): FieldPlace => ({
      subjectId,
      purpose: "contact",
      table: "contact_requests",
      column: "message",
      recordId: "r1",
      ...overrides,
    });

    it("round-trips any Unicode string, the empty one included", async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: "binary" }), fc.uuid(), async (value, recordId) => {
          const field = place({ recordId });
          const ciphertext = await vault.encryptField(database.db, { ...field, value });
          assert.match(ciphertext, /^v2\.[A-Za-z0-9_-]+$/);
          assert.equal(await vault.decryptField(database.db, { ...field, ciphertext }), value);
        }),
        { numRuns },
      );
    });

    it("round-trips any bytes", async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
          const field = place({ column: "attachment" });
          const value = Buffer.from(bytes);
          const ciphertext = await vault.encryptBytes(database.db, { ...field, value });
          const plaintext = await vault.decryptBytes(database.db, { ...field, ciphertext });
          assert.ok(Buffer.isBuffer(plaintext));
          assert.ok(plaintext.equals(value));
        }),
        { numRuns },
      );
    });

    it("refuses a ciphertext moved to another table, column or record", async () => {
      const places = fc.record({
        table: fc.constantFrom("contact_requests", "orders", "t"),
        column: fc.constantFrom("message", "name", "c"),
        recordId: fc.constantFrom("r1", "r2", "1"),
      });
      await fc.assert(
        fc.asyncProperty(fc.string(), places, places, async (value, from, to) => {
          fc.pre(
            from.table !== to.table || from.column !== to.column || from.recordId !== to.recordId,
          );
          const ciphertext = await vault.encryptField(database.db, { ...place(from), value });
          await assert.rejects(
            vault.decryptField(database.db, { ...place(to), ciphertext }),
            VaultIntegrityError,
          );
        }),
        { numRuns },
      );
    });

    it("refuses a changed ciphertext", async () => {
      const ciphertext = await vault.encryptField(database.db, { ...place(), value: "hallo" });
      const bytes = Buffer.from(ciphertext.slice(3), "base64url");
      for (const index of [0, 14, bytes.length - 1]) {
        const changed = Buffer.from(bytes);
        changed[index] = (changed[index] ?? 0) ^ 1;
        await assert.rejects(
          vault.decryptField(database.db, {
            ...place(),
            ciphertext: `v1.${changed.toString("base64url")}`,
          }),
          VaultIntegrityError,
        );
      }
      await assert.rejects(
        vault.decryptField(database.db, { ...place(), ciphertext: "hallo" }),
        VaultIntegrityError,
      );
    });

    it("loads a batch of people's keys in one go, so their fields open without a key query each", async () => {
      const people: string[] = [];
      const sealed: { field: FieldPlace; ciphertext: string; value: string }[] = [];
      for (let i = 0; i < 5; i++) {
        const { subjectId: person } = await vault.ensureSubject(database.db, uniquePerson());
        people.push(person);
        const field = place({ subjectId: person, purpose: "newsletter", recordId: `p${i}` });
        const value = `lezer ${i}`;
        sealed.push({
          field,
          value,
          ciphertext: await vault.encryptField(database.db, { ...field, value }),
        });
      }
      // A second vault on the same database: its cache is cold, as in another process.
      const cold = await openVault({
        db: database.db,
        config,
        clock: fakeClock("2026-01-01T00:00:00Z"),
      });
      await cold.preloadKeys(database.db, "newsletter", people);
      // With the key rows gone, only a key preloaded into the cache can still open a field.
      await database.db.execute(
        sql`delete from data_keys where purpose = 'newsletter' and subject_id in (${sql.join(
          people.map((person) => sql`${person}::uuid`),
          sql`, `,
        )})`,
      );
      for (const { field, ciphertext, value } of sealed) {
        assert.equal(await cold.decryptField(database.db, { ...field, ciphertext }), value);
      }
    });

    it("after a shred, that subject's purpose reads as ERASED and everything else still reads", async () => {
      const cell = fc.record({
        person: fc.integer({ min: 0, max: 2 }),
        purpose: fc.constantFrom(...vaultPurposes),
        value: fc.string({ unit: "binary", maxLength: 40 }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(cell, { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 0, max: 2 }),
          fc.constantFrom(...vaultPurposes),
          async (cells, shredPerson, shredPurpose) => {
            const people: string[] = [];
            for (let i = 0; i < 3; i++) {
              people.push((await vault.ensureSubject(database.db, uniquePerson())).subjectId);
            }
            const stored = [];
            for (const [index, { person, purpose, value }] of cells.entries()) {
              const field = place({
                subjectId: people[person] ?? "",
                purpose,
                recordId: `${index}`,
              });
              const ciphertext = await vault.encryptField(database.db, { ...field, value });
              stored.push({ field, ciphertext, value, person, purpose });
            }
            await vault.shred(database.db, {
              subjectId: people[shredPerson] ?? "",
              purpose: shredPurpose,
              reason: "test.property",
            });
            for (const { field, ciphertext, value, person, purpose } of stored) {
              const read = await vault.decryptField(database.db, { ...field, ciphertext });
              if (person === shredPerson && purpose === shredPurpose) assert.equal(read, ERASED);
              else assert.equal(read, value);
            }
          },
        ),
        { numRuns: 30 },
      );
    });

    it("after a shred and a new key, an old ciphertext reads ERASED but a copied new one is refused", async () => {
      const { subjectId: person } = await vault.ensureSubject(database.db, uniquePerson());
      const field = place({ subjectId: person, purpose: "support" });
      const old = await vault.encryptField(database.db, { ...field, value: "oud" });
      await vault.shred(database.db, { subjectId: person, purpose: "support", reason: "t" });
      const fresh = await vault.encryptField(database.db, { ...field, value: "nieuw" });
      assert.ok(isErased(await vault.decryptField(database.db, { ...field, ciphertext: old })));
      await assert.rejects(
        vault.decryptField(database.db, { ...field, recordId: "elsewhere", ciphertext: fresh }),
        VaultIntegrityError,
      );
    });

    it("records each shred in the audit log, and keeps a subject with keys from being deleted", async () => {
      const { subjectId: person } = await vault.ensureSubject(database.db, uniquePerson());
      await vault.encryptField(database.db, { ...place({ subjectId: person }), value: "x" });
      await assert.rejects(
        database.db.delete(subjects).where(eq(subjects.id, person)),
        "a key must go through shred(), which writes the ledger",
      );
      await vault.shred(database.db, {
        subjectId: person,
        purpose: "contact",
        reason: "rights.erasure",
        actor: { type: "subject", id: person },
      });
      const { entries } = await listAudit(database.db, { subjectId: person, limit: 10 });
      assert.equal(entries[0]?.action, "vault.shred");
      assert.equal(entries[0]?.purpose, "contact");
      assert.deepEqual(entries[0]?.details, { reason: "rights.erasure", keyDestroyed: true });
    });

    it("reads ERASED for a subject that never had a key, and re-keys a shredded purpose for new data", async () => {
      const { subjectId: person } = await vault.ensureSubject(database.db, uniquePerson());
      const field = place({ subjectId: person, purpose: "newsletter" });
      const old = await vault.encryptField(database.db, { ...field, value: "oud" });
      await vault.shred(database.db, { subjectId: person, purpose: "newsletter", reason: "t" });
      const fresh = await vault.encryptField(database.db, { ...field, value: "nieuw" });
      assert.ok(isErased(await vault.decryptField(database.db, { ...field, ciphertext: old })));
      assert.equal(await vault.decryptField(database.db, { ...field, ciphertext: fresh }), "nieuw");

      const { subjectId: stranger } = await vault.ensureSubject(database.db, uniquePerson());
      const read = await vault.decryptField(database.db, {
        ...place({ subjectId: stranger, purpose: "orders" }),
        ciphertext: old,
      });
      assert.equal(read, ERASED);
    });

    it("does not keep a key created in a transaction that rolled back", async () => {
      const { subjectId: person } = await vault.ensureSubject(database.db, uniquePerson());
      const field = place({ subjectId: person, purpose: "support" });
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await vault.encryptField(tx, { ...field, value: "weg" });
          throw new Error("rollback");
        }),
        /rollback/,
      );
      const ciphertext = await vault.encryptField(database.db, { ...field, value: "blijft" });
      // A second vault has no cache: it reads only what the database holds.
      const other = await openVault({ db: database.db, config, clock: fakeClock() });
      assert.equal(await other.decryptField(database.db, { ...field, ciphertext }), "blijft");
    });

    it("seals installation secrets bound to their AAD", () => {
      const sealed = vault.sealSecret("JBSWY3DPEHPK3PXP", "staff_users.totp_secret:1");
      assert.equal(vault.openSecret(sealed, "staff_users.totp_secret:1"), "JBSWY3DPEHPK3PXP");
      assert.throws(
        () => vault.openSecret(sealed, "staff_users.totp_secret:2"),
        VaultIntegrityError,
      );
    });

    it("finds a subject by e-mail and phone however they are typed", async () => {
      const tag = Date.now().toString(36);
      const { subjectId: person, created } = await vault.ensureSubject(database.db, {
        email: ` An.Peeters.${tag}@Example.BE `,
        phone: "0470 12 34 56",
        name: "An Peeters",
      });
      assert.equal(created, true);
      const byEmail = await vault.findSubject(database.db, {
        email: `an.peeters.${tag}@example.be`,
      });
      assert.equal(byEmail, person);
      assert.equal(await vault.findSubject(database.db, { phone: "+32470123456" }), person);
      const again = await vault.ensureSubject(database.db, {
        email: `AN.PEETERS.${tag}@example.be`,
      });
      assert.deepEqual(again, { subjectId: person, created: false });
    });

    it("finds a subject by VAT number written with or without separators", async () => {
      const { subjectId: company } = await vault.ensureSubject(database.db, {
        vat: "BE 0403.019.261",
      });
      assert.equal(await vault.findSubject(database.db, { vat: "BE0403019261" }), company);
      assert.equal(await vault.findSubject(database.db, { vat: "0403019261" }), company);
      assert.equal(await vault.findSubject(database.db, { vat: "BE0403019262" }), undefined);
    });

    it("links new identifiers to a known subject and leaves someone else's alone", async () => {
      const first = uniquePerson();
      const second = uniquePerson();
      const a = await vault.ensureSubject(database.db, { email: first.email });
      const b = await vault.ensureSubject(database.db, { email: second.email });
      const teamviewerId = `${Math.floor(100_000_000 + Math.random() * 899_999_999)}`;
      await vault.ensureSubject(database.db, { email: first.email, teamviewerId });
      assert.equal(await vault.findSubject(database.db, { teamviewerId }), a.subjectId);
      const linked = await vault.ensureSubject(database.db, { email: second.email, teamviewerId });
      assert.equal(linked.subjectId, b.subjectId);
      assert.equal(await vault.findSubject(database.db, { teamviewerId }), a.subjectId);
    });

    it("registers one subject when the same new person arrives twice at once", async () => {
      const person = uniquePerson();
      const results = await Promise.all(
        [0, 1, 2].map(() => vault.ensureSubject(database.db, { email: person.email })),
      );
      assert.equal(new Set(results.map((result) => result.subjectId)).size, 1);
      const rows = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from subject_identifiers
            where kind = 'email' and blind_index = ${vault.blindIndex("email", person.email)}`,
      );
      assert.equal(rows[0]?.n, 1);
    });

    it("finds subjects by first or last name, accents and case ignored", async () => {
      const surname = `Dubois${Date.now().toString(36).replace(/\d/g, "")}`;
      const { subjectId: elise } = await vault.ensureSubject(database.db, {
        email: uniquePerson().email,
        name: `Élise ${surname}`,
      });
      const { subjectId: marc } = await vault.ensureSubject(database.db, {
        email: uniquePerson().email,
        name: `Marc ${surname}`,
      });
      assert.ok((await vault.findSubjectsByName(database.db, "elise")).includes(elise));
      assert.deepEqual(
        (await vault.findSubjectsByName(database.db, surname.toUpperCase())).sort(),
        [elise, marc].sort(),
      );
      assert.deepEqual(await vault.findSubjectsByName(database.db, `ELISE ${surname}`), [elise]);
      assert.deepEqual(await vault.findSubjectsByName(database.db, "-"), []);
    });

    it("stores no identifier in plaintext", async () => {
      const person = uniquePerson();
      await vault.ensureSubject(database.db, { ...person, phone: "0470 99 88 77" });
      const dump = await queryRows<{ row: string }>(
        database.db,
        sql`select t::text as row from subject_identifiers t`,
      );
      const text = dump.map((row) => row.row).join("\n");
      for (const needle of [person.email, "470998877", "peeters"]) {
        assert.equal(text.toLowerCase().includes(needle.toLowerCase()), false, needle);
      }
    });

    it("refuses purposes it does not know and shred reasons that could hold personal data", async () => {
      await assert.rejects(
        vault.encryptField(database.db, {
          ...place(),
          purpose: "marketing" as VaultPurpose,
          value: "x",
        }),
        /unknown vault purpose/,
      );
      await assert.rejects(
        vault.shred(database.db, { subjectId, purpose: "contact", reason: "asked by an@x.be" }),
        /reason must be a code/,
      );
    });
  });
}
