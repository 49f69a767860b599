import { randomUUID } from "node:crypto";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import type { Locale } from "../../core/i18n/index.ts";
import type { Vault } from "../../vault/index.ts";
import { addPeriod } from "../add-period.ts";
import type { DataMap } from "../data-map.ts";
import { exportPackages } from "../datamap.tables.ts";
import { exportPackageRecordType } from "../export-package.records.ts";
import { activeLegalHolds } from "../legal-holds.ts";
import { readSubjectRecords, type SubjectRecords } from "../read-subject-records.ts";
import { renderReportHtml } from "./access-report.html.tsx";
import { type PdfOptions, renderReportPdf } from "./access-report.pdf.ts";
import { type AccessReport, buildAccessReport, type ExportKind } from "./access-report.ts";
import { type DisclosureProvider, noDisclosures } from "./disclosures.ts";
import { downloadTokenHash, newDownloadToken } from "./download-token.ts";
import { buildExportZip, type ExportManifest } from "./export-zip.ts";
import { packagePaths } from "./package-paths.ts";

export interface ExportDeps {
  db: Db;
  dataMap: DataMap;
  vault: Vault;
  clock: Clock;
  /** The site's address, for the download link. */
  publicUrl: string;
  /** The disclosures register; without it the report says none are registered. */
  disclosures?: DisclosureProvider;
}

export interface ExportInput {
  subjectId: string;
  /** The person's language: the report is written in it. */
  locale: Locale;
  kind: ExportKind;
  /** Who made the package: the privacy officer answering a request, or the system. */
  actor: AuditActor;
  /** How long the download link works; 7 days unless said otherwise. */
  ttlDays?: number;
}

export interface ExportResult {
  packageId: string;
  /** The link's secret, only ever in the link: the database keeps its keyed hash. */
  token: string;
  expiresAt: Date;
  downloadUrl: string;
}

export const defaultExportTtlDays = 7;
/** A package is a copy of everything we hold about someone; it should not wait around for long. */
const maxExportTtlDays = 90;

/** Everything a package holds, before it is encrypted and stored. */
export interface ExportContents {
  records: SubjectRecords;
  report: AccessReport;
  html: Uint8Array;
  pdf: Uint8Array;
  zip: Uint8Array;
  manifest: ExportManifest;
}

/**
 * The rights engine's answer to an access (GDPR Art. 15) or portability (Art. 20) request: a
 * report in the person's language, as HTML and PDF, and a ZIP of their data, stored encrypted
 * under their rights key behind a download link that expires.
 */
export async function exportSubject(deps: ExportDeps, input: ExportInput): Promise<ExportResult> {
  const ttlDays = input.ttlDays ?? defaultExportTtlDays;
  if (!Number.isInteger(ttlDays) || ttlDays < 1 || ttlDays > maxExportTtlDays) {
    throw new Error(`an export link lives 1 to ${maxExportTtlDays} whole days, not ${ttlDays}`);
  }
  const packageId = randomUUID();
  const createdAt = deps.clock.now();
  const expiresAt = addPeriod(createdAt, { days: ttlDays });
  const contents = await buildExportContents(deps, {
    subjectId: input.subjectId,
    locale: input.locale,
    kind: input.kind,
    packageId,
    createdAt,
    expiresAt,
  });
  const token = newDownloadToken();
  await deps.db.transaction(async (tx) => {
    const place = {
      subjectId: input.subjectId,
      purpose: exportPackageRecordType.purpose,
      table: exportPackageRecordType.tableName,
      recordId: packageId,
    };
    const seal = (column: string, bytes: Uint8Array) =>
      deps.vault.encryptBytes(tx, { ...place, column, value: Buffer.from(bytes) });
    await tx.insert(exportPackages).values({
      id: packageId,
      subjectId: input.subjectId,
      retainUntil: expiresAt,
      retentionReason: { code: "expires" },
      tokenHash: downloadTokenHash(deps.vault, token),
      locale: input.locale,
      createdAt,
      expiresAt,
      zipCiphertext: await seal("zip_ciphertext", contents.zip),
      reportCiphertext: await seal("report_ciphertext", contents.html),
      pdfCiphertext: await seal("pdf_ciphertext", contents.pdf),
    });
    const held = contents.records.byType.filter((ofType) => ofType.records.length > 0);
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: input.actor,
        action: "rights.export_created",
        subjectId: input.subjectId,
        recordType: exportPackageRecordType.id,
        recordId: packageId,
        purpose: exportPackageRecordType.purpose,
        details: {
          kind: input.kind,
          recordTypes: held.length,
          records: held.reduce((sum, ofType) => sum + ofType.records.length, 0),
        },
      },
    });
  });
  const downloadUrl = new URL(`/privacy/export/${packageId}`, deps.publicUrl);
  downloadUrl.searchParams.set("token", token);
  return { packageId, token, expiresAt, downloadUrl: downloadUrl.toString() };
}

export interface ExportContentsInput {
  subjectId: string;
  locale: Locale;
  kind: ExportKind;
  packageId: string;
  createdAt: Date;
  expiresAt: Date;
  pdf?: PdfOptions;
}

/** Reads what we hold about the subject and renders the report and the ZIP; stores nothing. */
export async function buildExportContents(
  deps: Pick<ExportDeps, "db" | "dataMap" | "vault" | "disclosures">,
  input: ExportContentsInput,
): Promise<ExportContents> {
  const { db, dataMap } = deps;
  const records = await readSubjectRecords(deps, input.subjectId);
  const holds = await activeLegalHolds(db, input.createdAt, { subjectId: input.subjectId });
  const disclosures = await (deps.disclosures ?? noDisclosures)(db, input.subjectId);
  const report = buildAccessReport({ ...input, dataMap, records, holds, disclosures });
  const html = Buffer.from(renderReportHtml(report), "utf8");
  const pdf = await renderReportPdf(report, input.pdf);
  const { zip, manifest } = buildExportZip({
    ...input,
    records,
    policyEffectiveDate: dataMap.policy.version.effectiveDate,
    reports: [
      { path: packagePaths.reportHtml, bytes: html },
      { path: packagePaths.reportPdf, bytes: pdf, compressed: true },
    ],
  });
  return { records, report, html, pdf, zip, manifest };
}
