import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, databaseKinds } from "../../test/helpers/database.ts";
import { fakeClock } from "../core/clock.ts";
import { ConfigError, loadConfig } from "../core/config.ts";
import type { Database } from "../core/db/database.ts";
import {
  addMasterKeyToFile,
  dropMasterKeysFromFile,
  loadMasterKeyring,
  masterKeyFilePath,
  masterKeyId,
} from "./master-key.ts";
import { masterKeyUsage } from "./rotate-master-key.ts";
import { randomMasterKey, uniquePerson } from "./test-vault.ts";
import { type FieldPlace, openVault, type Vault } from "./vault.ts";

const clock = fakeClock();

async function writeRecords(vault: Vault, database: Database, count: number) {
  const written: { field: FieldPlace; ciphertext: string; value: string }[] = [];
  for (let i = 0; i < count; i++) {
    const { subjectId } = await vault.ensureSubject(database.db, uniquePerson());
    const field = {
      subjectId,
      purpose: "customer_dossier" as const,
      table: "customers",
      column: "notes",
      recordId: `${i}`,
    };
    const value = `notitie ${i}`;
    written.push({
      field,
      value,
      ciphertext: await vault.encryptField(database.db, { ...field, value }),
    });
  }
  return written;
}

async function assertReadable(
  vault: Vault,
  database: Database,
  written: Awaited<ReturnType<typeof writeRecords>>,
) {
  for (const { field, ciphertext, value } of written) {
    assert.equal(await vault.decryptField(database.db, { ...field, ciphertext }), value);
  }
}

for (const kind of databaseKinds) {
  describe(`master key rotation on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDatabase(kind);
    });
    after(() => database.close());

    it("re-wraps every key in batches: the new key alone reads everything, the old key alone cannot open the vault", async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-rotate-"));
      const keyA = randomMasterKey();
      const keyB = randomMasterKey();
      const env = (keys: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...keys });
      const vaultA = await openVault({
        db: database.db,
        config: env({ WITS_MASTER_KEY: keyA }),
        clock,
      });
      const written = await writeRecords(vaultA, database, 23);

      const rotating = await openVault({
        db: database.db,
        config: env({ WITS_MASTER_KEY: keyB, WITS_MASTER_KEY_PREVIOUS: keyA }),
        clock,
      });
      const progress: { done: number; total: number }[] = [];
      const report = await rotating.rotateMasterKey(database.db, {
        batchSize: 7,
        onProgress: (step) => progress.push(step),
      });
      assert.equal(report.remaining, 0);
      assert.equal(report.rewrapped, 23 + 2, "23 data keys and the 2 installation keys");
      assert.deepEqual(progress.at(-1), { done: 25, total: 25 });
      assert.ok(progress.length >= 5, "one progress step per batch");
      const idB = masterKeyId(Buffer.from(keyB, "base64"));
      assert.deepEqual([...(await masterKeyUsage(database.db)).keys()], [idB]);
      await assertReadable(rotating, database, written);

      const onlyB = await openVault({
        db: database.db,
        config: env({ WITS_MASTER_KEY: keyB }),
        clock,
      });
      await assertReadable(onlyB, database, written);
      await assert.rejects(
        openVault({ db: database.db, config: env({ WITS_MASTER_KEY: keyA }), clock }),
        (error: Error) =>
          error instanceof ConfigError && /which this process does not have/.test(error.message),
      );
      const again = await rotating.rotateMasterKey(database.db);
      assert.deepEqual(again, { rewrapped: 0, remaining: 0 });
    });
  });
}

describe("master key rotation with a key file", () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase("pglite");
  });
  after(() => database.close());

  it("adds a key, re-wraps, drops the old key; a running vault meets keys wrapped by the new one", async () => {
    const config = loadConfig({
      DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-rotate-file-")),
    });
    const running = await openVault({ db: database.db, config, clock });
    const written = await writeRecords(running, database, 5);
    const oldId = running.keyring.currentId;

    // What `keys rotate` does, in what stands for another process.
    const file = masterKeyFilePath(config);
    const newId = await addMasterKeyToFile(file);
    const { keyring } = await loadMasterKeyring(config);
    const rotating = await openVault({ db: database.db, config, clock, keyring });
    assert.equal((await rotating.rotateMasterKey(database.db)).remaining, 0);
    const laterWritten = await writeRecords(rotating, database, 2);
    const inUse = new Set((await masterKeyUsage(database.db)).keys());
    assert.deepEqual(await dropMasterKeysFromFile(file, inUse), [oldId]);

    // The running vault never saw newId; it re-reads the key file when it meets it.
    assert.equal(running.keyring.keys.has(newId), false);
    await assertReadable(running, database, laterWritten);
    assert.equal(running.keyring.currentId, newId);

    const restarted = await openVault({ db: database.db, config, clock });
    assert.deepEqual([...restarted.keyring.keys.keys()], [newId]);
    await assertReadable(restarted, database, [...written, ...laterWritten]);
  });
});
