export { renderReportHtml } from "./access-report.html.tsx";
export { type PdfOptions, renderReportPdf } from "./access-report.pdf.ts";
export {
  type AccessReport,
  buildAccessReport,
  type ExportKind,
  exportKinds,
  formatInstant,
  type ReportField,
  type ReportRecord,
  type ReportRecordType,
} from "./access-report.ts";
export { type Disclosure, type DisclosureProvider, noDisclosures } from "./disclosures.ts";
export {
  type AvailablePackage,
  type DownloadDeps,
  downloadExportFile,
  type ExportFile,
  exportFiles,
  type FileAccess,
  openExportPackage,
  type PackageAccess,
  type PackageRequest,
} from "./download-export.ts";
export {
  buildExportContents,
  defaultExportTtlDays,
  type ExportContents,
  type ExportContentsInput,
  type ExportDeps,
  type ExportInput,
  type ExportResult,
  exportSubject,
} from "./export-subject.ts";
export {
  buildExportZip,
  csvColumns,
  type ExportManifest,
  type ManifestFile,
  type ManifestRecordType,
  type PackagedReport,
  type PortableRecord,
} from "./export-zip.ts";
export { packagePaths } from "./package-paths.ts";
export { type ReissuedLink, reissuePackageLink } from "./reissue-download.ts";
