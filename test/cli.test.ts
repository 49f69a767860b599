import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { finished } from "./helpers/cli-process.ts";
import { freePort } from "./helpers/free-port.ts";

const bin = fileURLToPath(new URL("../bin/wits-privacy.js", import.meta.url));

/** The CLI as an operator runs it: a real process, only the variables given here. */
function cli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const run = (args: string[], env?: Record<string, string>) => finished(cli(args, env));

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}: ${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk;
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  });
}

const tempDir = () => mkdtemp(path.join(os.tmpdir(), "wits-cli-"));

describe("wits-privacy CLI", () => {
  it("explains each command in --help", async () => {
    const result = await run(["--help"]);
    assert.equal(result.code, 0);
    for (const command of ["serve", "migrate", "jobs"]) {
      assert.match(result.stdout, new RegExp(`\\n  ${command}`));
    }
    const jobs = await run(["jobs", "--help"]);
    assert.match(jobs.stdout, /run-once/);
  });

  it("stops on a bad setting with one line naming the variable and a good value", async () => {
    const result = await run(["serve"], { PORT: "eighty" });
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim().split("\n").length, 1);
    assert.match(result.stderr, /PORT="eighty".*example: PORT=3000/);
  });

  it("says which folder is not writable and how to fix it", async () => {
    const file = path.join(await tempDir(), "a-file");
    await writeFile(file, "");
    const result = await run(["migrate"], { DATA_DIR: path.join(file, "data") });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: Data directory .* is not writable .*DATA_DIR/);
  });

  it("cookies scan: exits 2 with the fix for a usage error, never 1 (1 means consent is broken)", async () => {
    const notUrl = await run(["cookies", "scan", "www.wits.be"]);
    assert.equal(notUrl.code, 2, notUrl.stderr);
    assert.match(notUrl.stderr, /give a URL starting with http:\/\/ or https:\/\//);
    const noUrl = await run(["cookies", "scan"]);
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /missing required argument 'url'/);
    const noBrowser = await run(["cookies", "scan", "http://127.0.0.1:9/"], {
      CHROMIUM_PATH: "/nonexistent/chromium",
    });
    assert.equal(noBrowser.code, 2);
    assert.match(noBrowser.stderr, /chromium not found at \/nonexistent\/chromium: install it/);
  });

  it("says PostgreSQL cannot be reached, without printing the password", async () => {
    const result = await run(["migrate"], {
      DATABASE_URL: "postgres://wits:s3cret-pw@127.0.0.1:1/wits",
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Cannot reach PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/wits/);
    assert.match(result.stderr, /connection refused\): start PostgreSQL or fix the host and port/);
    assert.doesNotMatch(result.stderr, /s3cret-pw/);
  });

  it("says a PostgreSQL database does not exist and how to create it", {
    skip: !process.env.DATABASE_URL && "needs DATABASE_URL",
  }, async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.pathname = "/wits_no_such_database";
    const result = await run(["migrate"], { DATABASE_URL: url.toString() });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /has no such database: create it \(createdb\)/);
  });

  it("migrates, runs jobs once and lists them on an embedded database", async () => {
    const DATA_DIR = await tempDir();
    const migrated = await run(["migrate"], { DATA_DIR });
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, /up to date/);
    const once = await run(["jobs", "run-once"], { DATA_DIR });
    assert.equal(once.code, 0, once.stderr);
    assert.match(once.stdout, /mail\.deliver: ok/);
    assert.match(once.stdout, /retention\.sweep: ok erased=0/);
    const list = await run(["jobs", "list"], { DATA_DIR });
    assert.match(list.stdout, /mail\.deliver .* ok in \d+ ms/);
    assert.match(list.stdout, /retention\.sweep {2}\[0 7 \* \* \* \*/);
    const unknown = await run(["jobs", "run-once", "--job", "nope"], { DATA_DIR });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no job named "nope"; known jobs: mail\.deliver/);
  });

  it("lists the jobs of a PostgreSQL installation without its master key", {
    skip: !process.env.DATABASE_URL && "needs DATABASE_URL",
  }, async () => {
    const list = await run(["jobs", "list"], { DATABASE_URL: process.env.DATABASE_URL ?? "" });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /retention\.sweep/);
  });

  it("serves, refuses a second server on the same port or data, and stops cleanly on SIGTERM", async () => {
    const DATA_DIR = await tempDir();
    const PORT = String(await freePort());
    const server = cli(["serve"], { DATA_DIR, PORT, HOST: "127.0.0.1" });
    const done = finished(server, 90_000);
    await waitForOutput(server, /WITS Privacy is running on http:\/\/127\.0\.0\.1:\d+/);
    const health = await fetch(`http://127.0.0.1:${PORT}/readyz`);
    assert.equal(health.status, 200);

    const freshDir = await tempDir();
    const samePort = await run(["serve"], { DATA_DIR: freshDir, PORT, HOST: "127.0.0.1" });
    assert.equal(samePort.code, 1);
    assert.match(samePort.stderr, new RegExp(`Port ${PORT} is in use: .*PORT=${Number(PORT) + 1}`));
    assert.deepEqual(await readdir(freshDir), [], "a refused start leaves no database behind");

    const sameData = await run(["migrate"], { DATA_DIR });
    assert.equal(sameData.code, 1);
    assert.match(sameData.stderr, /is in use by process \d+: stop that process first/);

    server.kill("SIGTERM");
    const result = await done;
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /SIGTERM received.*\n.*WITS Privacy stopped/);

    // The database was closed and unlocked: the next process opens it.
    const after = await run(["migrate"], { DATA_DIR });
    assert.equal(after.code, 0, after.stderr);
  });
});
