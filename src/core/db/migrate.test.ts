import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import { DatabaseError, queryRows } from "./database.ts";
import { migrationsFolder, runMigrations } from "./migrate.ts";

/** A copy of the real migrations plus one that creates a table and then fails. */
async function foldersWithBrokenMigration(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "wits-migrations-"));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalFile, "utf8"));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: "9999_broken" });
  await writeFile(journalFile, JSON.stringify(journal));
  await writeFile(
    path.join(folder, "9999_broken.sql"),
    'CREATE TABLE "half_done" (id int);\n--> statement-breakpoint\nSELECT 1 / 0;',
  );
  return folder;
}

for (const kind of databaseKinds) {
  describe(`migrations on ${kind}`, () => {
    it("are idempotent: running them again changes nothing", async () => {
      const database = await createTestDatabase(kind);
      try {
        await runMigrations(database);
        const tables = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from information_schema.tables where table_name = 'outbox'`,
        );
        assert.equal(tables[0]?.n, 1);
      } finally {
        await database.close();
      }
    });

    it("leave nothing behind when one fails, and say so in one line", async () => {
      const database = await createTestDatabase(kind);
      try {
        const folder = await foldersWithBrokenMigration();
        await assert.rejects(
          runMigrations(database, folder),
          (error: Error) =>
            error instanceof DatabaseError &&
            /^Migration failed, nothing was changed/.test(error.message) &&
            /division by zero/.test(error.message) &&
            !error.message.includes("\n"),
        );
        const leftover = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`,
        );
        assert.equal(leftover[0]?.n, 0);
        await database.ping();
      } finally {
        await database.close();
      }
    });
  });
}
