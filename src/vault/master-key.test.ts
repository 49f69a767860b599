import assert from "node:assert/strict";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { ConfigError, loadConfig } from "../core/config.ts";
import {
  addMasterKeyToFile,
  dropMasterKeysFromFile,
  loadMasterKeyring,
  masterKeyFilePath,
  masterKeyId,
  readMasterKeyFile,
} from "./master-key.ts";
import { randomMasterKey } from "./test-vault.ts";

const tempDir = () => mkdtemp(path.join(os.tmpdir(), "wits-master-key-"));

describe("master key", () => {
  it("is generated on first start into a key file only its owner can read, with a warning to back it up", async () => {
    const config = loadConfig({ DATA_DIR: await tempDir() });
    const first = await loadMasterKeyring(config);
    const file = masterKeyFilePath(config);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.match(first.warning ?? "", /back it up/);
    assert.match(first.warning ?? "", /apart from database backups/);
    const contents = JSON.parse(await readFile(file, "utf8"));
    assert.equal(contents.current, first.keyring.currentId);
    assert.equal(masterKeyId(first.keyring.current), first.keyring.currentId);

    const second = await loadMasterKeyring(config);
    assert.equal(second.keyring.currentId, first.keyring.currentId);
    assert.equal(second.warning, undefined);
  });

  it("generates one key when two processes start at once", async () => {
    const config = loadConfig({ DATA_DIR: await tempDir() });
    const loaded = await Promise.all([1, 2, 3, 4].map(() => loadMasterKeyring(config)));
    assert.equal(new Set(loaded.map(({ keyring }) => keyring.currentId)).size, 1);
    assert.equal(loaded.filter(({ warning }) => warning).length, 1);
  });

  it("refuses PostgreSQL without WITS_MASTER_KEY, naming the fix in one line", async () => {
    const config = loadConfig({
      DATA_DIR: await tempDir(),
      DATABASE_URL: "postgres://wits@127.0.0.1:5432/wits",
    });
    await assert.rejects(
      loadMasterKeyring(config),
      (error: Error) =>
        error instanceof ConfigError &&
        !error.message.includes("\n") &&
        error.message.includes(
          "set WITS_MASTER_KEY, e.g. WITS_MASTER_KEY=$(openssl rand -base64 32)",
        ),
    );
  });

  it("takes WITS_MASTER_KEY as current and WITS_MASTER_KEY_PREVIOUS as an extra key", async () => {
    const current = randomMasterKey();
    const previous = randomMasterKey();
    const { keyring, warning } = await loadMasterKeyring(
      loadConfig({
        DATA_DIR: await tempDir(),
        DATABASE_URL: "postgres://wits@127.0.0.1:5432/wits",
        WITS_MASTER_KEY: current,
        WITS_MASTER_KEY_PREVIOUS: previous,
      }),
    );
    assert.equal(warning, undefined);
    assert.equal(keyring.currentId, masterKeyId(Buffer.from(current, "base64")));
    assert.ok(keyring.keys.has(masterKeyId(Buffer.from(previous, "base64"))));
    assert.equal(keyring.keys.size, 2);
  });

  it("reloads the key file to meet a key added by a rotation in another process", async () => {
    const config = loadConfig({ DATA_DIR: await tempDir() });
    const { keyring } = await loadMasterKeyring(config);
    const oldId = keyring.currentId;
    const newId = await addMasterKeyToFile(masterKeyFilePath(config));
    assert.equal(keyring.keys.has(newId), false);
    await keyring.reload();
    assert.equal(keyring.currentId, newId);
    assert.ok(keyring.keys.has(oldId));
    assert.deepEqual(await dropMasterKeysFromFile(masterKeyFilePath(config), new Set()), [oldId]);
    const contents = await readMasterKeyFile(masterKeyFilePath(config));
    assert.deepEqual(Object.keys(contents?.keys ?? {}), [newId]);
    assert.equal((await stat(masterKeyFilePath(config))).mode & 0o777, 0o600);
  });

  it("says to restore a damaged key file from the key backup", async () => {
    const dataDir = await tempDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    await loadMasterKeyring(config);
    await writeFile(masterKeyFilePath(config), "{ half");
    await assert.rejects(loadMasterKeyring(config), /restore it from your key backup/);
  });
});
