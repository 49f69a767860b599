import PDFDocument from "pdfkit";
import { type Locale, type Translate, translator } from "../../core/i18n/index.ts";
import { pdfSafeText } from "../../datamap/export/pdf-safe-text.ts";
import type { Policy } from "../../policy/index.ts";
import {
  countryName,
  formatEnterpriseDigits,
  formatInvoiceDate,
  formatQuantity,
  formatVatNumber,
  formatVatRate,
} from "./invoice-pdf-format.ts";
import type { InvoiceLineView, InvoiceView } from "./invoice-view.ts";
import { formatEuro } from "./money.ts";

type Pdf = PDFKit.PDFDocument;
type Organisation = Policy["organisation"];

/** A4 in points. */
const pageWidth = 595.28;
const pageHeight = 841.89;
const margin = 50;
const contentWidth = pageWidth - 2 * margin;
const right = pageWidth - margin;
/** Nothing of the body goes below this line: the footer lives under it. */
const bodyBottom = pageHeight - 70;

const regular = "Helvetica";
const bold = "Helvetica-Bold";
const colour = {
  text: "#1d232b",
  muted: "#5f6b7a",
  rule: "#d5dae1",
  band: "#eef2f6",
  accent: "#1f3a5f",
  onAccent: "#ffffff",
} as const;

/** Lines table: the description takes what the number columns leave. */
const cellPadding = 6;
const numberColumns = { quantity: 50, unitPrice: 78, vat: 42, amount: 84 } as const;
const descriptionWidth =
  contentWidth -
  numberColumns.quantity -
  numberColumns.unitPrice -
  numberColumns.vat -
  numberColumns.amount;
const column = {
  description: { x: margin, width: descriptionWidth },
  quantity: { x: margin + descriptionWidth, width: numberColumns.quantity },
  unitPrice: {
    x: margin + descriptionWidth + numberColumns.quantity,
    width: numberColumns.unitPrice,
  },
  vat: {
    x: margin + descriptionWidth + numberColumns.quantity + numberColumns.unitPrice,
    width: numberColumns.vat,
  },
  amount: { x: right - numberColumns.amount, width: numberColumns.amount },
} as const;
const lineFontSize = 9;
const lineRowPadding = 5;

/**
 * The invoice (or credit note) as an A4 PDF with real text: the organisation and the customer,
 * number and dates, the lines, the VAT breakdown per rate, the totals, the payment with the
 * structured communication, the reverse-charge mention when it applies, and page numbers when the
 * lines flow onto more pages. The standard Helvetica font needs no font file; text outside
 * Windows-1252 is spelled without accents (pdfSafeText). The PDF is compressed: it travels as a
 * mail attachment and sits base64 in the outbox until then (tests read it with mupdf).
 */
export async function renderInvoicePdf(invoice: InvoiceView, policy: Policy): Promise<Buffer> {
  const t = translator(invoice.locale);
  const organisation = policy.organisation;
  const title = t(
    invoice.kind === "invoice" ? "invoice.title.invoice" : "invoice.title.credit_note",
  );
  const doc = new PDFDocument({
    size: "A4",
    margin,
    bufferPages: true,
    compress: true,
    lang: invoice.locale,
    displayTitle: true,
    info: {
      Title: pdfSafeText(`${title} ${invoice.number}`),
      Author: pdfSafeText(legalName(organisation)),
      CreationDate: invoice.issuedAt,
    },
  });
  const done = collect(doc);
  const page: PageContext = { doc, t, invoice, organisation, title };
  let y = writeHeader(page);
  y = writeParties(page, y + 28);
  y = writeLines(page, y + 30);
  writeSummary(page, y + 18);
  writeFooters(page);
  doc.end();
  return done;
}

interface PageContext {
  doc: Pdf;
  t: Translate;
  invoice: InvoiceView;
  organisation: Organisation;
  title: string;
}

function collect(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

interface TextStyle {
  font?: string;
  size?: number;
  colour?: string;
  align?: "left" | "right" | "center";
  /** Wraps within the width when true; one line otherwise. */
  wrap?: boolean;
  characterSpacing?: number;
}

/** Writes text in a box and returns its height; the PDF's cursor is not relied on. */
function put(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle = {},
): number {
  const safe = pdfSafeText(text);
  doc
    .font(style.font ?? regular)
    .fontSize(style.size ?? 9)
    .fillColor(style.colour ?? colour.text);
  const options = {
    width,
    align: style.align ?? "left",
    lineBreak: style.wrap ?? false,
    characterSpacing: style.characterSpacing ?? 0,
  };
  doc.text(safe, x, y, options);
  return doc.heightOfString(safe, options);
}

function rule(doc: Pdf, y: number, from = margin, to = right, tint: string = colour.rule): void {
  doc.moveTo(from, y).lineTo(to, y).lineWidth(0.6).strokeColor(tint).stroke();
}

function legalName(organisation: Organisation): string {
  return `${organisation.name} ${organisation.legalForm}`;
}

function websiteLabel(website: string): string {
  return website.replace(/^https?:\/\//, "").replace(/\/$/, "");
}

function money(cents: number, locale: Locale): string {
  return formatEuro(cents, locale);
}

/** Organisation top left, the document's title and number top right. Returns the bottom. */
function writeHeader({ doc, t, invoice, organisation, title }: PageContext): number {
  const locale = invoice.locale;
  const left = 300;
  put(doc, legalName(organisation), margin, margin, left, {
    font: bold,
    size: 17,
    colour: colour.accent,
  });
  const identity = [
    organisation.address.street,
    `${organisation.address.postalCode} ${organisation.address.city}`,
    countryName(organisation.address.country, locale),
    t("invoice.supplier.vat", { number: formatEnterpriseDigits(organisation.enterpriseNumber) }),
    websiteLabel(organisation.website),
  ];
  let y = margin + 26;
  for (const line of identity) {
    put(doc, line, margin, y, left, { size: 9, colour: colour.muted });
    y += 12.5;
  }
  // "NOTE DE CRÉDIT" is twice as wide as "FACTUUR": shrink rather than wrap.
  const titleWidth = 260;
  const titleText = pdfSafeText(title.toUpperCase());
  doc.font(bold).fontSize(24);
  const natural = doc.widthOfString(titleText, { characterSpacing: 1 });
  const titleSize = natural > titleWidth ? Math.floor((24 * titleWidth) / natural) : 24;
  put(doc, titleText, right - titleWidth, margin - 4 + (24 - titleSize) / 2, titleWidth, {
    font: bold,
    size: titleSize,
    colour: colour.accent,
    align: "right",
    characterSpacing: 1,
  });
  put(doc, invoice.number, right - 240, margin + 26, 240, {
    size: 11,
    colour: colour.muted,
    align: "right",
  });
  return y;
}

/** Number and dates on the left; the customer where a window envelope shows it, on the right. */
function writeParties({ doc, t, invoice }: PageContext, top: number): number {
  const locale = invoice.locale;
  const isInvoice = invoice.kind === "invoice";
  const facts: [string, string][] = [
    [t(isInvoice ? "invoice.number.invoice" : "invoice.number.credit_note"), invoice.number],
    [
      t(isInvoice ? "invoice.issued.invoice" : "invoice.issued.credit_note"),
      formatInvoiceDate(invoice.issuedAt, locale),
    ],
  ];
  if (isInvoice) facts.push([t("invoice.due"), formatInvoiceDate(invoice.dueAt, locale)]);
  if (invoice.creditsNumber) facts.push([t("invoice.corrects"), invoice.creditsNumber]);
  let leftY = top + 16;
  for (const [label, value] of facts) {
    const labelHeight = put(doc, label, margin, leftY, 128, {
      size: 9,
      colour: colour.muted,
      wrap: true,
    });
    put(doc, value, margin + 132, leftY, 120, { font: bold, size: 9 });
    leftY += Math.max(labelHeight, 11) + 4;
  }

  const boxX = 318;
  const boxWidth = right - boxX;
  put(doc, t("invoice.customer").toUpperCase(), boxX, top, boxWidth, {
    font: bold,
    size: 7.5,
    colour: colour.muted,
    characterSpacing: 0.8,
  });
  let rightY = top + 16;
  const billing = invoice.billing;
  if (!billing) {
    // Anonymised after the retention period: the amounts stay for the books, the person is gone.
    put(doc, "—", boxX, rightY, boxWidth, { font: bold, size: 10.5 });
    rightY += 15;
  } else {
    const lead = billing.company ?? billing.name;
    rightY += put(doc, lead, boxX, rightY, boxWidth, { font: bold, size: 10.5, wrap: true });
    rightY += 2;
    const lines = [
      ...(billing.company ? [t("invoice.customer.attention", { name: billing.name })] : []),
      billing.address.street,
      `${billing.address.postalCode} ${billing.address.city}`,
      countryName(billing.address.country, locale),
      ...(billing.vatNumber
        ? [t("invoice.customer.vat", { number: formatVatNumber(billing.vatNumber) })]
        : []),
    ];
    for (const line of lines) {
      rightY += put(doc, line, boxX, rightY, boxWidth, { size: 9.5, wrap: true }) + 1.5;
    }
  }
  return Math.max(leftY, rightY);
}

/** The lines table, flowing onto further pages with its header repeated. Returns the bottom. */
function writeLines(context: PageContext, top: number): number {
  const { doc, invoice } = context;
  let y = writeTableHeader(context, top);
  for (const line of invoice.lines) {
    const cells = lineCells(line, invoice);
    doc.font(regular).fontSize(lineFontSize);
    const descriptionHeight = doc.heightOfString(pdfSafeText(cells.description), {
      width: column.description.width - 2 * cellPadding,
    });
    const rowHeight = Math.max(descriptionHeight, lineFontSize + 2) + 2 * lineRowPadding;
    if (y + rowHeight > bodyBottom) y = writeTableHeader(context, continueOnNewPage(context));
    const textY = y + lineRowPadding;
    put(
      doc,
      cells.description,
      column.description.x + cellPadding,
      textY,
      column.description.width - 2 * cellPadding,
      { size: lineFontSize, wrap: true },
    );
    for (const key of ["quantity", "unitPrice", "vat", "amount"] as const) {
      put(doc, cells[key], column[key].x, textY, column[key].width - cellPadding, {
        size: lineFontSize,
        align: "right",
      });
    }
    y += rowHeight;
    rule(doc, y);
  }
  return y;
}

function lineCells(line: InvoiceLineView, invoice: InvoiceView) {
  const locale = invoice.locale;
  // Under reverse charge no Belgian VAT is charged on any line; the buyer accounts for it.
  const rate = invoice.vatTreatment === "reverse_charge" ? 0 : line.vatRate;
  return {
    description: line.description,
    quantity: formatQuantity(line.quantityMilli, locale),
    unitPrice: money(line.unitPriceCents, locale),
    vat: formatVatRate(rate, locale),
    amount: money(line.netCents, locale),
  };
}

function writeTableHeader({ doc, t }: PageContext, top: number): number {
  const height = 22;
  doc.rect(margin, top, contentWidth, height).fill(colour.band);
  const textY = top + 7;
  const style = { font: bold, size: 8, colour: colour.accent } as const;
  put(
    doc,
    t("invoice.column.description"),
    column.description.x + cellPadding,
    textY,
    column.description.width - 2 * cellPadding,
    style,
  );
  const headings = {
    quantity: t("invoice.column.quantity"),
    unitPrice: t("invoice.column.unit_price"),
    vat: t("invoice.column.vat"),
    amount: t("invoice.column.amount"),
  };
  for (const key of ["quantity", "unitPrice", "vat", "amount"] as const) {
    put(doc, headings[key], column[key].x, textY, column[key].width - cellPadding, {
      ...style,
      align: "right",
    });
  }
  return top + height;
}

/** A further page: who and which document, so a loose page 2 still says where it belongs. */
function continueOnNewPage({ doc, t, invoice, organisation, title }: PageContext): number {
  doc.addPage();
  put(doc, legalName(organisation), margin, margin, 240, {
    font: bold,
    size: 10,
    colour: colour.accent,
  });
  put(
    doc,
    t("invoice.continued", { title, number: invoice.number }),
    right - 280,
    margin + 1,
    280,
    { size: 9, colour: colour.muted, align: "right" },
  );
  rule(doc, margin + 18);
  return margin + 34;
}

const summaryRow = 16;
const reverseChargeHeight = 30;
const paymentPadding = 14;
const paymentTextWidth = contentWidth - 2 * paymentPadding;

/** VAT per rate and the totals side by side, then the reverse-charge mention and the payment. */
function writeSummary(context: PageContext, top: number): void {
  const { doc, t, invoice } = context;
  const locale = invoice.locale;
  const vatHeight = 18 + summaryRow * (invoice.vat.length + 1);
  const totalsHeight = summaryRow * 2 + 30;
  const reverseCharge = invoice.vatTreatment === "reverse_charge";
  const payment = paymentText(context);
  const needed =
    Math.max(vatHeight, totalsHeight) +
    (reverseCharge ? reverseChargeHeight : 0) +
    22 +
    paymentHeight(doc, payment);
  let y = top + needed > bodyBottom ? continueOnNewPage(context) : top;

  // VAT breakdown, left.
  const vatWidth = 250;
  const rateWidth = 60;
  const amountWidth = (vatWidth - rateWidth) / 2;
  put(doc, t("invoice.vat.title"), margin, y, vatWidth, {
    font: bold,
    size: 9,
    colour: colour.accent,
  });
  let vatY = y + 16;
  const headerStyle = { font: bold, size: 7.5, colour: colour.muted } as const;
  put(doc, t("invoice.vat.rate"), margin, vatY, rateWidth, headerStyle);
  put(doc, t("invoice.vat.base"), margin + rateWidth, vatY, amountWidth, {
    ...headerStyle,
    align: "right",
  });
  put(doc, t("invoice.vat.amount"), margin + rateWidth + amountWidth, vatY, amountWidth, {
    ...headerStyle,
    align: "right",
  });
  vatY += 12;
  rule(doc, vatY, margin, margin + vatWidth);
  vatY += 4;
  for (const group of invoice.vat) {
    put(doc, formatVatRate(group.rate, locale), margin, vatY, rateWidth);
    put(doc, money(group.netCents, locale), margin + rateWidth, vatY, amountWidth, {
      align: "right",
    });
    put(doc, money(group.vatCents, locale), margin + rateWidth + amountWidth, vatY, amountWidth, {
      align: "right",
    });
    vatY += summaryRow;
  }

  // Totals, right.
  const totalsX = 330;
  const totalsWidth = right - totalsX;
  let totalsY = y;
  const totalLine = (label: string, cents: number) => {
    put(doc, label, totalsX + 8, totalsY, totalsWidth / 2, { colour: colour.muted });
    put(doc, money(cents, locale), totalsX, totalsY, totalsWidth - 8, { align: "right" });
    totalsY += summaryRow;
  };
  totalLine(t("invoice.total.net"), invoice.netCents);
  totalLine(t("invoice.total.vat"), invoice.vatCents);
  totalsY += 4;
  doc.rect(totalsX, totalsY, totalsWidth, 26).fill(colour.accent);
  const bandStyle = { font: bold, size: 10.5, colour: colour.onAccent } as const;
  put(doc, t("invoice.total.gross"), totalsX + 8, totalsY + 8, totalsWidth / 2, bandStyle);
  put(doc, money(invoice.grossCents, locale), totalsX, totalsY + 8, totalsWidth - 8, {
    ...bandStyle,
    align: "right",
  });
  totalsY += 26;

  y = Math.max(vatY, totalsY) + 14;
  if (reverseCharge) {
    doc.rect(margin, y, 3, 16).fill(colour.accent);
    put(doc, t("invoice.reverse_charge"), margin + 10, y + 4, contentWidth - 10, {
      font: bold,
      size: 9.5,
    });
    y += reverseChargeHeight;
  }
  writePayment(context, payment, y + 8);
}

function paymentText({ t, invoice }: PageContext): string {
  return invoice.kind === "invoice"
    ? t("invoice.payment.text", {
        amount: money(invoice.grossCents, invoice.locale),
        due: formatInvoiceDate(invoice.dueAt, invoice.locale),
      })
    : `${t("invoice.corrects.sentence", { number: invoice.creditsNumber ?? "—" })} ${t("invoice.payment.credit")}`;
}

function paymentHeight(doc: Pdf, text: string): number {
  doc.font(regular).fontSize(9);
  const textHeight = doc.heightOfString(pdfSafeText(text), { width: paymentTextWidth });
  return paymentPadding + 16 + textHeight + 6 + 16 + paymentPadding;
}

/** The payment in a tinted box: what to pay by when, and the communication to quote. */
function writePayment({ doc, t, invoice }: PageContext, text: string, top: number): void {
  const height = paymentHeight(doc, text);
  doc.roundedRect(margin, top, contentWidth, height, 4).fill(colour.band);
  const inner = margin + paymentPadding;
  let y = top + paymentPadding;
  const heading =
    invoice.kind === "invoice" ? "invoice.payment.title" : "invoice.payment.title.credit_note";
  put(doc, t(heading), inner, y, paymentTextWidth, {
    font: bold,
    size: 10,
    colour: colour.accent,
  });
  y += 16;
  y += put(doc, text, inner, y, paymentTextWidth, { size: 9, wrap: true }) + 6;
  put(doc, invoice.structuredCommunication, inner, y, paymentTextWidth, {
    font: "Courier-Bold",
    size: 15,
    colour: colour.accent,
  });
}

/** The organisation on every page; "page 1 of 3" only when there is more than one. */
function writeFooters({ doc, t, organisation }: PageContext): void {
  const { start, count } = doc.bufferedPageRange();
  const identity = [
    legalName(organisation),
    `${organisation.address.street}, ${organisation.address.postalCode} ${organisation.address.city}`,
    `BE ${formatEnterpriseDigits(organisation.enterpriseNumber)}`,
    websiteLabel(organisation.website),
  ].join("  ·  ");
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would make pdfkit start yet another page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = pageHeight - 44;
    rule(doc, y - 8);
    put(doc, identity, margin, y, contentWidth - 90, { size: 7.5, colour: colour.muted });
    if (count > 1) {
      put(doc, t("invoice.page", { page: index - start + 1, pages: count }), right - 90, y, 90, {
        size: 7.5,
        colour: colour.muted,
        align: "right",
      });
    }
    doc.page.margins.bottom = bottom;
  }
}

/** The attachment's and the download's file name: factuur-2026-000001.pdf, creditnota-CN-… */
export function invoicePdfFilename(invoice: Pick<InvoiceView, "kind" | "number" | "locale">) {
  return translator(invoice.locale)(
    invoice.kind === "invoice" ? "invoice.file.invoice" : "invoice.file.credit_note",
    { number: invoice.number },
  );
}
