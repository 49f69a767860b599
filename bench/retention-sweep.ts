import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import { type Database, type DatabaseKind, queryRows } from "../src/core/db/database.ts";
import {
  applyPolicyRetention,
  DataMap,
  defineRecordType,
  sweepRetention,
} from "../src/datamap/index.ts";
import { loadActivePolicy } from "../src/policy/index.ts";
import { openVault, type Vault } from "../src/vault/index.ts";
import {
  createTestNotesTable,
  seedDueNotes,
  testNoteType,
} from "../test/helpers/test-record-type.ts";
import { sampled } from "./peak-rss.ts";
import { openScratchDatabase } from "./scratch-database.ts";

export interface SweepBenchOptions {
  records?: number;
  method?: "delete" | "shred";
  batchSize?: number;
  /** Records per subject: real subjects have a few records each. */
  perSubject?: number;
}

export interface SweepBenchResult {
  kind: DatabaseKind;
  method: "delete" | "shred";
  records: number;
  seedMs: number;
  baselineMs: number;
  sweepMs: number;
  /** sweep / baseline wall time. */
  ratio: number;
  erased: number;
  keysShredded: number;
  /** RSS with the database open and seeded, before either is measured (PGlite's included). */
  idleRssMiB: number;
  /** Highest RSS while the baseline ran, and while the sweep ran. */
  baselineRssMiB: number;
  sweepRssMiB: number;
}

export const sweepTargets = { seconds: 20, rssMiB: 300 } as const;

/**
 * The retention sweep over a million expired records, against a plain `delete` of as many rows
 * of a copy of the table in the same run: the ratio is what the engine's batching, hold check,
 * subject bookkeeping and one audit entry per batch cost. Each run has a process of its own, so
 * the memory measured is its alone: a PGlite opened earlier never gives its memory back.
 * Run alone (`npx tsx bench/retention-sweep.ts`), BENCH_SWEEP_RECORDS and BENCH_SWEEP_METHOD
 * (delete or shred) change the run.
 */
export async function benchRetentionSweep(
  kind: DatabaseKind,
  options: SweepBenchOptions = {},
): Promise<SweepBenchResult> {
  const child = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      childFlag,
      kind,
      JSON.stringify(options),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`retention sweep bench on ${kind} exited with ${code}`);
  return JSON.parse(stdout) as SweepBenchResult;
}

const childFlag = "--measure-in-this-process";

async function measure(
  kind: DatabaseKind,
  { records = 1_000_000, method = "delete", batchSize, perSubject = 10 }: SweepBenchOptions,
): Promise<SweepBenchResult> {
  const database = await openScratchDatabase(kind);
  try {
    const vault = await openBenchVault(database);
    const { policy } = await loadActivePolicy(undefined);
    const type = defineRecordType({
      ...testNoteType,
      // A deleted type holds no ciphertext (its rows would outlive no key); the seed writes none.
      fields: testNoteType.fields.filter(
        (field) => method === "shred" || field.kind !== "encrypted",
      ),
      erasure: { method },
    });
    // No running agreements: every due note goes.
    const dataMap = new DataMap({
      recordTypes: [type],
      policy: () => policy,
      conditions: { running_agreement: async () => false },
    });
    await createTestNotesTable(database.db);
    // Every product table has this index (retentionIndexes); the sweep's subject checks need it.
    await database.db.execute(
      sql`create index if not exists test_notes_subject_idx on test_notes (subject_id)`,
    );

    const seedStarted = performance.now();
    await seedDueNotes(database.db, { records, perSubject });
    // The baseline deletes a copy with the same indexes, so the sweep meets a table no earlier
    // delete has left dead rows in.
    await database.db.execute(sql`create table baseline_notes (like test_notes including all)`);
    await database.db.execute(sql`insert into baseline_notes select * from test_notes`);
    await database.db.execute(sql`analyze baseline_notes`);
    const seedMs = performance.now() - seedStarted;
    global.gc?.();
    const idleRssMiB = process.memoryUsage.rss() / 2 ** 20;
    const baseline = await sampled(async () => {
      await database.db.execute(sql`delete from baseline_notes`);
    });
    await database.db.execute(sql`drop table baseline_notes`);
    // A policy's rules are applied once, when first seen or changed, not on every sweep: that
    // one-off recomputation is not what an hourly sweep costs, so it happens before the clock.
    await applyPolicyRetention({ db: database.db, dataMap, clock: systemClock });

    const sweep = await sampled(() =>
      sweepRetention(
        { db: database.db, dataMap, clock: systemClock, vault },
        batchSize ? { batchSize } : {},
      ),
    );
    const result = sweep.value.byType[type.id];
    const left = await countNotes(database);
    if (left !== 0) throw new Error(`the sweep left ${left} expired records`);
    return {
      kind,
      method,
      records,
      seedMs,
      baselineMs: baseline.ms,
      sweepMs: sweep.ms,
      ratio: sweep.ms / baseline.ms,
      erased: result?.erased ?? 0,
      keysShredded: result?.keysShredded ?? 0,
      idleRssMiB,
      baselineRssMiB: baseline.peakRssMiB,
      sweepRssMiB: sweep.peakRssMiB,
    };
  } finally {
    await database.close();
  }
}

async function openBenchVault(database: Database): Promise<Vault> {
  const config = loadConfig({
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-bench-sweep-keys-")),
    WITS_MASTER_KEY: randomBytes(32).toString("base64"),
  });
  return openVault({ db: database.db, config, clock: systemClock });
}

async function countNotes(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from test_notes`,
  );
  return row?.n ?? 0;
}

export function formatSweepBench(results: readonly SweepBenchResult[]): string {
  const fixed = (n: number, digits = 0) => n.toFixed(digits);
  const rows = results.map(
    (r) =>
      `| ${r.kind} | ${r.method} | ${r.records} | ${fixed(r.baselineMs / 1000, 2)} | ${fixed(r.sweepMs / 1000, 2)} | ${fixed(r.ratio, 1)} | ${fixed(r.idleRssMiB)} | ${fixed(r.baselineRssMiB)} | ${fixed(r.sweepRssMiB)} | ${r.keysShredded} |`,
  );
  return [
    `retention sweep of expired records against one plain \`delete\` of as many rows, each database in a process of its own (targets: sweep < ${sweepTargets.seconds} s, RSS < ${sweepTargets.rssMiB} MiB; PGlite runs in the process, so its memory counts)`,
    "| database | method | records | plain delete s | sweep s | sweep / delete | idle RSS MiB | delete peak RSS MiB | sweep peak RSS MiB | keys shredded |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

if (process.argv[2] === childFlag) {
  const result = await measure(
    process.argv[3] as DatabaseKind,
    JSON.parse(process.argv[4] ?? "{}") as SweepBenchOptions,
  );
  process.stdout.write(JSON.stringify(result));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  const records = Number(process.env.BENCH_SWEEP_RECORDS ?? 1_000_000);
  const method = process.env.BENCH_SWEEP_METHOD === "shred" ? "shred" : "delete";
  const results: SweepBenchResult[] = [];
  for (const kind of kinds) results.push(await benchRetentionSweep(kind, { records, method }));
  process.stdout.write(`${formatSweepBench(results)}\n`);
}
