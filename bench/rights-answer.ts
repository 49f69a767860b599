import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import { type Database, type DatabaseKind, queryRows } from "../src/core/db/database.ts";
import { readOutbox } from "../src/core/mail/index.ts";
import { outbox } from "../src/core/mail/outbox.tables.ts";
import { type DataMap, readSubjectRecords } from "../src/datamap/index.ts";
import { unsubscribeSubject } from "../src/modules/newsletter/index.ts";
import { completeOrder, createOrder, orderSchema } from "../src/modules/orders/index.ts";
import { answerRequest } from "../src/modules/rights/answer-request.ts";
import { executeRight } from "../src/modules/rights/execute-right.ts";
import { createRequest } from "../src/modules/rights/request-intake.ts";
import { rightsRequests } from "../src/modules/rights/rights.tables.ts";
import type { RightsDeps } from "../src/modules/rights/rights-deps.ts";
import { loadActivePolicy } from "../src/policy/index.ts";
import { allRecordTypes } from "../src/record-types.ts";
import { openVault, type Vault } from "../src/vault/index.ts";
import { createTestNotesTable, testDataMap } from "../test/helpers/test-record-type.ts";
import { openScratchDatabase } from "./scratch-database.ts";

/**
 * The measure: for a subject with 1,000 records, the time from "execute" (access, then
 * erasure) to the reply letter's PDF, answer mail queued. The baseline, in the same run and on
 * the same subject, is reading and decrypting the subject's records once, which the access step
 * must do at least. BENCH_RIGHTS_RECORDS and BENCH_RIGHTS_RUNS change the size and the sample.
 *
 * The records: one order completed through the orders module (its order and invoice are kept
 * 7 years, so the erasure restricts them and the letter explains why), and test notes under the
 * contact purpose with real ciphertexts under the person's key, inserted in batches: the engines
 * read, export and shred them like any record type; a thousand contact requests through the
 * contact module would only make the seeding slower, not the measured part different.
 */
const recordCount = Number(process.env.BENCH_RIGHTS_RECORDS ?? 1_000);
const runs = Number(process.env.BENCH_RIGHTS_RUNS ?? 3);
const staffId = "00000000-0000-4000-8000-0000000000be";
/** The order and its invoice. */
const moduleRecords = 2;

export interface RightsAnswerRun {
  baselineMs: number;
  accessMs: number;
  erasureMs: number;
  answerMs: number;
  totalMs: number;
  pdfBytes: number;
}

export interface RightsAnswerBench {
  kind: DatabaseKind;
  records: number;
  runs: RightsAnswerRun[];
  median: RightsAnswerRun;
}

const noteText = (i: number) =>
  `Goedemiddag, mijn laptop (vraag ${i}) start sinds de laatste update niet meer op. Kan iemand op afstand meekijken?`;

async function benchDeps(database: Database): Promise<RightsDeps> {
  const { policy } = await loadActivePolicy(undefined);
  const config = loadConfig({
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-bench-rights-")),
    WITS_MASTER_KEY: randomBytes(32).toString("base64"),
  });
  const clock = systemClock;
  const vault = await openVault({ db: database.db, config, clock });
  const dataMap: DataMap = testDataMap(() => policy, undefined, allRecordTypes);
  const newsletterDeps = {
    db: database.db,
    vault,
    dataMap,
    clock,
    config,
    policy: () => policy,
    policyVersion: () => "bench",
  };
  return {
    db: database.db,
    clock,
    config,
    dataMap,
    vault,
    policy: () => policy,
    effects: {
      unsubscribeNewsletter: (db, input) => unsubscribeSubject({ ...newsletterDeps, db }, input),
      subjectsOfCustomer: async () => [],
      recordTransfer: async () => undefined,
    },
  };
}

/** A person with a completed order and enough notes to reach the record count. */
async function seedPerson(deps: RightsDeps): Promise<{ email: string; subjectId: string }> {
  const email = `bench.rights.${randomBytes(6).toString("hex")}@example.be`;
  const { subjectId } = await deps.vault.ensureSubject(deps.db, { email });
  const ordersDeps = { ...deps, attachInvoicePdf: false };
  const order = await createOrder(ordersDeps, {
    channel: "backoffice",
    locale: "nl",
    actor: { type: "system" },
    request: orderSchema.parse({
      billing: {
        email,
        name: "Bench Persoon",
        address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
      },
      lines: [{ description: "Laptop", quantity: "1", unitPrice: "999,99", vatRate: 21 }],
    }),
  });
  await completeOrder(ordersDeps, { orderId: order.id, actor: { type: "system" } });
  await insertNotes(deps.db, deps.vault, subjectId, recordCount - moduleRecords);
  return { email, subjectId };
}

async function insertNotes(db: RightsDeps["db"], vault: Vault, subjectId: string, total: number) {
  const reason = { code: "awaiting_event", event: "request.closed", period: { years: 1 } };
  const batchSize = 250;
  for (let start = 0; start < total; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(start + batchSize, total); i++) {
      const id = randomUUID();
      rows.push({
        id,
        request_id: `bench-${i}`,
        note: await vault.encryptField(db, {
          subjectId,
          purpose: "contact",
          table: "test_notes",
          column: "note_ciphertext",
          recordId: id,
          value: noteText(i),
        }),
      });
    }
    await db.execute(
      sql`insert into test_notes (id, subject_id, retain_until, retention_reason, request_id, topic,
                                  note_ciphertext, created_at)
          select r.id, ${subjectId}, null, ${JSON.stringify(reason)}::jsonb, r.request_id,
                 'laptop start niet op', r.note, now()
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as r(id uuid, request_id text, note text)`,
    );
  }
}

async function oneRun(deps: RightsDeps): Promise<RightsAnswerRun> {
  const person = await seedPerson(deps);
  const created = await createRequest(deps, {
    channel: "email",
    locale: "nl",
    rights: [{ kind: "access" }, { kind: "erasure" }],
    email: person.email,
    enteredBy: staffId,
  });
  await deps.db
    .update(rightsRequests)
    .set({ status: "verified", verifiedAt: new Date(), verifiedBy: staffId })
    .where(eq(rightsRequests.id, created.requestId));

  // Warm: the vault's key cache and the plans, as a server that just showed the request page.
  await readSubjectRecords(deps, person.subjectId);
  const b0 = performance.now();
  const held = await readSubjectRecords(deps, person.subjectId);
  const baselineMs = performance.now() - b0;
  const found = held.byType.reduce((sum, ofType) => sum + ofType.records.length, 0);
  // The request itself is a record of the person too.
  if (found !== recordCount + 1)
    throw new Error(`expected ${recordCount + 1} records, read ${found}`);

  const t0 = performance.now();
  await executeRight(deps, {
    requestId: created.requestId,
    step: { kind: "access" },
    staffId,
  });
  const t1 = performance.now();
  await executeRight(deps, {
    requestId: created.requestId,
    step: { kind: "erasure" },
    staffId,
  });
  const t2 = performance.now();
  await answerRequest(deps, { requestId: created.requestId, staffId });
  const t3 = performance.now();

  const [left] = await queryRows<{ notes: number }>(
    deps.db,
    sql`select count(*)::int as notes from test_notes where subject_id = ${person.subjectId}`,
  );
  if (left?.notes !== 0) throw new Error("the erasure left notes behind");
  const pdf = await answerLetterMailed(deps, person);
  if (pdf.subarray(0, 4).toString("latin1") !== "%PDF") throw new Error("no letter PDF mailed");
  return {
    baselineMs,
    accessMs: t1 - t0,
    erasureMs: t2 - t1,
    answerMs: t3 - t2,
    totalMs: t3 - t0,
    pdfBytes: pdf.length,
  };
}

/** The letter PDF attached to the answer mail queued for the person; sealed, so it is opened. */
async function answerLetterMailed(
  deps: RightsDeps,
  person: { email: string; subjectId: string },
): Promise<Buffer> {
  const mails = await readOutbox(
    deps.db,
    deps.vault,
    and(eq(outbox.purpose, "rights.answer"), eq(outbox.subjectId, person.subjectId)),
  );
  const mail = mails.find((row) => row.content?.to === person.email);
  return Buffer.from(mail?.content?.attachments[0]?.contentBase64 ?? "", "base64");
}

export async function benchRightsAnswer(kind: DatabaseKind): Promise<RightsAnswerBench> {
  const database = await openScratchDatabase(kind);
  try {
    await createTestNotesTable(database.db);
    const deps = await benchDeps(database);
    const measured: RightsAnswerRun[] = [];
    for (let run = 0; run < runs; run++) measured.push(await oneRun(deps));
    const byTotal = [...measured].sort((a, b) => a.totalMs - b.totalMs);
    const median = byTotal[Math.floor(byTotal.length / 2)];
    if (!median) throw new Error("no run");
    return { kind, records: recordCount, runs: measured, median };
  } finally {
    await database.close();
  }
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);

export async function printRightsAnswerBenchmark(kinds: readonly DatabaseKind[]): Promise<void> {
  process.stdout.write(
    `\nrights request answered: subject with ${recordCount} records, execute access (package with PDF report) + erasure, then the answer (letter, letter PDF, mail, minimising); median of ${runs}; baseline = reading and decrypting the subject's records once\n`,
  );
  process.stdout.write(
    "| database | baseline read ms | access ms | erasure ms | answer + letter PDF ms | execute → letter PDF ms (target < 2000) | ratio to baseline | letter PDF KiB |\n|---|---|---|---|---|---|---|---|\n",
  );
  for (const kind of kinds) {
    const { median } = await benchRightsAnswer(kind);
    process.stdout.write(
      `| ${kind} | ${fixed(median.baselineMs, 1)} | ${fixed(median.accessMs)} | ${fixed(median.erasureMs)} | ${fixed(median.answerMs)} | ${fixed(median.totalMs)} | ${fixed(median.totalMs / median.baselineMs, 1)} | ${fixed(median.pdfBytes / 1024, 1)} |\n`,
    );
  }
}

// `tsx bench/rights-answer.bench.ts` runs only this benchmark; without DATABASE_URL on PGlite only.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.env.DATABASE_URL) {
    process.stdout.write("DATABASE_URL is not set: measuring on PGlite only, not PostgreSQL\n");
  }
  await printRightsAnswerBenchmark(process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]);
}
