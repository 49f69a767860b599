import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { FakeClock } from "../../src/core/clock.ts";
import type { Database, DatabaseKind, Db } from "../../src/core/db/database.ts";
import {
  DataMap,
  defineRecordType,
  type RecordType,
  retentionColumns,
  retentionFor,
} from "../../src/datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../src/policy/index.ts";
import type { Vault } from "../../src/vault/index.ts";
import { openTestVault } from "../../src/vault/test-vault.ts";
import { createTestDatabase } from "./database.ts";

/**
 * A record type that exists only in tests, on a table the test creates: the engines must handle
 * it with no code of their own, which is what proves they hold no module-specific code.
 * It follows the contact purpose's policy rule (request closed + 1 year, restarted by an agreement
 * ending, kept while an agreement runs).
 */
function testTable(name: string) {
  return pgTable(name, {
    id: uuid("id").primaryKey().defaultRandom(),
    ...retentionColumns(),
    requestId: text("request_id").notNull(),
    topic: text("topic"),
    noteCiphertext: text("note_ciphertext"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  });
}

export const testNotes = testTable("test_notes");

export const testNoteType: RecordType = defineRecordType({
  id: "test.note",
  label: { nl: "testnotitie", en: "test note", fr: "note de test" },
  purpose: "contact",
  table: testNotes,
  anchorKey: "request_id",
  source: { nl: "de test", en: "the test", fr: "le test" },
  fields: [
    { column: "request_id", label: { nl: "aanvraag", en: "request", fr: "demande" }, kind: "text" },
    {
      column: "topic",
      label: { nl: "onderwerp", en: "topic", fr: "sujet" },
      kind: "text",
      editable: true,
    },
    {
      column: "note_ciphertext",
      label: { nl: "notitie", en: "note", fr: "note" },
      kind: "encrypted",
      editable: true,
    },
    { column: "created_at", label: { nl: "datum", en: "date", fr: "date" }, kind: "date" },
  ],
  erasure: { method: "shred" },
});

export async function createTestNotesTable(db: Db, name = "test_notes"): Promise<void> {
  await db.execute(sql`
    create table if not exists ${sql.identifier(name)} (
      id uuid primary key default gen_random_uuid(),
      subject_id uuid references subjects(id) on delete restrict,
      retain_until timestamptz,
      retention_reason jsonb not null,
      request_id text not null,
      topic text,
      note_ciphertext text,
      created_at timestamptz not null)`);
  await db.execute(
    sql`create index if not exists ${sql.identifier(`${name}_retain_idx`)} on ${sql.identifier(name)} (retain_until)`,
  );
  await db.execute(
    sql`create index if not exists ${sql.identifier(`${name}_subject_idx`)} on ${sql.identifier(name)} (subject_id)`,
  );
}

/**
 * More test record types on the same columns, for the rights engine: an invoice-like record under
 * the orders purpose's legal obligation, a TeamViewer-ID-like record kept until objection, and a
 * dossier record kept while an agreement runs. Each needs its table: createTestNotesTable(db, name).
 */
export function extraTestType(
  kind: "invoice" | "teamviewer" | "dossier" | "subscriber" | "reply",
): RecordType & { tableName: string } {
  const tableName = `test_${kind}s`;
  const base = testNoteType;
  const common = { ...base, table: testTable(tableName), anchorKey: "request_id" };
  const plainFields = base.fields.map((field) => ({
    ...field,
    kind: field.kind === "encrypted" ? ("text" as const) : field.kind,
  }));
  switch (kind) {
    case "invoice":
      return defineRecordType({
        ...common,
        id: "test.invoice",
        purpose: "orders",
        erasure: { method: "delete" },
        blockers: [{ kind: "legal_obligation" }],
        fields: plainFields,
      });
    case "teamviewer":
      return defineRecordType({
        ...common,
        id: "test.teamviewer",
        purpose: "support",
        dataCategory: "teamviewer_id",
        erasure: { method: "delete" },
        fields: plainFields,
      });
    case "subscriber":
      return defineRecordType({
        ...common,
        id: "test.subscriber",
        purpose: "newsletter",
        erasure: { method: "delete" },
        fields: plainFields,
      });
    case "reply":
      // A second record type under the contact purpose, erased by delete: the purpose's key
      // must still go with the person's last contact record, whatever its method.
      return defineRecordType({
        ...common,
        id: "test.reply",
        purpose: "contact",
        erasure: { method: "delete" },
        fields: plainFields,
      });
    case "dossier":
      return defineRecordType({
        ...common,
        id: "test.dossier",
        purpose: "customer_dossier",
        erasure: { method: "shred" },
        blockers: [{ kind: "running_agreement" }],
        fields: plainFields,
      });
  }
}

/** Inserts a plain (unencrypted) row into a test table with the given retention state. */
export async function insertTestRow(
  db: Db,
  deps: { vault: Vault; dataMap: DataMap; now: Date },
  type: RecordType,
  row: { subjectId: string; requestId: string; topic?: string },
): Promise<string> {
  const state = await retentionFor(db, deps.dataMap, type, {
    subjectId: row.subjectId,
    key: row.requestId,
  });
  const result = await db.execute(sql`
    insert into ${sql.identifier(type.tableName)}
      (subject_id, retain_until, retention_reason, request_id, topic, created_at)
    values (${row.subjectId}, ${state.retainUntil}, ${JSON.stringify(state.retentionReason)}::jsonb,
            ${row.requestId}, ${row.topic ?? null}, ${deps.now})
    returning id::text as id`);
  const [inserted] = (result as unknown as { rows: { id: string }[] }).rows;
  if (!inserted) throw new Error("insert returned no row");
  return inserted.id;
}

export interface RunningAgreements {
  subjects: Set<string>;
}

/** A data map with the test type; a running agreement is whatever the test puts in the set. */
export function testDataMap(
  policy: () => Policy,
  agreements: RunningAgreements = { subjects: new Set() },
  extra: readonly RecordType[] = [],
): DataMap {
  return new DataMap({
    recordTypes: [testNoteType, ...extra],
    policy,
    conditions: { running_agreement: async (_db, subjectId) => agreements.subjects.has(subjectId) },
  });
}

/** Inserts a note the way a module would: subject from the vault, note encrypted, clock from the map. */
export async function insertTestNote(
  db: Db,
  deps: { vault: Vault; dataMap: DataMap; now: Date },
  note: { email: string; requestId: string; topic?: string; text?: string },
): Promise<{ id: string; subjectId: string }> {
  const { subjectId } = await deps.vault.ensureSubject(db, { email: note.email });
  const id = crypto.randomUUID();
  const state = await retentionFor(db, deps.dataMap, testNoteType, {
    subjectId,
    key: note.requestId,
  });
  const noteCiphertext = note.text
    ? await deps.vault.encryptField(db, {
        subjectId,
        purpose: "contact",
        table: "test_notes",
        column: "note_ciphertext",
        recordId: id,
        value: note.text,
      })
    : null;
  await db.insert(testNotes).values({
    id,
    subjectId,
    ...state,
    requestId: note.requestId,
    topic: note.topic ?? null,
    noteCiphertext,
    createdAt: deps.now,
  });
  return { id, subjectId };
}

/**
 * People with an e-mail blind index and a contact key each, `perSubject` test notes apiece, all
 * past their retention date: set-based SQL, so a million records take seconds, not the vault's
 * minutes. The keys are only ever destroyed, so their bytes need not unwrap. For the crash test
 * and the sweep benchmark.
 */
export async function seedDueNotes(
  db: Db,
  { records, perSubject }: { records: number; perSubject: number },
): Promise<void> {
  await db.execute(sql`insert into subjects (id, created_at)
    select gen_random_uuid(), now() from generate_series(1, ${Math.ceil(records / perSubject)})`);
  await db.execute(sql`insert into subject_identifiers (subject_id, kind, blind_index, created_at)
    select id, 'email', md5(id::text), now() from subjects`);
  await db.execute(sql`insert into data_keys
      (subject_id, purpose, wrapped_key, master_key_id, created_at)
    select id, 'contact', md5(id::text), 'seeded', now() from subjects`);
  const reason = JSON.stringify({
    code: "after_event",
    event: "request.closed",
    at: "2024-01-01T00:00:00.000Z",
    period: { years: 1 },
  });
  await db.execute(sql`insert into test_notes
      (subject_id, retain_until, retention_reason, request_id, topic, created_at)
    select s.id, now() - interval '1 day' - (s.n * interval '1 second'), ${reason}::jsonb,
           'req-' || s.n, 'printer', now() - interval '2 years'
    from (select id, row_number() over () as n from subjects) s,
         generate_series(1, ${perSubject}) k
    where (s.n - 1) * ${perSubject} + k <= ${records}`);
  await db.execute(sql`analyze`);
}

export interface EngineTest {
  database: Database;
  vault: Vault;
  clock: FakeClock;
  dataMap: DataMap;
}

/**
 * What every engine test starts from: a fresh database with the test tables, a vault on a fake
 * clock, and a data map of the test record type plus `extra` under the default policy.
 */
export async function openEngineTest(
  kind: DatabaseKind,
  agreements: RunningAgreements,
  extra: readonly RecordType[] = [],
): Promise<EngineTest> {
  const database = await createTestDatabase(kind);
  await createTestNotesTable(database.db);
  for (const type of extra) {
    if (type.tableName.startsWith("test_")) await createTestNotesTable(database.db, type.tableName);
  }
  const { vault, clock } = await openTestVault(database.db);
  const { policy } = await loadActivePolicy(undefined);
  return { database, vault, clock, dataMap: testDataMap(() => policy, agreements, extra) };
}
