import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Db } from "../../src/core/db/database.ts";
import {
  DataMap,
  defineRecordType,
  type RecordType,
  retentionColumns,
  retentionFor,
} from "../../src/datamap/index.ts";
import type { Policy } from "../../src/policy/index.ts";
import type { Vault } from "../../src/vault/index.ts";

/**
 * A record type that exists only in tests, on a table the test creates: the engines must handle
 * it with no code of their own, which is what proves they hold no module-specific code.
 * It follows the contact purpose's policy rule (request closed + 1 year, restarted by an agreement
 * ending, kept while an agreement runs).
 */
export const testNotes = pgTable("test_notes", {
  id: uuid("id").primaryKey().defaultRandom(),
  ...retentionColumns(),
  requestId: text("request_id").notNull(),
  topic: text("topic"),
  noteCiphertext: text("note_ciphertext"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
});

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

export async function createTestNotesTable(db: Db): Promise<void> {
  await db.execute(sql`
    create table if not exists test_notes (
      id uuid primary key default gen_random_uuid(),
      subject_id uuid references subjects(id) on delete restrict,
      retain_until timestamptz,
      retention_reason jsonb not null,
      request_id text not null,
      topic text,
      note_ciphertext text,
      created_at timestamptz not null)`);
  await db.execute(
    sql`create index if not exists test_notes_retain_idx on test_notes (retain_until)`,
  );
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
