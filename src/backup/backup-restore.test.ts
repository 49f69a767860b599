import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../test/helpers/database.ts";
import { createScratchPostgres } from "../../test/helpers/scratch-postgres.ts";
import { listAudit, verifyAudit } from "../audit/index.ts";
import { fakeClock } from "../core/clock.ts";
import { type Config, loadConfig } from "../core/config.ts";
import { type Database, type DatabaseKind, openDatabase, queryRows } from "../core/db/database.ts";
import { runMigrations } from "../core/db/migrate.ts";
import { eraseSubject } from "../datamap/index.ts";
import { receiveContactRequest } from "../modules/contact/index.ts";
import { passThroughSensitiveData } from "../modules/scanner/index.ts";
import { loadActivePolicy } from "../policy/index.ts";
import { createDataMap } from "../record-types.ts";
import { ERASED, loadMasterKeyring, type MasterKeyring, openVault } from "../vault/index.ts";
import { randomMasterKey } from "../vault/test-vault.ts";
import { restoreBackup } from "./restore-backup.ts";
import { writeBackup } from "./write-backup.ts";

const staff = { type: "staff" as const, id: "00000000-0000-4000-8000-0000000000aa" };

interface Installation {
  config: Config;
  keyring: MasterKeyring;
  remove(): Promise<void>;
}

/** A real installation: a PGlite data dir, or a scratch PostgreSQL database of its own. */
async function installation(kind: DatabaseKind): Promise<Installation> {
  const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-backup-"));
  const env: Record<string, string> = { DATA_DIR, WITS_MASTER_KEY: randomMasterKey() };
  let dropDatabase = async () => {};
  if (kind === "postgres") {
    const scratch = await createScratchPostgres(process.env.DATABASE_URL ?? "", {
      prefix: "test_backup",
    });
    env.DATABASE_URL = scratch.url;
    dropDatabase = scratch.drop;
  }
  const config = loadConfig(env);
  const { keyring } = await loadMasterKeyring(config);
  return {
    config,
    keyring,
    remove: async () => {
      await dropDatabase();
      await rm(DATA_DIR, { recursive: true, force: true });
    },
  };
}

/** A person nobody else has, so finding their name anywhere is a leak. */
function canaryPerson() {
  const tag = Array.from(randomBytes(10), (byte) => String.fromCharCode(97 + (byte % 26))).join("");
  return { name: `Zoë Quibble${tag}`, email: `canary.${tag}@example.be` };
}

for (const kind of databaseKinds) {
  describe(`backup and restore: who was erased stays erased (statement: "Gegevens inzien, aanpassen of verwijderen") on ${kind}`, () => {
    let setup: Installation;
    const clock = fakeClock("2026-03-02T10:00:00Z");
    const anna = canaryPerson();
    const bert = canaryPerson();
    let backupFile: string;
    const ids: Record<"anna" | "bert", { request: string; subject: string }> = {
      anna: { request: "", subject: "" },
      bert: { request: "", subject: "" },
    };

    const withOpen = async <T>(work: (database: Database) => Promise<T>): Promise<T> => {
      const database = await openDatabase(setup.config);
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    };

    /** The name field of a person's contact request, decrypted by a freshly opened vault. */
    const nameOf = (who: "anna" | "bert") =>
      withOpen(async (database) => {
        const vault = await openVault({
          db: database.db,
          config: setup.config,
          clock,
          keyring: setup.keyring,
        });
        const [row] = await queryRows<{ name_ciphertext: string }>(
          database.db,
          sql`select name_ciphertext from contact_requests where id = ${ids[who].request}`,
        );
        assert.ok(row, `${who}'s contact request is in the database`);
        return vault.decryptField(database.db, {
          subjectId: ids[who].subject,
          purpose: "contact",
          table: "contact_requests",
          column: "name_ciphertext",
          recordId: ids[who].request,
          ciphertext: row.name_ciphertext,
        });
      });

    const auditHead = () =>
      withOpen(async (database) => {
        const [head] = await queryRows<{ seq: number }>(
          database.db,
          sql`select seq::int as seq from audit_head`,
        );
        return head?.seq ?? 0;
      });

    before(async () => {
      setup = await installation(kind);
      backupFile = path.join(
        setup.config.DATA_DIR,
        "..",
        `${path.basename(setup.config.DATA_DIR)}.witsbak`,
      );
      const { policy } = await loadActivePolicy(undefined);
      const dataMap = createDataMap(() => policy);
      await withOpen(async (database) => {
        await runMigrations(database);
        const vault = await openVault({
          db: database.db,
          config: setup.config,
          clock,
          keyring: setup.keyring,
        });
        const deps = {
          db: database.db,
          vault,
          dataMap,
          clock,
          config: { MAIL_FROM: "privacy@wits.be", PUBLIC_URL: "https://privacy.example.be" },
          sensitiveData: passThroughSensitiveData,
        };
        for (const who of ["anna", "bert"] as const) {
          const person = who === "anna" ? anna : bert;
          const received = await receiveContactRequest(deps, {
            ...person,
            topic: "Offerte",
            message: "Kunnen jullie langskomen?",
            locale: "nl",
            ip: "198.51.100.23",
            channel: "form",
            attachments: [],
          });
          ids[who] = { request: received.id, subject: received.subjectId };
        }
        await writeBackup({
          database,
          config: setup.config,
          keyring: setup.keyring,
          clock,
          file: backupFile,
        });
        // Anna asks to be erased after the backup was taken.
        clock.advance(60_000);
        await eraseSubject(deps, { subjectId: ids.anna.subject, actor: staff });
      });
    });
    after(async () => {
      await setup.remove();
      await rm(backupFile, { force: true });
    });

    it("brings nobody back who was erased after the backup: their fields read as erased, the erasure is in the audit log, other people are intact", async () => {
      assert.equal(await nameOf("bert"), bert.name);
      const report = await restoreBackup({
        file: backupFile,
        config: setup.config,
        keyring: setup.keyring,
        clock,
        force: true,
      });
      assert.equal(report.replay.reshredded, 1, "Anna's contact key was destroyed again");
      assert.equal(await nameOf("anna"), ERASED);
      assert.equal(await nameOf("bert"), bert.name);
      await withOpen(async (database) => {
        const { entries } = await listAudit(database.db, {
          subjectId: ids.anna.subject,
          action: "vault.shred",
          limit: 10,
        });
        assert.equal(entries.length, 1);
        assert.equal(entries[0]?.purpose, "contact");
        assert.equal(entries[0]?.details.replayed, true);
        const restored = await listAudit(database.db, { action: "backup.restore", limit: 10 });
        assert.equal(restored.entries.length, 1);
        assert.equal(restored.entries[0]?.details.keysDestroyedAgain, 1);
        assert.deepEqual(await verifyAudit(database.db), {
          ok: true,
          entries: await auditHead(),
        });
      });
      if (kind === "pglite") {
        const aside = (await readdir(setup.config.DATA_DIR)).filter((name) =>
          name.startsWith("pglite.before-restore-"),
        );
        assert.equal(aside.length, 1, "the replaced database was moved aside, not deleted");
        assert.equal(report.movedAside, path.join(setup.config.DATA_DIR, aside[0] ?? ""));
      }
    });

    it("refuses a backup made with another master key, naming the key, and changes nothing", async () => {
      const seq = await auditHead();
      const other = await loadMasterKeyring(
        loadConfig({ DATA_DIR: setup.config.DATA_DIR, WITS_MASTER_KEY: randomMasterKey() }),
      );
      await assert.rejects(
        restoreBackup({
          file: backupFile,
          config: setup.config,
          keyring: other.keyring,
          clock,
          force: true,
        }),
        new RegExp(
          `was made with master key ${setup.keyring.currentId}, which is not in .*: nothing was changed; restore on the installation it came from`,
        ),
      );
      assert.equal(await auditHead(), seq);
      assert.equal(await nameOf("bert"), bert.name);
    });

    it("refuses a changed, a cut-short, or a re-labelled file, and changes nothing", async () => {
      const seq = await auditHead();
      const original = await readFile(backupFile);
      const variants: [string, Buffer, RegExp][] = [
        ["one flipped bit", flipBit(original, original.length - 5_000), /does not authenticate/],
        ["cut short", original.subarray(0, original.length - 100), /ends early|cut short/],
        ["manifest edited", relabel(original), /last chunk or its manifest does not authenticate/],
        ["not a backup", Buffer.from("PGDMP custom archive"), /is not a wits-privacy backup/],
      ];
      for (const [what, bytes, reason] of variants) {
        const file = `${backupFile}.${what.replaceAll(" ", "-")}`;
        await writeFile(file, bytes);
        try {
          await assert.rejects(
            restoreBackup({
              file,
              config: setup.config,
              keyring: setup.keyring,
              clock,
              force: true,
            }),
            reason,
            what,
          );
        } finally {
          await rm(file, { force: true });
        }
      }
      assert.equal(await auditHead(), seq);
      assert.equal(await nameOf("bert"), bert.name);
    });

    it("holds neither a person's name or e-mail address nor the master key in readable form", async () => {
      const bytes = await readFile(backupFile);
      for (const needle of [anna.name, anna.email, bert.name, "Quibble", "langskomen"]) {
        assert.equal(bytes.includes(Buffer.from(needle, "utf8")), false, needle);
      }
      const masterKey = setup.keyring.current;
      for (const form of [masterKey, Buffer.from(masterKey.toString("base64"))]) {
        assert.equal(bytes.includes(form), false, "the master key");
      }
      assert.ok(
        bytes.includes(Buffer.from(setup.keyring.currentId)),
        "the manifest names the key by id",
      );
    });

    it("refuses to replace a database that holds data without --force", async () => {
      const copy = `${backupFile}.copy`;
      await copyFile(backupFile, copy);
      try {
        await assert.rejects(
          restoreBackup({
            file: copy,
            config: setup.config,
            keyring: setup.keyring,
            clock,
            force: false,
          }),
          /already holds .*: nothing was changed; add --force/,
        );
      } finally {
        await rm(copy, { force: true });
      }
    });
  });
}

function flipBit(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 1;
  return copy;
}

/** The app version in the manifest changed in place, so nothing else in the file moves. */
function relabel(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf('"appVersion":"') + '"appVersion":"'.length;
  copy[at] = copy[at] === 0x39 ? 0x38 : 0x39;
  return copy;
}
