import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { masterKeyFilePath, masterKeyId, writeMasterKeyFile } from "../src/vault/index.ts";
import { randomMasterKey } from "../src/vault/test-vault.ts";
import { runCli } from "./helpers/cli-process.ts";
import { createScratchPostgres } from "./helpers/scratch-postgres.ts";

const run = (args: string[], env: Record<string, string>) => runCli(args, { env });
const folders: string[] = [];
const tempDir = async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), "wits-backup-cli-"));
  folders.push(folder);
  return folder;
};

/** Another installation's key file, as its first start would have written it. */
async function writeKeyFile(dataDir: string): Promise<void> {
  const key = randomBytes(32);
  await writeMasterKeyFile(
    masterKeyFilePath({ DATA_DIR: dataDir }),
    { current: masterKeyId(key), keys: { [masterKeyId(key)]: key.toString("base64") } },
    { exclusive: true },
  );
}

after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe("wits-privacy backup and restore (embedded database)", () => {
  it("backs up, refuses to overwrite without --force, restores with progress, and keeps the key file and ledger", async () => {
    const root = await tempDir();
    const env = { DATA_DIR: path.join(root, "data") };
    const file = path.join(root, "wits.backup");
    // Opening the vault creates the key file and the database, as a first `serve` does.
    const installed = await run(["keys", "replay-ledger"], env);
    assert.equal(installed.code, 0, installed.stderr);
    const ledger = path.join(env.DATA_DIR, "erasure-ledger.jsonl");
    await writeFile(
      ledger,
      `${JSON.stringify({ at: "2026-01-01T09:00:00.000Z", subjectId: "6f1c1f43-8a55-4b52-9a4b-3f3d1b0a5c11", purpose: "contact", reason: "rights.erasure" })}\n`,
      { mode: 0o600 },
    );
    const keyFile = path.join(env.DATA_DIR, "master-keys.json");
    const keysBefore = await readFile(keyFile, "utf8");

    const backup = await run(["backup", file], env);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(
      backup.stdout,
      /^Backed up pglite:.* to .*wits\.backup: [\d.]+ MiB encrypted, \d+ tables, \d+ rows, master key [0-9a-f]{16}, in [\d.]+ s\n/,
    );
    assert.match(
      backup.stdout,
      /Restoring it needs master key [0-9a-f]{16} \(.*master-keys\.json\): keep a copy of that key, but never beside the backup/,
    );
    assert.match(backup.stderr, /encrypted [\d.]+\/[\d.]+ MiB/);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(
      (await readdir(root)).filter((name) => name.includes(".partial")),
      [],
      "no temporary file is left",
    );

    const refused = await run(["restore", file], env);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^error: .* already holds an embedded database: nothing was changed; add --force to replace it/,
    );
    assert.equal(refused.stderr.trim().split("\n").length, 1);

    const restored = await run(["restore", "--force", file], env);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stderr, /restoring [\d.]+\/[\d.]+ MiB/);
    assert.match(
      restored.stdout,
      /^Restored .*wits\.backup \(made .* by wits-privacy .*, migration \d{4}_\w+\) into pglite:.*: now \d+ tables, \d+ rows\n/,
    );
    assert.match(
      restored.stdout,
      /Erasure ledger .*erasure-ledger\.jsonl: 1 erasures, 0 keys destroyed again/,
    );
    const aside = /moved to (.*pglite\.before-restore-[^:]+):/.exec(restored.stdout)?.[1];
    assert.ok(aside && (await stat(aside)).isDirectory(), "the replaced database is kept aside");
    assert.equal(await readFile(keyFile, "utf8"), keysBefore, "the key file is untouched");
    assert.match(await readFile(ledger, "utf8"), /6f1c1f43-8a55-4b52-9a4b-3f3d1b0a5c11/);

    const verified = await run(["audit", "verify"], env);
    assert.equal(verified.code, 0, verified.stderr);

    const dryRun = await run(["restore", "--dry-run", file], env);
    assert.equal(dryRun.code, 0, dryRun.stderr);
    assert.match(dryRun.stdout, /database: pglite \(PostgreSQL \d+/);
    assert.match(dryRun.stdout, /can be restored here; nothing was changed/);
  });

  it("exits 2 on a usage error", async () => {
    const result = await run(["restore"], { DATA_DIR: await tempDir() });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /missing required argument 'file'/);
  });

  it("says to stop the server when it holds the embedded database", async () => {
    const root = await tempDir();
    const env = { DATA_DIR: path.join(root, "data"), WITS_MASTER_KEY: randomMasterKey() };
    await mkdir(path.join(env.DATA_DIR, "pglite"), { recursive: true });
    // This test process is alive: to the CLI it is a running server holding the lock.
    await writeFile(path.join(env.DATA_DIR, "wits-privacy.pid"), String(process.pid));
    const result = await run(["backup", path.join(root, "b")], env);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      new RegExp(
        `^error: The embedded database is in use by process ${process.pid} \\(a running server\\): stop it first`,
      ),
    );
  });

  it("refuses another installation's backup, and a restore without the key file, changing nothing", async () => {
    const first = await tempDir();
    const firstEnv = { DATA_DIR: path.join(first, "data") };
    assert.equal((await run(["keys", "replay-ledger"], firstEnv)).code, 0);
    const file = path.join(first, "first.backup");
    assert.equal((await run(["backup", file], firstEnv)).code, 0);

    const second = await tempDir();
    const secondEnv = { DATA_DIR: path.join(second, "data") };
    await writeKeyFile(secondEnv.DATA_DIR);
    const foreign = await run(["restore", "--force", file], secondEnv);
    assert.equal(foreign.code, 1);
    assert.match(
      foreign.stderr,
      /^error: .*first\.backup was made with master key [0-9a-f]{16}, which is not in .*master-keys\.json .*: nothing was changed; restore on the installation it came from, or put the key file that holds it/,
    );
    assert.deepEqual(
      (await readdir(secondEnv.DATA_DIR)).filter((name) => name.startsWith("pglite.")),
      [],
      "nothing was moved aside",
    );

    const fresh = { DATA_DIR: path.join(await tempDir(), "data") };
    const keyless = await run(["restore", file], fresh);
    assert.equal(keyless.code, 1);
    assert.match(
      keyless.stderr,
      /^error: There is no master key file .*master-keys\.json: copy your key backup there/,
    );
  });
});

describe("wits-privacy backup on PostgreSQL", { skip: !process.env.DATABASE_URL }, () => {
  it("names the fix when pg_dump is not installed", async () => {
    const scratch = await createScratchPostgres(process.env.DATABASE_URL ?? "", {
      prefix: "test_backup",
    });
    try {
      const env = {
        DATA_DIR: await tempDir(),
        DATABASE_URL: scratch.url,
        WITS_MASTER_KEY: randomBytes(32).toString("base64"),
        // No PostgreSQL client tools on this PATH.
        PATH: await tempDir(),
      };
      const result = await run(["backup", path.join(env.DATA_DIR, "b")], env);
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        /^error: pg_dump was not found on PATH: install the PostgreSQL 1\d client tools \(e\.g\. apt install postgresql-client-1\d\)/,
      );
    } finally {
      await scratch.drop();
    }
  });
});
