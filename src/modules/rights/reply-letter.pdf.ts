import PDFDocument from "pdfkit";
import { type Locale, type Translate, translator } from "../../core/i18n/index.ts";
import { pdfSafeText } from "../../datamap/export/pdf-safe-text.ts";
import type { Policy } from "../../policy/index.ts";

type Pdf = PDFKit.PDFDocument;
type Organisation = Policy["organisation"];

export interface LetterPdfInput {
  /** The letter as stored: plain text, headings ending in a colon, their lines starting "- ". */
  text: string;
  locale: Locale;
  reference: string;
  organisation: Organisation;
  /** When it was answered: the PDF's creation date, so the same letter gives the same file date. */
  answeredAt: Date;
}

const margin = 56;
const regular = "Helvetica";
const bold = "Helvetica-Bold";
/** Characters up to which a line ending in a colon reads as a heading on its own. */
const shortHeading = 40;
const colour = { text: "#1d232b", muted: "#5f6b7a", rule: "#d5dae1", accent: "#1f3a5f" } as const;

/**
 * The reply letter as an A4 PDF on the organisation's letterhead (name, legal form, address,
 * enterprise number, privacy contact), with real, searchable text and page numbers. Helvetica
 * needs no font file; text outside Windows-1252 is spelled without accents (pdfSafeText), the
 * mailed text keeps every character.
 */
export function renderReplyLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const t = translator(input.locale);
  const { organisation } = input;
  const doc = new PDFDocument({
    size: "A4",
    margin,
    bufferPages: true,
    compress: true,
    lang: input.locale,
    displayTitle: true,
    info: {
      Title: pdfSafeText(`${t("rights-letter.title")} ${input.reference}`),
      Author: pdfSafeText(`${organisation.name} ${organisation.legalForm}`),
      CreationDate: input.answeredAt,
    },
  });
  const done = collect(doc);
  writeLetterhead(doc, t, input);
  doc
    .font(bold)
    .fontSize(13)
    .fillColor(colour.accent)
    .text(pdfSafeText(t("rights-letter.title")));
  doc.moveDown(0.6);
  writeBody(doc, input.text);
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

function writeLetterhead(doc: Pdf, t: Translate, input: LetterPdfInput): void {
  const { organisation, locale } = input;
  const width = doc.page.width - 2 * margin;
  doc
    .font(bold)
    .fontSize(17)
    .fillColor(colour.accent)
    .text(pdfSafeText(`${organisation.name} ${organisation.legalForm}`), margin, margin, { width });
  const { address } = organisation;
  const lines = [
    address.street,
    `${address.postalCode} ${address.city}, ${countryName(address.country, locale)}`,
    t("rights-letter.pdf.enterprise", { number: enterpriseNumber(organisation.enterpriseNumber) }),
    `${organisation.privacyEmail} · ${organisation.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}`,
  ];
  doc.moveDown(0.2).font(regular).fontSize(9).fillColor(colour.muted);
  for (const line of lines) doc.text(pdfSafeText(line), { width });
  const y = doc.y + 10;
  doc
    .moveTo(margin, y)
    .lineTo(doc.page.width - margin, y)
    .lineWidth(0.6)
    .strokeColor(colour.rule)
    .stroke();
  doc.x = margin;
  doc.y = y + 18;
}

/**
 * The stored text, line by line: an empty line is a gap, "- " a bullet, and a line ending in a
 * colon is a section heading when bullets follow it or it is short ("Proof of your request:");
 * a long sentence ending in a colon introduces lines and stays a sentence.
 */
function writeBody(doc: Pdf, text: string): void {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  lines.forEach((line, index) => {
    const next = lines[index + 1] ?? "";
    if (line.trim() === "") {
      doc.moveDown(0.5);
      return;
    }
    if (line.startsWith("- ")) {
      // A hanging indent: wrapped lines start under the text, not under the bullet.
      if (doc.y > doc.page.height - doc.page.margins.bottom - 24) doc.addPage();
      const y = doc.y;
      doc
        .font(regular)
        .fontSize(10)
        .fillColor(colour.text)
        .text("\u2022", margin + 6, y);
      doc.text(pdfSafeText(line.slice(2)), margin + 18, y, {
        width: doc.page.width - 2 * margin - 18,
      });
      doc.moveDown(0.15);
      return;
    }
    const heading =
      line.trimEnd().endsWith(":") &&
      next.trim() !== "" &&
      (next.startsWith("- ") || line.length <= shortHeading);
    if (heading && doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc
      .font(heading ? bold : regular)
      .fontSize(heading ? 11 : 10)
      .fillColor(colour.text)
      .text(pdfSafeText(line), margin, doc.y, { width: doc.page.width - 2 * margin });
    if (heading) doc.moveDown(0.2);
  });
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
      .fillColor(colour.muted)
      .text(
        pdfSafeText(t("rights-letter.pdf.page", { page: index - start + 1, pages: count })),
        margin,
        doc.page.height - margin / 2,
        { width: doc.page.width - 2 * margin, align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}

/** "BE0123456749" → "BE 0123.456.749", as the KBO writes it. */
function enterpriseNumber(value: string): string {
  const digits = value.replace(/\D/g, "");
  return digits.length === 10
    ? `BE ${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`
    : value;
}

function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
