import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { systemClock } from "../src/core/clock.ts";
import { type Config, loadConfig } from "../src/core/config.ts";
import { type Database, type DatabaseKind, queryRows } from "../src/core/db/database.ts";
import {
  buildAccessReport,
  buildExportZip,
  exportSubject,
  noDisclosures,
  packagePaths,
  renderReportHtml,
  renderReportPdf,
} from "../src/datamap/export/index.ts";
import { activeLegalHolds, type DataMap, readSubjectRecords } from "../src/datamap/index.ts";
import { loadActivePolicy } from "../src/policy/index.ts";
import { allRecordTypes } from "../src/record-types.ts";
import { normaliseEmail, openVault, type Vault } from "../src/vault/index.ts";
import { createTestNotesTable, testDataMap } from "../test/helpers/test-record-type.ts";
import { openScratchDatabase } from "./scratch-database.ts";

/**
 * The rights engine's answer time: find a person by e-mail among many and build their package
 * (records read and decrypted, report as HTML, ZIP with JSON and CSV), without the PDF, which is
 * timed on its own. BENCH_EXPORT_SUBJECTS (default 1,000,000) and BENCH_EXPORT_RECORDS (default
 * five per subject) make it smaller for a quick run; BENCH_EXPORT_LOOKUPS sets the sample.
 */
const subjectCount = Number(process.env.BENCH_EXPORT_SUBJECTS ?? 1_000_000);
const recordCount = Number(process.env.BENCH_EXPORT_RECORDS ?? subjectCount * 5);
const lookupCount = Number(process.env.BENCH_EXPORT_LOOKUPS ?? 200);
const warmUp = 20;
const pdfSamples = 50;
const fullExports = 30;

export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
}

export interface LocateAndExport {
  subjects: number;
  records: number;
  lookups: number;
  loadSeconds: number;
  locate: Percentiles;
  read: Percentiles;
  build: Percentiles;
  /** Locate + read + build: the target is < 100 ms p95 on PostgreSQL, < 250 ms on PGlite. */
  total: Percentiles;
  pdf: Percentiles;
  /** exportSubject as a request would run it: PDF, encryption, insert and audit included. */
  fullExport: Percentiles;
}

const emailOf = (i: number) => `bench.export.${i}@example.be`;
/** A contact note as the statement describes one: a question of a few sentences. */
const noteText = (i: number) =>
  `Goedemiddag, mijn laptop (klant ${i}) start sinds de laatste update niet meer op. Kan iemand op afstand meekijken? Alvast bedankt.`;

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

async function benchConfig(): Promise<Config> {
  return loadConfig({
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-bench-export-")),
    WITS_MASTER_KEY: randomBytes(32).toString("base64"),
  });
}

/** Picks the subjects the benchmark will look up, before loading, so only their ids are kept. */
function sampleIndexes(total: number, count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, total)) picked.add(Math.floor(Math.random() * total));
  return [...picked];
}

/** Subjects with their e-mail blind index, in multi-row inserts, as bench/vault.ts loads them. */
async function loadSubjects(
  database: Database,
  vault: Vault,
  total: number,
  sampled: ReadonlySet<number>,
): Promise<Map<number, string>> {
  const batchSize = 10_000;
  const ids = new Map<number, string>();
  for (let start = 0; start < total; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(start + batchSize, total); i++) {
      const id = randomUUID();
      if (sampled.has(i)) ids.set(i, id);
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
  return ids;
}

/**
 * The notes, in SQL. One pass per note number, so a person's notes sit in different parts of the
 * table, as notes written months apart do. They carry a ciphertext-sized filler: a real key and
 * ciphertext for a million people would take the seeding far past the measurement, so only the
 * people looked up get real ones (below).
 */
async function loadNotes(database: Database, total: number, subjects: number): Promise<void> {
  const passes = Math.ceil(total / subjects);
  const reason = JSON.stringify({
    code: "awaiting_event",
    event: "request.closed",
    period: { years: 1 },
  });
  for (let pass = 0; pass < passes; pass++) {
    const limit = Math.min(subjects, total - pass * subjects);
    await database.db.execute(
      sql`insert into test_notes (subject_id, retain_until, retention_reason, request_id, topic,
                                  note_ciphertext, created_at)
          select id, null, ${reason}::jsonb, ${`req-${pass}`}, 'laptop start niet op',
                 repeat('x', 180), now()
          from subjects limit ${limit}`,
    );
    process.stderr.write(`\r  loading notes ${pass * subjects + limit}/${total}`);
  }
  process.stderr.write("\n  indexing notes by subject\n");
  // Every module table has this index (retentionIndexes); the test table is made without it.
  await database.db.execute(
    sql`create index if not exists test_notes_subject_idx on test_notes (subject_id)`,
  );
  for (const table of ["subjects", "subject_identifiers", "test_notes"]) {
    await database.db.execute(sql`analyze ${sql.identifier(table)}`);
  }
}

/** The looked-up people's notes get real ciphertexts, under their own data keys. */
async function encryptSampledNotes(database: Database, vault: Vault, subjectIds: string[]) {
  for (const [n, subjectId] of subjectIds.entries()) {
    const notes = await queryRows<{ id: string }>(
      database.db,
      sql`select id::text as id from test_notes where subject_id = ${subjectId}`,
    );
    for (const { id } of notes) {
      const ciphertext = await vault.encryptField(database.db, {
        subjectId,
        purpose: "contact",
        table: "test_notes",
        column: "note_ciphertext",
        recordId: id,
        value: noteText(n),
      });
      await database.db.execute(
        sql`update test_notes set note_ciphertext = ${ciphertext} where id = ${id}`,
      );
    }
  }
}

interface Timings {
  locate: number[];
  read: number[];
  build: number[];
  total: number[];
}

async function locateAndBuild(
  deps: { database: Database; vault: Vault; dataMap: DataMap },
  email: string,
  timings: Timings | undefined,
) {
  const { database, vault, dataMap } = deps;
  const db = database.db;
  const t0 = performance.now();
  const subjectId = await vault.findSubject(db, { email });
  if (!subjectId) throw new Error("bench subject not found");
  const t1 = performance.now();
  const records = await readSubjectRecords({ db, dataMap, vault }, subjectId);
  const t2 = performance.now();
  const createdAt = new Date();
  const packageId = randomUUID();
  const report = buildAccessReport({
    dataMap,
    records,
    locale: "nl",
    kind: "access",
    packageId,
    createdAt,
    expiresAt: createdAt,
    holds: await activeLegalHolds(db, createdAt, { subjectId }),
    disclosures: await noDisclosures(db, subjectId),
  });
  const html = Buffer.from(renderReportHtml(report), "utf8");
  const { zip } = buildExportZip({
    packageId,
    kind: "access",
    locale: "nl",
    createdAt,
    policyEffectiveDate: dataMap.policy.version.effectiveDate,
    records,
    reports: [{ path: packagePaths.reportHtml, bytes: html }],
  });
  const t3 = performance.now();
  if (zip.length === 0 || records.byType.every((type) => type.records.length === 0)) {
    throw new Error("bench package is empty");
  }
  timings?.locate.push(t1 - t0);
  timings?.read.push(t2 - t1);
  timings?.build.push(t3 - t2);
  timings?.total.push(t3 - t0);
  return { subjectId, report };
}

export async function benchLocateAndExport(kind: DatabaseKind): Promise<LocateAndExport> {
  const database = await openScratchDatabase(kind);
  try {
    const config = await benchConfig();
    const clock = systemClock;
    const seeding = await openVault({ db: database.db, config, clock });
    await createTestNotesTable(database.db);
    const sample = sampleIndexes(subjectCount, lookupCount + warmUp);
    const loadStarted = performance.now();
    const ids = await loadSubjects(database, seeding, subjectCount, new Set(sample));
    await loadNotes(database, recordCount, subjectCount);
    await encryptSampledNotes(
      database,
      seeding,
      sample.map((i) => ids.get(i) ?? ""),
    );
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    // A vault with cold caches, as a server that has not seen these people before.
    const vault = await openVault({ db: database.db, config, clock });
    const { policy } = await loadActivePolicy(undefined);
    const dataMap = testDataMap(() => policy, undefined, allRecordTypes);
    const deps = { database, vault, dataMap };
    const timings: Timings = { locate: [], read: [], build: [], total: [] };
    const reports = [];
    for (const [n, i] of sample.entries()) {
      // Typed as a visitor would: the vault normalises before hashing.
      const typed = ` ${emailOf(i).toUpperCase()} `;
      const measured = n >= warmUp ? timings : undefined;
      const { report } = await locateAndBuild(deps, typed, measured);
      if (measured && reports.length < pdfSamples) reports.push(report);
    }

    const pdf: number[] = [];
    for (const report of reports) {
      const t0 = performance.now();
      await renderReportPdf(report);
      pdf.push(performance.now() - t0);
    }

    const full: number[] = [];
    for (const i of sample.slice(warmUp, warmUp + fullExports)) {
      const subjectId = ids.get(i) ?? "";
      const t0 = performance.now();
      await exportSubject(
        { db: database.db, dataMap, vault, clock, publicUrl: "https://privacy.example.be" },
        { subjectId, locale: "nl", kind: "access", actor: { type: "system" } },
      );
      full.push(performance.now() - t0);
    }

    return {
      subjects: subjectCount,
      records: recordCount,
      lookups: timings.total.length,
      loadSeconds,
      locate: percentiles(timings.locate),
      read: percentiles(timings.read),
      build: percentiles(timings.build),
      total: percentiles(timings.total),
      pdf: percentiles(pdf),
      fullExport: percentiles(full),
    };
  } finally {
    await database.close();
  }
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const both = (p: Percentiles) => `${fixed(p.p50Ms)} / ${fixed(p.p95Ms)}`;

export async function printExportBenchmarks(kinds: readonly DatabaseKind[]): Promise<void> {
  process.stdout.write(
    `\nexport: find a person by e-mail, read and decrypt their records, build report.html and the ZIP (JSON, CSV; no PDF), among ${subjectCount} subjects / ${recordCount} records, ${lookupCount} lookups; PDF and a full exportSubject (PDF, encryption, insert, audit) timed apart\n`,
  );
  process.stdout.write(
    "| database | load s | locate p50 / p95 ms | read p50 / p95 ms | build p50 / p95 ms | locate + export p50 / p95 ms (target p95 < 100 PostgreSQL, < 250 PGlite) | PDF p50 / p95 ms | full exportSubject p50 / p95 ms |\n|---|---|---|---|---|---|---|---|\n",
  );
  for (const kind of kinds) {
    const result = await benchLocateAndExport(kind);
    process.stdout.write(
      `| ${kind} | ${fixed(result.loadSeconds, 0)} | ${both(result.locate)} | ${both(result.read)} | ${both(result.build)} | ${both(result.total)} | ${both(result.pdf)} | ${both(result.fullExport)} |\n`,
    );
  }
}

// `tsx bench/export.ts` runs only this benchmark.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printExportBenchmarks(process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]);
}
