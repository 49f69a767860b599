import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import { type Database, type DatabaseKind, queryRows } from "../src/core/db/database.ts";
import { isErased, normaliseEmail, openVault, type Vault } from "../src/vault/index.ts";
import { openScratchDatabase } from "./scratch-database.ts";

/**
 * The vault's two costs: encrypting a record's fields (against the same record in plaintext, in
 * the same run) and finding a subject by e-mail among many (against a primary-key lookup).
 * BENCH_VAULT_RECORDS, BENCH_SUBJECTS and BENCH_LOOKUPS make it shorter or longer.
 */
const records = Number(process.env.BENCH_VAULT_RECORDS ?? 2000);
const subjectCount = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const lookups = Number(process.env.BENCH_LOOKUPS ?? 2000);

const fieldNames = ["f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10"] as const;

async function openBenchVault(database: Database): Promise<Vault> {
  const config = loadConfig({
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-bench-vault-keys-")),
    WITS_MASTER_KEY: randomBytes(32).toString("base64"),
  });
  return openVault({ db: database.db, config, clock: systemClock });
}

/** A contact-form-sized record: name, e-mail, phone, address lines, a message. */
function recordValues(i: number): string[] {
  return [
    `An Peeters ${i}`,
    `an.peeters.${i}@example.be`,
    "+32470123456",
    "Kerkstraat 12",
    "9000",
    "Gent",
    "België",
    "WITS klant sinds 2019",
    "Laptop traag na update, graag iemand die op afstand kan meekijken.",
    `Ik had graag een offerte voor ${i % 7} nieuwe laptops en de installatie ervan.`,
  ];
}

export interface EncryptionCost {
  plainMicros: number;
  encryptedMicros: number;
  ratio: number;
  /** Everything encryption adds, longer ciphertexts to store and send included: (encrypted − plain) / encrypted. */
  overheadShare: number;
  /** Time inside encryptField/decryptField (key lookup, AES-GCM, encoding) / encrypted round trip. */
  cryptoShare: number;
}

interface Timing {
  micros: number;
  cryptoMicros: number;
}

/** Write then read back one 10-field record, `count` times, in plaintext or through the vault. */
async function roundTrips(
  database: Database,
  vault: Vault,
  subjectIds: string[],
  encrypted: boolean,
  count: number,
): Promise<Timing> {
  const table = encrypted ? "bench_vault_enc" : "bench_vault_plain";
  const { db } = database;
  let crypto = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const subjectId = subjectIds[i % subjectIds.length] ?? "";
    const place = { subjectId, purpose: "contact" as const, table, recordId: id };
    const plain = recordValues(i);
    const encryptStarted = performance.now();
    const stored = encrypted
      ? await Promise.all(
          fieldNames.map((column, n) =>
            vault.encryptField(db, { ...place, column, value: plain[n] ?? "" }),
          ),
        )
      : plain;
    crypto += performance.now() - encryptStarted;
    await db.execute(
      sql`insert into ${sql.raw(table)} (id, subject_id, ${sql.raw(fieldNames.join(", "))})
          values (${id}, ${subjectId}, ${sql.join(
            stored.map((value) => sql`${value}`),
            sql`, `,
          )})`,
    );
    const [row] = await queryRows<Record<string, string>>(
      db,
      sql`select * from ${sql.raw(table)} where id = ${id}`,
    );
    if (!row) throw new Error("bench record vanished");
    const decryptStarted = performance.now();
    const read = encrypted
      ? await Promise.all(
          fieldNames.map((column) =>
            vault.decryptField(db, { ...place, column, ciphertext: row[column] ?? "" }),
          ),
        )
      : fieldNames.map((column) => row[column]);
    crypto += performance.now() - decryptStarted;
    if (read[9] !== plain[9] || read.some(isErased)) throw new Error("bench read back wrong data");
  }
  return {
    micros: ((performance.now() - started) * 1000) / count,
    cryptoMicros: (crypto * 1000) / count,
  };
}

export async function encryptionCost(kind: DatabaseKind, count = records): Promise<EncryptionCost> {
  const database = await openScratchDatabase(kind);
  try {
    const vault = await openBenchVault(database);
    for (const table of ["bench_vault_plain", "bench_vault_enc"]) {
      await database.db.execute(
        sql`create table ${sql.raw(table)} (id uuid primary key, subject_id uuid, ${sql.raw(
          fieldNames.map((name) => `${name} text`).join(", "),
        )})`,
      );
    }
    // Records spread over 100 people, as in a live inbox: their keys are warm after the first.
    const subjectIds: string[] = [];
    for (let i = 0; i < 100; i++) {
      const { subjectId } = await vault.ensureSubject(database.db, {
        email: `bench.${i}@example.be`,
      });
      subjectIds.push(subjectId);
    }
    const warmUp = Math.min(200, count);
    await roundTrips(database, vault, subjectIds, false, warmUp);
    await roundTrips(database, vault, subjectIds, true, warmUp);
    // Alternate and keep the best of each, so neither side always runs on a warmer machine.
    const plain: Timing[] = [];
    const encrypted: Timing[] = [];
    for (let run = 0; run < 2; run++) {
      plain.push(await roundTrips(database, vault, subjectIds, false, count));
      encrypted.push(await roundTrips(database, vault, subjectIds, true, count));
    }
    const best = (timings: Timing[]) => timings.reduce((a, b) => (a.micros <= b.micros ? a : b));
    const plainMicros = best(plain).micros;
    const { micros: encryptedMicros, cryptoMicros } = best(encrypted);
    return {
      plainMicros,
      encryptedMicros,
      ratio: encryptedMicros / plainMicros,
      overheadShare: Math.max(0, (encryptedMicros - plainMicros) / encryptedMicros),
      cryptoShare: cryptoMicros / encryptedMicros,
    };
  } finally {
    await database.close();
  }
}

export interface LookupLatency {
  subjects: number;
  loadSeconds: number;
  p50Ms: number;
  p95Ms: number;
  baselineP50Ms: number;
  baselineP95Ms: number;
}

const emailOf = (i: number) => `bench.subject.${i}@example.be`;

/** Loads subjects with multi-row inserts; blind indexes computed here, as the vault would. */
async function loadSubjects(database: Database, vault: Vault, total: number): Promise<string[]> {
  const batchSize = 10_000;
  const sample: string[] = [];
  for (let start = 0; start < total; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(start + batchSize, total); i++) {
      const id = randomUUID();
      if (i % Math.max(1, Math.floor(total / 1000)) === 0) sample.push(id);
      rows.push({ id, bi: vault.blindIndex("email", normaliseEmail(emailOf(i)) ?? "") });
    }
    await database.db.execute(
      sql`with batch as (
            select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, bi text)
          ), inserted as (
            insert into subjects (id, created_at) select id, now() from batch
          )
          insert into subject_identifiers (subject_id, kind, blind_index, created_at)
          select id, 'email', bi, now() from batch`,
    );
    process.stderr.write(`\r  loading subjects ${Math.min(start + batchSize, total)}/${total}`);
  }
  process.stderr.write("\n");
  await database.db.execute(sql`analyze subjects`);
  await database.db.execute(sql`analyze subject_identifiers`);
  return sample;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function lookupLatency(
  kind: DatabaseKind,
  total = subjectCount,
  count = lookups,
): Promise<LookupLatency> {
  const database = await openScratchDatabase(kind);
  try {
    const vault = await openBenchVault(database);
    const loadStarted = performance.now();
    const sampleIds = await loadSubjects(database, vault, total);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const byEmail: number[] = [];
    const byId: number[] = [];
    for (let n = 0; n < count + 200; n++) {
      const i = Math.floor(Math.random() * total);
      // Typed as a visitor would: the vault normalises before hashing.
      const typed = ` ${emailOf(i).toUpperCase()} `;
      const t0 = performance.now();
      const found = await vault.findSubject(database.db, { email: typed });
      const t1 = performance.now();
      if (!found) throw new Error("bench subject not found");
      const id = sampleIds[n % sampleIds.length] ?? "";
      const t2 = performance.now();
      await database.db.execute(sql`select id from subjects where id = ${id}`);
      const t3 = performance.now();
      if (n >= 200) {
        byEmail.push(t1 - t0);
        byId.push(t3 - t2);
      }
    }
    byEmail.sort((a, b) => a - b);
    byId.sort((a, b) => a - b);
    return {
      subjects: total,
      loadSeconds,
      p50Ms: percentile(byEmail, 0.5),
      p95Ms: percentile(byEmail, 0.95),
      baselineP50Ms: percentile(byId, 0.5),
      baselineP95Ms: percentile(byId, 0.95),
    };
  } finally {
    await database.close();
  }
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);

export async function printVaultBenchmarks(kinds: readonly DatabaseKind[]): Promise<void> {
  process.stdout.write(
    `\nvault: write + read back one 10-field record, plaintext vs encrypted (AES-256-GCM, warm data keys), ${records} records, best of 2\n`,
  );
  process.stdout.write(
    "| database | plaintext µs | encrypted µs | encrypted / plaintext | crypto share of round trip (target < 15 %) | all overhead incl. longer values |\n|---|---|---|---|---|---|\n",
  );
  for (const kind of kinds) {
    const cost = await encryptionCost(kind);
    process.stdout.write(
      `| ${kind} | ${fixed(cost.plainMicros)} | ${fixed(cost.encryptedMicros)} | ${fixed(cost.ratio, 2)} | ${fixed(cost.cryptoShare * 100, 1)} % | ${fixed(cost.overheadShare * 100, 1)} % |\n`,
    );
  }

  process.stdout.write(
    `\nvault: find a subject by e-mail blind index (normalise, HMAC, indexed select) among ${subjectCount} subjects, ${lookups} lookups\n`,
  );
  process.stdout.write(
    "| database | load s | p50 ms | p95 ms (target < 5 on PostgreSQL) | primary-key select p50 / p95 ms (baseline) |\n|---|---|---|---|---|\n",
  );
  for (const kind of kinds) {
    const latency = await lookupLatency(kind);
    process.stdout.write(
      `| ${kind} | ${fixed(latency.loadSeconds)} | ${fixed(latency.p50Ms, 2)} | ${fixed(latency.p95Ms, 2)} | ${fixed(latency.baselineP50Ms, 2)} / ${fixed(latency.baselineP95Ms, 2)} |\n`,
    );
  }
}

// `tsx bench/vault.ts` runs only these; `npm run bench` runs them after the others.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printVaultBenchmarks(process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]);
}
