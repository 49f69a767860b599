import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { verifyAudit } from "../src/audit/index.ts";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import { type Database, openDatabase, queryRows } from "../src/core/db/database.ts";
import { planSweep, sweepRetention } from "../src/datamap/index.ts";
import { loadActivePolicy } from "../src/policy/index.ts";
import { openVault } from "../src/vault/index.ts";
import { randomMasterKey } from "../src/vault/test-vault.ts";
import { databaseKinds } from "./helpers/database.ts";
import { createScratchPostgres } from "./helpers/scratch-postgres.ts";
import { testDataMap } from "./helpers/test-record-type.ts";

const fixture = fileURLToPath(new URL("./fixtures/retention-crash-sweep.ts", import.meta.url));
const records = 100_000;
const batchSize = 500;
/** The batch the child dies in: mid-sweep, far from the end. */
const killedInBatch = 9;

interface Scratch {
  env: Record<string, string>;
  open(): Promise<Database>;
}

/**
 * kill -9 in the middle of a sweep, inside a batch whose records are deleted and keys shredded
 * but not yet audited: each batch is one transaction with its audit entry, so what is gone must
 * be exactly what the audit log says was swept, and a second sweep finishes the job.
 */
for (const kind of databaseKinds) {
  describe(`retention sweep killed with SIGKILL on ${kind}`, () => {
    it("leaves every batch whole, the audit chain valid, and the next sweep finishes", async () => {
      const scratch = kind === "pglite" ? await pgliteScratch() : await postgresScratch();
      const child = spawn(process.execPath, ["--import", "tsx", fixture], {
        env: {
          PATH: process.env.PATH ?? "",
          LOG_LEVEL: "warn",
          RECORDS: String(records),
          BATCH_SIZE: String(batchSize),
          PAUSE_IN_BATCH: String(killedInBatch),
          ...scratch.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      await pausedInsideBatch(child);
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("close", resolve));

      const database = await scratch.open();
      try {
        const left = await countNotes(database);
        const erased = records - left;
        const audited = await auditedSweeps(database);
        assert.equal(audited.erased, erased, "every erased record is in a committed audit entry");
        assert.equal(erased, (killedInBatch - 1) * batchSize, "the batches before the kill, whole");
        assert.equal(audited.batches, killedInBatch - 1);
        const keys = await keyStates(database);
        assert.equal(keys.shredded, audited.keysShredded, "keys shredded = keys audited");
        assert.equal(keys.shreddedWithNotesLeft, 0, "no key of a subject with notes left is gone");
        assert.equal(keys.liveWithoutNotes, 0, "no subject without notes keeps its key");
        assert.equal((await verifyAudit(database.db)).ok, true);

        const config = loadConfig({
          DATA_DIR: scratch.env.DATA_DIR ?? (await mkdtemp(path.join(os.tmpdir(), "wits-crash-"))),
          WITS_MASTER_KEY: scratch.env.WITS_MASTER_KEY,
        });
        const vault = await openVault({ db: database.db, config, clock: systemClock });
        const { policy } = await loadActivePolicy(undefined);
        const dataMap = testDataMap(() => policy);
        const report = await sweepRetention(
          { db: database.db, dataMap, clock: systemClock, vault },
          { batchSize: 5_000 },
        );
        assert.equal(report.byType["test.note"]?.erased, left, "the second sweep erases the rest");
        assert.equal(await countNotes(database), 0);
        const [plan] = await planSweep({ db: database.db, dataMap }, systemClock.now());
        assert.equal(plan, undefined, "nothing is due any more");
        assert.equal((await auditedSweeps(database)).erased, records);
        assert.equal((await keyStates(database)).shredded, records / 10);
        assert.equal((await verifyAudit(database.db)).ok, true);
      } finally {
        await database.close();
      }
    });
  });
}

function pausedInsideBatch(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`the sweep did not reach batch ${killedInBatch} in 50 s: ${output} ${errors}`),
      );
    }, 50_000);
    child.stderr?.on("data", (chunk) => {
      errors += chunk;
    });
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      if (output.includes(`paused inside batch ${killedInBatch}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sweep ended (${code}) before it was killed: ${output} ${errors}`));
    });
  });
}

async function pgliteScratch(): Promise<Scratch> {
  const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-crash-"));
  return {
    env: { DATA_DIR, WITS_MASTER_KEY: randomMasterKey() },
    // The same data dir the killed process had open: PGlite must recover it.
    open: () => openDatabase({ DATA_DIR }),
  };
}

async function postgresScratch(): Promise<Scratch> {
  const scratch = await createScratchPostgres(process.env.DATABASE_URL ?? "", {
    prefix: "wits_crash",
  });
  return {
    env: { DATABASE_URL: scratch.url, WITS_MASTER_KEY: randomMasterKey() },
    open: () => scratch.openDroppedOnClose(2),
  };
}

async function countNotes(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from test_notes`,
  );
  return row?.n ?? 0;
}

async function auditedSweeps(database: Database) {
  const [row] = await queryRows<{ batches: number; erased: number; keys: number }>(
    database.db,
    sql`select count(*)::int as batches,
               coalesce(sum((details->>'erased')::int), 0)::int as erased,
               coalesce(sum((details->>'keysShredded')::int), 0)::int as keys
        from audit_log where action = 'retention.sweep'`,
  );
  return { batches: row?.batches ?? 0, erased: row?.erased ?? 0, keysShredded: row?.keys ?? 0 };
}

/** A batch that half-happened would show as a key gone with notes left, or the other way round. */
async function keyStates(database: Database) {
  const [row] = await queryRows<{ shredded: number; early: number; late: number }>(
    database.db,
    sql`select count(*) filter (where k.wrapped_key is null)::int as shredded,
               count(*) filter (where k.wrapped_key is null and n.has_notes)::int as early,
               count(*) filter (where k.wrapped_key is not null and not n.has_notes)::int as late
        from data_keys k
        cross join lateral (select exists (select 1 from test_notes t
                                           where t.subject_id = k.subject_id) as has_notes) n
        where k.purpose = 'contact'`,
  );
  return {
    shredded: row?.shredded ?? 0,
    shreddedWithNotesLeft: row?.early ?? 0,
    liveWithoutNotes: row?.late ?? 0,
  };
}
