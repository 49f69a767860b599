import { stringify } from "csv-stringify/sync";
import { type Zippable, zipSync } from "fflate";
import type { Locale } from "../../core/i18n/index.ts";
import type { HeldRecord, RecordsOfType, SubjectRecords } from "../read-subject-records.ts";
import type { FieldKind, RecordType } from "../record-type.ts";
import type { ExportKind } from "./access-report.ts";
import { packagePaths } from "./package-paths.ts";
import { csvCell, type PortableValue, portableValue, sha256 } from "./portable-value.ts";

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface ManifestRecordType {
  id: string;
  label: string;
  purpose: string;
  count: number;
  fields: { column: string; label: string; kind: FieldKind }[];
  files: ManifestFile[];
}

/** manifest.json: what the package holds, so another organisation's software can read it. */
export interface ExportManifest {
  format: "wits-privacy-export/1";
  packageId: string;
  kind: ExportKind;
  created: string;
  locale: Locale;
  policyVersion: { effectiveDate: string };
  reports: ManifestFile[];
  recordTypes: ManifestRecordType[];
}

/** A rendering of the report to put in the package (report.html, report.pdf). */
export interface PackagedReport {
  path: string;
  bytes: Uint8Array;
  /** Already compressed (a PDF): stored as is, since deflating it again only costs time. */
  compressed?: boolean;
}

export interface ExportZipInput {
  packageId: string;
  kind: ExportKind;
  locale: Locale;
  createdAt: Date;
  policyEffectiveDate: string;
  records: SubjectRecords;
  reports: readonly PackagedReport[];
}

/** One record in records/<type>.json: every declared field by column name, then its retention. */
export type PortableRecord = { id: string; retainUntil: string | null; retentionReason: string } & {
  [column: string]: PortableValue;
};

/** The machine-readable package (GDPR Art. 20: structured, commonly used, machine-readable). */
export function buildExportZip(input: ExportZipInput): {
  zip: Uint8Array;
  manifest: ExportManifest;
} {
  const entries: Zippable = {};
  const put = (path: string, bytes: Uint8Array, compressed = false): ManifestFile => {
    entries[path] = compressed ? [bytes, { level: 0 }] : bytes;
    return { path, sha256: sha256(bytes), bytes: bytes.length };
  };
  const reports = input.reports.map((report) => put(report.path, report.bytes, report.compressed));
  const recordTypes = input.records.byType.map((ofType) =>
    packRecordType(ofType, input.locale, put),
  );
  const manifest: ExportManifest = {
    format: "wits-privacy-export/1",
    packageId: input.packageId,
    kind: input.kind,
    created: input.createdAt.toISOString(),
    locale: input.locale,
    policyVersion: { effectiveDate: input.policyEffectiveDate },
    reports,
    recordTypes,
  };
  put(packagePaths.manifest, encode(JSON.stringify(manifest, null, 2)));
  // One modification time for every entry, the package's: the ZIP says when it was made, not
  // when this process happened to write it.
  return { zip: zipSync(entries, { level: 6, mtime: input.createdAt }), manifest };
}

type Put = (path: string, bytes: Uint8Array, compressed?: boolean) => ManifestFile;

function packRecordType(
  { recordType, records }: RecordsOfType,
  locale: Locale,
  put: Put,
): ManifestRecordType {
  const files: ManifestFile[] = [];
  const json = records.map((record) => portableRecord(recordType, record));
  files.push(put(packagePaths.recordsJson(recordType.id), encode(JSON.stringify(json, null, 2))));
  files.push(put(packagePaths.recordsCsv(recordType.id), encode(recordsCsv(recordType, records))));
  for (const record of records) {
    for (const field of recordType.fields) {
      const value = record.values[field.column];
      if (Buffer.isBuffer(value)) {
        files.push(put(packagePaths.file(recordType.id, record.id, field.column), value));
      }
    }
  }
  return {
    id: recordType.id,
    label: recordType.label[locale],
    purpose: recordType.purpose,
    count: records.length,
    fields: recordType.fields.map((field) => ({
      column: field.column,
      label: field.label[locale],
      kind: field.kind,
    })),
    files,
  };
}

function portableRecord(type: RecordType, record: HeldRecord): PortableRecord {
  const portable: Record<string, PortableValue> = { id: record.id };
  for (const field of type.fields) {
    portable[field.column] = portableValue(
      record.values[field.column],
      packagePaths.file(type.id, record.id, field.column),
    );
  }
  portable.retainUntil = record.retainUntil?.toISOString() ?? null;
  portable.retentionReason = record.retentionReason.code;
  return portable as PortableRecord;
}

/** The CSV columns: the record id, every declared field by column name, then its retention. */
export function csvColumns(type: RecordType): string[] {
  return ["id", ...type.fields.map((field) => field.column), "retain_until", "retention_reason"];
}

function recordsCsv(type: RecordType, records: readonly HeldRecord[]): string {
  const rows = records.map((record) => [
    record.id,
    ...type.fields.map((field) =>
      csvCell(record.values[field.column], packagePaths.file(type.id, record.id, field.column)),
    ),
    record.retainUntil?.toISOString() ?? "",
    record.retentionReason.code,
  ]);
  // A byte-order mark, so spreadsheet programs read the accents of the UTF-8 right.
  return stringify(rows, { header: true, columns: csvColumns(type), bom: true });
}

function encode(text: string): Uint8Array {
  return Buffer.from(text, "utf8");
}
