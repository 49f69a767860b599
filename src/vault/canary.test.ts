import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { type CanaryPerson, canaryPerson, needles } from "../../test/helpers/canary.ts";
import { createTestDatabase, databaseKinds } from "../../test/helpers/database.ts";
import { filesUnder } from "../../test/helpers/table-dump.ts";
import { fakeClock } from "../core/clock.ts";
import { loadConfig } from "../core/config.ts";
import { type Database, type Db, openPglite, queryRows } from "../core/db/database.ts";
import { runMigrations } from "../core/db/migrate.ts";
import { openVault, type Vault } from "./vault.ts";

async function storePerson(vault: Vault, db: Db, person: CanaryPerson) {
  await db.execute(
    sql`create table if not exists canary_probe (id text primary key, subject_id uuid, email_enc text, name_enc text, control text)`,
  );
  const { subjectId } = await vault.ensureSubject(db, { email: person.email, name: person.name });
  const place = { subjectId, purpose: "contact" as const, table: "canary_probe", recordId: "p1" };
  const emailEnc = await vault.encryptField(db, {
    ...place,
    column: "email_enc",
    value: person.email,
  });
  const nameEnc = await vault.encryptField(db, {
    ...place,
    column: "name_enc",
    value: person.name,
  });
  const control = `control-${randomBytes(8).toString("hex")}`;
  await db.execute(
    sql`insert into canary_probe values ('p1', ${subjectId}, ${emailEnc}, ${nameEnc}, ${control})`,
  );
  return control;
}

describe("canary: the embedded database's files hold no plaintext personal data", () => {
  it("finds neither the e-mail nor the name in any file of the data dir after a checkpoint", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-canary-"));
    const config = loadConfig({ DATA_DIR: dataDir });
    const person = canaryPerson();
    const database = await openPglite(dataDir);
    let control: string;
    try {
      await runMigrations(database);
      const vault = await openVault({ db: database.db, config, clock: fakeClock() });
      control = await storePerson(vault, database.db, person);
      await database.db.execute(sql`checkpoint`);
    } finally {
      await database.close();
    }
    const files = await filesUnder(dataDir);
    assert.ok(files.length > 100, "the scan sees the database files");
    let controlFound = false;
    for (const file of files) {
      const bytes = await readFile(file);
      if (bytes.includes(control)) controlFound = true;
      for (const needle of needles(person)) {
        assert.equal(bytes.includes(Buffer.from(needle, "utf8")), false, `${needle} in ${file}`);
      }
    }
    assert.ok(controlFound, "a plaintext column is found, so the scan would see a leak");
  });
});

for (const kind of databaseKinds) {
  describe(`canary on ${kind}: no table holds plaintext personal data`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDatabase(kind);
    });
    after(() => database.close());

    it("finds neither the e-mail nor the name in any row of any table", async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-canary-"));
      const config = loadConfig({
        DATA_DIR: dataDir,
        WITS_MASTER_KEY: randomBytes(32).toString("base64"),
      });
      const vault = await openVault({ db: database.db, config, clock: fakeClock() });
      const person = canaryPerson();
      const control = await storePerson(vault, database.db, person);
      const tables = await queryRows<{ name: string }>(
        database.db,
        sql`select quote_ident(table_name) as name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      let dump = "";
      for (const { name } of tables) {
        const rows = await queryRows<{ row: string }>(
          database.db,
          sql`select t::text as row from ${sql.raw(name)} t`,
        );
        dump += rows.map((row) => row.row).join("\n");
      }
      assert.ok(dump.includes(control));
      for (const needle of needles(person)) {
        assert.equal(dump.includes(needle), false, needle);
      }
    });
  });
}
