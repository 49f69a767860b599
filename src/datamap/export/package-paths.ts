/** Where each part of an export package sits in its ZIP; the manifest and the report name the same paths. */
export const packagePaths = {
  manifest: "manifest.json",
  reportHtml: "report.html",
  reportPdf: "report.pdf",
  recordsJson: (recordTypeId: string) => `records/${recordTypeId}.json`,
  recordsCsv: (recordTypeId: string) => `records/${recordTypeId}.csv`,
  file: (recordTypeId: string, recordId: string, column: string) =>
    `files/${recordTypeId}/${recordId}/${column}`,
} as const;
