import PDFDocument from "pdfkit";
import { type Translate, translator } from "../../core/i18n/index.ts";
import type { AccessReport, ReportRecord, ReportRecordType } from "./access-report.ts";
import { needsSubstitution, pdfSafeText } from "./pdf-safe-text.ts";

export interface PdfOptions {
  /** Tests read the text of an uncompressed PDF; a real package is compressed. */
  compress?: boolean;
}

type Pdf = PDFKit.PDFDocument;

const margin = 56;
const regular = "Helvetica";
const bold = "Helvetica-Bold";
/** Below this many points left on a page, a new block starts on the next page. */
const blockReserve = 90;

/** The report as an A4 PDF with real (searchable, selectable) text and page numbers. */
export function renderReportPdf(report: AccessReport, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: report.locale,
    displayTitle: true,
    info: { Title: pdfSafeText(report.title), CreationDate: report.createdAt },
  });
  const done = collect(doc);
  const t = translator(report.locale);
  writeReport(doc, t, report);
  numberPages(doc, t);
  doc.end();
  return done;
}

function collect(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

function writeReport(doc: Pdf, t: Translate, report: AccessReport): void {
  heading(doc, report.title, 20);
  paragraph(doc, report.intro);
  paragraph(doc, report.made, { size: 9 });
  if (needsSubstitution(JSON.stringify(report))) {
    paragraph(doc, t("export.report.pdf.substituted"), { size: 9 });
  }

  heading(doc, t("export.report.controller"));
  for (const line of report.controller) paragraph(doc, line);
  paragraph(doc, report.contact);

  heading(doc, t("export.report.summary"));
  if (report.recordTypes.length === 0) paragraph(doc, t("export.report.nothing"));
  for (const type of report.recordTypes) {
    bullet(doc, `${type.label}: ${t("export.report.count", { count: type.records.length })}`);
  }

  for (const type of report.recordTypes) writeRecordType(doc, t, type);

  heading(doc, t("export.report.disclosures"));
  if (report.disclosures.length === 0) paragraph(doc, t("export.report.disclosures.none"));
  for (const line of report.disclosures) bullet(doc, line);

  heading(doc, t("export.report.rights"));
  paragraph(doc, report.rights.text);
  paragraph(doc, report.rights.ask);

  heading(doc, t("export.report.complaint"));
  paragraph(doc, report.complaint.text);
  for (const line of report.complaint.authority) paragraph(doc, line, { gap: 0 });
}

function writeRecordType(doc: Pdf, t: Translate, type: ReportRecordType): void {
  heading(doc, `${type.label} (${type.records.length})`);
  labelled(doc, t("export.report.purpose"), type.purposeName);
  if (type.purposeDescription) paragraph(doc, type.purposeDescription, { size: 9 });
  labelled(doc, t("export.report.legal_basis"), type.legalBasis);
  if (type.legalReference) {
    labelled(doc, t("export.report.legal_reference"), type.legalReference);
  }
  labelled(doc, t("export.report.source"), type.source);
  labelled(
    doc,
    t("export.report.recipients"),
    type.recipients.join("; ") || t("export.report.recipients.none"),
  );
  labelled(
    doc,
    t("export.report.processors"),
    type.processors.join("; ") || t("export.report.processors.none"),
  );
  labelled(doc, t("export.report.transfers"), type.transfers);
  labelled(doc, t("export.report.retention_rule"), type.retentionRule);
  type.records.forEach((record, index) => {
    writeRecord(
      doc,
      t,
      record,
      t("export.report.record", { n: index + 1, total: type.records.length }),
    );
  });
}

function writeRecord(doc: Pdf, t: Translate, record: ReportRecord, title: string): void {
  keepTogether(doc);
  doc.moveDown(0.5);
  doc.font(bold).fontSize(11).text(pdfSafeText(title));
  for (const field of record.fields) labelled(doc, field.label, field.value);
  labelled(doc, t("export.report.record.retention"), record.retention.summary);
  for (const change of record.retention.changes) {
    labelled(doc, t("export.report.record.changes"), change);
  }
  for (const hold of record.retention.holds) {
    labelled(doc, t("export.report.record.holds"), hold);
  }
}

function heading(doc: Pdf, text: string, size = 14): void {
  keepTogether(doc);
  doc.moveDown(size > 14 ? 0 : 1);
  doc.font(bold).fontSize(size).text(pdfSafeText(text));
  doc.moveDown(0.3);
}

function paragraph(doc: Pdf, text: string, options: { size?: number; gap?: number } = {}): void {
  doc
    .font(regular)
    .fontSize(options.size ?? 10)
    .text(pdfSafeText(text));
  doc.moveDown(options.gap ?? 0.4);
}

function labelled(doc: Pdf, label: string, value: string): void {
  doc
    .fontSize(10)
    .font(bold)
    .text(`${pdfSafeText(label)}: `, { continued: true })
    .font(regular)
    .text(pdfSafeText(value));
}

function bullet(doc: Pdf, text: string): void {
  doc
    .font(regular)
    .fontSize(10)
    .text(`\u2022 ${pdfSafeText(text)}`, { indent: 8 });
}

/** A heading or record starts on a new page rather than as the page's last line. */
function keepTogether(doc: Pdf): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - blockReserve) doc.addPage();
}

function numberPages(doc: Pdf, t: Translate): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would make pdfkit start yet another page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(regular)
      .fontSize(8)
      .text(
        pdfSafeText(t("export.report.page", { page: index - start + 1, pages: count })),
        margin,
        doc.page.height - margin / 2,
        { width: doc.page.width - 2 * margin, align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}
