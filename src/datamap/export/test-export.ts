import { sql } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../core/db/bytea.ts";
import type { Db } from "../../core/db/database.ts";
import type { Vault } from "../../vault/index.ts";
import { retentionFor } from "../compute-retention.ts";
import type { DataMap } from "../data-map.ts";
import { defineRecordType, type RecordType } from "../record-type.ts";
import { retentionColumns } from "../retention-columns.ts";

/**
 * Test-only: a record type with an attached file (encrypted bytes), which no product module has
 * yet, so the package's files/ folder and its hashes are proven before one does.
 */

export const testAttachments = pgTable("test_attachments", {
  id: uuid("id").primaryKey(),
  ...retentionColumns(),
  fileLabel: text("file_label"),
  content: bytea("content"),
});

export const testAttachmentType: RecordType = defineRecordType({
  id: "test.attachment",
  label: { nl: "testbijlage", en: "test attachment", fr: "pièce jointe de test" },
  purpose: "contact",
  table: testAttachments,
  source: { nl: "de test", en: "the test", fr: "le test" },
  fields: [
    { column: "file_label", label: { nl: "bestand", en: "file", fr: "fichier" }, kind: "text" },
    {
      column: "content",
      label: { nl: "inhoud", en: "content", fr: "contenu" },
      kind: "encrypted_bytes",
    },
  ],
  erasure: { method: "shred" },
});

export async function createTestAttachmentsTable(db: Db): Promise<void> {
  await db.execute(sql`
    create table if not exists test_attachments (
      id uuid primary key,
      subject_id uuid references subjects(id) on delete restrict,
      retain_until timestamptz,
      retention_reason jsonb not null,
      file_label text,
      content bytea)`);
}

export async function insertTestAttachment(
  db: Db,
  deps: { vault: Vault; dataMap: DataMap },
  attachment: { subjectId: string; fileLabel: string; content: Buffer },
): Promise<string> {
  const id = crypto.randomUUID();
  const { subjectId } = attachment;
  const state = await retentionFor(db, deps.dataMap, testAttachmentType, { subjectId });
  const content = await deps.vault.encryptBytes(db, {
    subjectId,
    purpose: "contact",
    table: "test_attachments",
    column: "content",
    recordId: id,
    value: attachment.content,
  });
  await db
    .insert(testAttachments)
    .values({ id, subjectId, ...state, fileLabel: attachment.fileLabel, content });
  return id;
}

/**
 * The text of an uncompressed pdfkit PDF, one line per text run: pdfkit writes each line as hex
 * Windows-1252 strings in a TJ array, split where it kerns.
 */
export function pdfText(pdf: Uint8Array): string {
  const source = Buffer.from(pdf).toString("latin1");
  const decoder = new TextDecoder("windows-1252");
  const lines: string[] = [];
  for (const [, array = ""] of source.matchAll(/\[([^\]]*)\] TJ/g)) {
    const hex = [...array.matchAll(/<([0-9a-f]*)>/gi)].map(([, part]) => part).join("");
    lines.push(decoder.decode(Buffer.from(hex, "hex")));
  }
  return lines.join("\n");
}

/** The page objects of a PDF; pdfkit writes dictionaries uncompressed even when streams are. */
export function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
}
