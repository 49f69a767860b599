import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { simpleParser } from "mailparser";
import * as mupdf from "mupdf";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openedOutbox } from "../../../test/helpers/outbox.ts";
import { openProductTest } from "../../../test/helpers/product-test.ts";
import { type SmtpSink, startSmtpSink } from "../../../test/helpers/smtp-sink.ts";
import type { FakeClock } from "../../core/clock.ts";
import type { Database } from "../../core/db/database.ts";
import { deliverMail, smtpTransport } from "../../core/mail/index.ts";
import { outbox } from "../../core/mail/outbox.tables.ts";
import { pdfPageCount } from "../../datamap/export/test-export.ts";
import type { DataMap } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import { invoicePdfFilename, renderInvoicePdf } from "./invoice-pdf.ts";
import {
  customerEndpoint,
  paymentMeansCode,
  peppolCustomizationId,
  peppolProfileId,
  renderInvoiceUbl,
  ublAmount,
  ublQuantity,
} from "./invoice-ubl.ts";
import { type InvoiceView, readInvoice } from "./invoice-view.ts";
import { completeOrder, issueCreditNote } from "./invoicing.ts";
import { type OrderRequest, orderSchema } from "./orders.schema.ts";
import { createOrder } from "./orders.service.ts";
import { orders } from "./orders.tables.ts";
import type { OrdersDeps } from "./orders-deps.ts";

const staff = { type: "staff", id: "00000000-0000-4000-8000-0000000000cc" } as const;
const artifactsDir = fileURLToPath(new URL("../../../test/artifacts", import.meta.url));

const belgianBakery: OrderRequest["billing"] = {
  email: "boekhouding@bakkerij.be",
  name: "Ilse Claes",
  company: "Bakkerij Claes BV",
  vatNumber: "BE0403019261",
  address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
};
const germanCustomer: OrderRequest["billing"] = {
  email: "einkauf@mueller-software.de",
  name: "Jonas Müller",
  company: "Müller Software GmbH",
  vatNumber: "DE136695976",
  address: { street: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE" },
};
/** Two rates and a fractional quantity: 999.99 + 90.00 at 21 %, 24.60 at 6 %. */
const mixedLines: OrderRequest["lines"] = [
  { description: "Laptop Lenovo ThinkPad T14", quantity: 1000, unitPrice: 99_999, vatRate: 21 },
  {
    description: "Installatie en configuratie (uur)",
    quantity: 1500,
    unitPrice: 6000,
    vatRate: 21,
  },
  { description: "Handleiding (boek)", quantity: 2000, unitPrice: 1230, vatRate: 6 },
];

/** The text a PDF reader extracts, page by page; mupdf also proves the file opens. */
function pdfPages(pdf: Buffer): string[] {
  const document = mupdf.Document.openDocument(pdf, "application/pdf");
  const pages: string[] = [];
  for (let index = 0; index < document.countPages(); index++) {
    const page = document.loadPage(index).toStructuredText("preserve-whitespace").asText();
    // Amounts are written with no-break spaces ("€ 60,00", "1 114,59 €"); compare plain ones.
    pages.push(page.replace(/[\u00a0\u202f]/g, " "));
  }
  return pages;
}

interface TextLine {
  text: string;
  bbox: { x: number; y: number; w: number; h: number };
}

function pdfLines(pdf: Buffer, pageIndex: number): TextLine[] {
  const document = mupdf.Document.openDocument(pdf, "application/pdf");
  const json = document.loadPage(pageIndex).toStructuredText("preserve-whitespace").asJSON();
  const parsed = JSON.parse(json) as { blocks: { lines?: TextLine[] }[] };
  return parsed.blocks.flatMap((block) => block.lines ?? []);
}

async function savePage1Png(pdf: Buffer, name: string): Promise<void> {
  const document = mupdf.Document.openDocument(pdf, "application/pdf");
  const png = document
    .loadPage(0)
    .toPixmap(mupdf.Matrix.scale(1.5, 1.5), mupdf.ColorSpace.DeviceRGB, false, true)
    .asPNG();
  await mkdir(artifactsDir, { recursive: true });
  await writeFile(path.join(artifactsDir, name), png);
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#",
  // Keep "0208", "380" and "1318.89" exactly as written.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) =>
    ["cac:InvoiceLine", "cac:CreditNoteLine", "cac:TaxSubtotal", "cac:TaxTotal"].includes(name),
});

type Node = Record<string, unknown>;
const node = (value: unknown): Node => {
  assert.ok(value && typeof value === "object", `expected an element, got ${String(value)}`);
  return value as Node;
};
const text = (value: unknown): string => {
  if (typeof value === "string") return value;
  const inner = node(value)["#"];
  assert.equal(typeof inner, "string");
  return inner as string;
};
const attribute = (value: unknown, name: string) => node(value)[`@${name}`];
/** Cents from a UBL amount, by string, so a sum is exact. */
const cents = (value: unknown): number => {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text(value));
  assert.ok(match, `an amount with two decimals: ${text(value)}`);
  const [, sign, whole, fraction] = match;
  return (sign ? -1 : 1) * (Number(whole) * 100 + Number(fraction));
};
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value : [value]).map(node);

/** Every Peppol BIS rule on totals these documents can break, checked on the parsed XML. */
function assertTotalsAddUp(root: Node, lineElement: string): void {
  const monetary = node(root["cac:LegalMonetaryTotal"]);
  const lines = nodes(root[lineElement]);
  const lineSum = lines.reduce((sum, line) => sum + cents(line["cbc:LineExtensionAmount"]), 0);
  assert.equal(cents(monetary["cbc:LineExtensionAmount"]), lineSum, "BR-CO-10: sum of lines");
  assert.equal(
    cents(monetary["cbc:TaxExclusiveAmount"]),
    cents(monetary["cbc:LineExtensionAmount"]),
    "BR-CO-13: no allowances or charges",
  );
  const [taxTotal] = nodes(root["cac:TaxTotal"]);
  const taxAmount = cents(node(taxTotal)["cbc:TaxAmount"]);
  assert.equal(
    cents(monetary["cbc:TaxInclusiveAmount"]),
    cents(monetary["cbc:TaxExclusiveAmount"]) + taxAmount,
    "BR-CO-15: incl. = excl. + VAT",
  );
  assert.equal(
    cents(monetary["cbc:PayableAmount"]),
    cents(monetary["cbc:TaxInclusiveAmount"]),
    "nothing prepaid",
  );
  const subtotals = nodes(node(taxTotal)["cac:TaxSubtotal"]);
  assert.equal(
    subtotals.reduce((sum, subtotal) => sum + cents(subtotal["cbc:TaxAmount"]), 0),
    taxAmount,
    "BR-CO-14: VAT total = sum of the breakdown",
  );
  for (const subtotal of subtotals) {
    const category = node(subtotal["cac:TaxCategory"]);
    const percent = Number(text(category["cbc:Percent"]));
    const base = lines
      .filter((line) => {
        const lineCategory = node(node(line["cac:Item"])["cac:ClassifiedTaxCategory"]);
        return (
          text(lineCategory["cbc:ID"]) === text(category["cbc:ID"]) &&
          Number(text(lineCategory["cbc:Percent"])) === percent
        );
      })
      .reduce((sum, line) => sum + cents(line["cbc:LineExtensionAmount"]), 0);
    assert.equal(cents(subtotal["cbc:TaxableAmount"]), base, "BR-S-08/BR-AE-08: base per rate");
    assert.equal(
      cents(subtotal["cbc:TaxAmount"]),
      Math.round((base * percent) / 100),
      "BR-CO-17: VAT = base × rate, to the cent",
    );
    assert.equal(text(node(category["cac:TaxScheme"])["cbc:ID"]), "VAT");
  }
  for (const line of lines) {
    const price = node(line["cac:Price"])["cbc:PriceAmount"];
    assert.ok(cents(price) >= 0, "BR-27: the item price is never negative");
    assert.equal(attribute(price, "currencyID"), "EUR");
  }
}

/** The Peppol BIS header every document needs (R001, R004, R007, BR-01..BR-08, BR-11, R010, R020). */
function assertPeppolHeader(root: Node, number: string): void {
  assert.equal(text(root["cbc:CustomizationID"]), peppolCustomizationId);
  assert.equal(text(root["cbc:ProfileID"]), peppolProfileId);
  assert.equal(text(root["cbc:ID"]), number);
  assert.match(text(root["cbc:IssueDate"]), /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(text(root["cbc:DocumentCurrencyCode"]), "EUR");
  assert.ok(text(root["cbc:BuyerReference"]), "PEPPOL-EN16931-R003");
  const supplier = node(node(root["cac:AccountingSupplierParty"])["cac:Party"]);
  assert.equal(attribute(supplier["cbc:EndpointID"], "schemeID"), "0208");
  assert.equal(text(supplier["cbc:EndpointID"]), "0123456749", "the KBO digits of BE0123456749");
  assert.equal(text(node(supplier["cac:PartyName"])["cbc:Name"]), "WITS");
  const supplierAddress = node(supplier["cac:PostalAddress"]);
  assert.equal(text(supplierAddress["cbc:CityName"]), "Gent");
  assert.equal(text(node(supplierAddress["cac:Country"])["cbc:IdentificationCode"]), "BE");
  const supplierTax = node(supplier["cac:PartyTaxScheme"]);
  assert.equal(text(supplierTax["cbc:CompanyID"]), "BE0123456749");
  assert.equal(text(node(supplierTax["cac:TaxScheme"])["cbc:ID"]), "VAT");
  const legal = node(supplier["cac:PartyLegalEntity"]);
  assert.equal(text(legal["cbc:RegistrationName"]), "WITS BV");
  assert.equal(text(legal["cbc:CompanyID"]), "0123456749");
  const customer = node(node(root["cac:AccountingCustomerParty"])["cac:Party"]);
  assert.ok(text(customer["cbc:EndpointID"]), "PEPPOL-EN16931-R010: the buyer's address");
  assert.ok(text(node(customer["cac:PartyLegalEntity"])["cbc:RegistrationName"]), "BR-07");
  const customerAddress = node(customer["cac:PostalAddress"]);
  assert.ok(text(node(customerAddress["cac:Country"])["cbc:IdentificationCode"]), "BR-11");
}

describe("UBL number formats", () => {
  it("writes amounts and quantities from integers, never through a float", () => {
    assert.equal(ublAmount(131_889), "1318.89");
    assert.equal(ublAmount(5), "0.05");
    assert.equal(ublAmount(-5), "-0.05");
    assert.equal(ublAmount(0), "0.00");
    assert.equal(ublAmount(1_000_000_000), "10000000.00");
    assert.equal(ublQuantity(1500), "1.5");
    assert.equal(ublQuantity(2000), "2");
    assert.equal(ublQuantity(1), "0.001");
    assert.equal(ublQuantity(-250), "-0.25");
    assert.throws(() => ublAmount(0.5));
  });

  it("addresses the buyer by the Peppol EAS scheme of their VAT number, else by e-mail", () => {
    const email = "boekhouding@example.eu";
    assert.deepEqual(customerEndpoint({ email, vatNumber: "BE0403019261" }), {
      schemeID: "0208",
      value: "0403019261",
    });
    assert.deepEqual(customerEndpoint({ email, vatNumber: "DE136695976" }), {
      schemeID: "9930",
      value: "DE136695976",
    });
    assert.deepEqual(customerEndpoint({ email, vatNumber: "FR40303265045" }), {
      schemeID: "9957",
      value: "FR40303265045",
    });
    assert.deepEqual(customerEndpoint({ email, vatNumber: "NL004495445B01" }), {
      schemeID: "9944",
      value: "NL004495445B01",
    });
    assert.deepEqual(customerEndpoint({ email, vatNumber: null }), {
      schemeID: "EM",
      value: email,
    });
  });
});

for (const kind of databaseKinds) {
  describe(`invoice PDF, UBL and mail on ${kind} (statement: "Bij het afhandelen van bestellingen")`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    let policy: Policy;
    let sink: SmtpSink;

    before(async () => {
      ({ database, vault, clock, dataMap } = await openProductTest(kind));
      ({ policy } = await loadActivePolicy(undefined));
      sink = await startSmtpSink();
    });
    after(async () => {
      await sink.close();
      await database.close();
    });

    const deps = (): OrdersDeps => ({
      db: database.db,
      vault,
      dataMap,
      clock,
      config: { MAIL_FROM: "facturen@wits.be", PUBLIC_URL: "https://privacy.example.be" },
      policy: () => policy,
    });

    /** Places and completes an order; returns its invoice as the documents see it. */
    const invoiceFor = async (
      options: {
        billing?: OrderRequest["billing"];
        lines?: OrderRequest["lines"];
        locale?: "nl" | "en" | "fr";
      } = {},
    ): Promise<InvoiceView> => {
      const request = orderSchema.parse({
        billing: options.billing ?? belgianBakery,
        lines: (options.lines ?? mixedLines).map((line) => ({
          ...line,
          quantity: String(line.quantity / 1000),
          unitPrice: String(line.unitPrice / 100),
        })),
      });
      const order = await createOrder(deps(), {
        channel: "backoffice",
        request,
        locale: options.locale ?? "nl",
        actor: staff,
      });
      const done = await completeOrder(deps(), { orderId: order.id, actor: staff });
      assert.equal(done.status, "completed");
      if (done.status !== "completed") throw new Error("not completed");
      const invoice = await readInvoice(deps(), done.invoiceId);
      assert.ok(invoice);
      return invoice;
    };

    it("prints a finished Belgian invoice: organisation, customer, number and dates, lines, VAT per rate, totals and the structured communication", async () => {
      clock.set("2026-03-02T10:00:00Z");
      const invoice = await invoiceFor();
      const pdf = await renderInvoicePdf(invoice, policy);

      assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
      assert.equal(pdfPageCount(pdf), 1);
      const [page = ""] = pdfPages(pdf);
      for (const expected of [
        "WITS BV",
        "Voorbeeldstraat 1",
        "Btw/ondernemingsnr. BE 0123.456.749",
        "FACTUUR",
        `Factuurnummer`,
        invoice.number,
        "Factuurdatum",
        "02/03/2026",
        "Vervaldatum",
        "01/04/2026",
        "Bakkerij Claes BV",
        "t.a.v. Ilse Claes",
        "Kerkstraat 1",
        "9000 Gent",
        "Btw-nr. BE 0403.019.261",
        "Laptop Lenovo ThinkPad T14",
        "1,5",
        "€ 60,00",
        "€ 90,00",
      ]) {
        assert.ok(page.includes(expected), `the invoice shows "${expected}"`);
      }
      // The VAT breakdown: one line per rate with its base and its VAT.
      assert.match(page, /21 %\s+€ 1\.089,99\s+€ 228,90/);
      assert.match(page, /6 %\s+€ 24,60\s+€ 1,48/);
      assert.match(page, /Totaal excl\. btw\s+€ 1\.114,59/);
      assert.match(page, /Btw\s+€ 230,38/);
      assert.match(page, /Totaal incl\. btw\s+€ 1\.344,97/);
      assert.equal(invoice.grossCents, 134_497);
      assert.ok(page.includes(invoice.structuredCommunication));
      assert.ok(page.includes("gestructureerde mededeling"));
      assert.ok(!page.includes("Btw verlegd"), "no reverse-charge mention on a Belgian sale");
      assert.ok(!page.includes("Pagina"), "one page needs no page number");
      await savePage1Png(pdf, "invoice-page1.png");
    });

    it("prints the reverse-charge mention in the invoice's language for an EU business abroad", async () => {
      clock.set("2026-03-03T10:00:00Z");
      const invoice = await invoiceFor({ billing: germanCustomer, locale: "fr" });
      assert.equal(invoice.vatTreatment, "reverse_charge");

      const [french = ""] = pdfPages(await renderInvoicePdf(invoice, policy));
      assert.ok(french.includes("Autoliquidation – article 196 de la directive 2006/112/CE"));
      assert.ok(french.includes("FACTURE"));
      assert.ok(french.includes("N° TVA DE136695976"));
      assert.match(french, /Total TVAC\s+1 114,59 €/);
      assert.ok(french.includes("TVA/n° d'entreprise BE 0123.456.749"));

      const [dutch = ""] = pdfPages(await renderInvoicePdf({ ...invoice, locale: "nl" }, policy));
      assert.ok(dutch.includes("Btw verlegd – artikel 196 Richtlijn 2006/112/EG"));
      const [english = ""] = pdfPages(await renderInvoicePdf({ ...invoice, locale: "en" }, policy));
      assert.ok(english.includes("Reverse charge – Article 196 of Directive 2006/112/EC"));
      assert.ok(english.includes("INVOICE"));
    });

    it("prints a credit note that says which invoice it corrects", async () => {
      clock.set("2026-03-04T10:00:00Z");
      const invoice = await invoiceFor();
      const credit = await issueCreditNote(deps(), { invoiceId: invoice.id, actor: staff });
      assert.equal(credit.status, "issued");
      if (credit.status !== "issued") return;
      const note = await readInvoice(deps(), credit.creditNoteId);
      assert.ok(note);

      const pdf = await renderInvoicePdf(note, policy);
      const [page = ""] = pdfPages(pdf);
      assert.ok(page.includes("CREDITNOTA"));
      assert.ok(page.includes(note.number));
      assert.match(page, new RegExp(`Corrigeert factuur\\s+${invoice.number}`));
      assert.ok(page.includes(`Deze creditnota corrigeert factuur ${invoice.number}.`));
      assert.ok(page.includes("Je hoeft niets te betalen"));
      assert.ok(!page.includes("Vervaldatum"), "nothing falls due on a credit note");
      await savePage1Png(pdf, "credit-note-page1.png");
    });

    it("flows 80 lines onto further pages, numbered, with the table header repeated and nothing overlapping", async () => {
      clock.set("2026-03-05T10:00:00Z");
      const lines = Array.from({ length: 80 }, (_, index) => ({
        description:
          index % 7 === 0
            ? `Regel ${index + 1}: onderhoudscontract werkplek, inclusief updates, back-up en ondersteuning op afstand gedurende één maand`
            : `Regel ${index + 1}: licentie`,
        quantity: 1000 + index * 250,
        unitPrice: 1000 + index,
        vatRate: index % 4 === 0 ? (6 as const) : (21 as const),
      }));
      const invoice = await invoiceFor({ lines });
      const pdf = await renderInvoicePdf(invoice, policy);

      const pages = pdfPages(pdf);
      const count = pdfPageCount(pdf);
      assert.ok(count > 1, `80 lines take more than one page (got ${count})`);
      assert.equal(pages.length, count);
      const all = pages.join("\n");
      for (let n = 1; n <= 80; n++) {
        assert.ok(all.includes(`Regel ${n}:`), `line ${n} is printed`);
      }
      pages.forEach((page, index) => {
        assert.ok(page.includes(`Pagina ${index + 1} van ${count}`), `page ${index + 1} numbered`);
        assert.ok(page.includes("Omschrijving"), `the table header on page ${index + 1}`);
        if (index > 0) assert.ok(page.includes(`Factuur ${invoice.number} (vervolg)`));
      });
      const last = pages.at(-1) ?? "";
      assert.ok(
        last.includes("Totaal incl. btw") && last.includes(invoice.structuredCommunication),
      );

      for (let index = 0; index < count; index++) {
        const textLines = pdfLines(pdf, index).filter((line) => line.text.trim());
        for (const [i, a] of textLines.entries()) {
          for (const b of textLines.slice(i + 1)) {
            const horizontal =
              Math.min(a.bbox.x + a.bbox.w, b.bbox.x + b.bbox.w) - Math.max(a.bbox.x, b.bbox.x);
            const vertical =
              Math.min(a.bbox.y + a.bbox.h, b.bbox.y + b.bbox.h) - Math.max(a.bbox.y, b.bbox.y);
            // Glyph boxes of consecutive wrapped lines touch by a point or two; text drawn over
            // text overlaps by a line's height.
            assert.ok(
              horizontal <= 0 || vertical <= 3,
              `page ${index + 1}: "${a.text}" overlaps "${b.text}"`,
            );
          }
        }
      }
    });

    it("still prints an anonymised invoice, with a dash for the person", async () => {
      clock.set("2026-03-06T10:00:00Z");
      const invoice = await invoiceFor();
      const [page = ""] = pdfPages(
        await renderInvoicePdf({ ...invoice, billing: undefined }, policy),
      );
      assert.match(page, /KLANT\s+—/);
      assert.ok(!page.includes("Bakkerij"));
      assert.ok(page.includes(invoice.number) && page.includes("€ 1.344,97"));
    });

    it("writes a Peppol BIS 3.0 UBL invoice whose totals add up", async () => {
      clock.set("2026-03-07T10:00:00Z");
      const invoice = await invoiceFor({
        lines: [
          ...mixedLines,
          { description: "Korting trouwe klant", quantity: 1000, unitPrice: -5000, vatRate: 21 },
        ],
      });
      const ubl = renderInvoiceUbl(invoice, policy);
      const parsed = xml.parse(ubl) as Node;
      const root = node(parsed.Invoice);

      assert.equal(root["@xmlns"], "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
      assertPeppolHeader(root, invoice.number);
      assert.equal(text(root["cbc:IssueDate"]), "2026-03-07");
      assert.equal(text(root["cbc:DueDate"]), "2026-04-06");
      assert.equal(text(root["cbc:InvoiceTypeCode"]), "380");
      const customer = node(node(root["cac:AccountingCustomerParty"])["cac:Party"]);
      assert.equal(attribute(customer["cbc:EndpointID"], "schemeID"), "0208");
      assert.equal(text(customer["cbc:EndpointID"]), "0403019261");
      assert.equal(text(node(customer["cac:PartyTaxScheme"])["cbc:CompanyID"]), "BE0403019261");
      assert.equal(
        text(node(customer["cac:PartyLegalEntity"])["cbc:RegistrationName"]),
        "Bakkerij Claes BV",
      );
      assert.equal(text(node(customer["cac:Contact"])["cbc:ElectronicMail"]), belgianBakery.email);

      const payment = node(root["cac:PaymentMeans"]);
      assert.equal(text(payment["cbc:PaymentMeansCode"]), paymentMeansCode);
      assert.equal(text(payment["cbc:PaymentID"]), invoice.structuredCommunication);
      if (["30", "58"].includes(text(payment["cbc:PaymentMeansCode"]))) {
        assert.ok(
          payment["cac:PayeeFinancialAccount"],
          "BR-61: a credit transfer names the account",
        );
      }

      const subtotals = nodes(node(nodes(root["cac:TaxTotal"])[0])["cac:TaxSubtotal"]);
      assert.deepEqual(
        subtotals.map((subtotal) => {
          const category = node(subtotal["cac:TaxCategory"]);
          return `${text(category["cbc:ID"])} ${text(category["cbc:Percent"])}`;
        }),
        ["S 21", "S 6"],
      );
      const lines = nodes(root["cac:InvoiceLine"]);
      assert.equal(lines.length, 4);
      const [first, , , discount] = lines;
      assert.equal(text(node(first)["cbc:ID"]), "1");
      assert.equal(attribute(node(first)["cbc:InvoicedQuantity"], "unitCode"), "C62");
      assert.equal(text(node(node(first)["cac:Item"])["cbc:Name"]), "Laptop Lenovo ThinkPad T14");
      assert.equal(text(node(node(first)["cac:Price"])["cbc:PriceAmount"]), "999.99");
      assert.equal(text(node(lines[1])["cbc:InvoicedQuantity"]), "1.5");
      assert.equal(text(node(discount)["cbc:InvoicedQuantity"]), "-1");
      assert.equal(text(node(node(discount)["cac:Price"])["cbc:PriceAmount"]), "50.00");
      assert.equal(text(node(discount)["cbc:LineExtensionAmount"]), "-50.00");
      assertTotalsAddUp(root, "cac:InvoiceLine");
      const monetary = node(root["cac:LegalMonetaryTotal"]);
      assert.equal(cents(monetary["cbc:PayableAmount"]), invoice.grossCents);
      assert.equal(cents(monetary["cbc:TaxExclusiveAmount"]), invoice.netCents);
    });

    it("writes reverse charge as category AE with the VATEX-EU-AE exemption reason", async () => {
      clock.set("2026-03-08T10:00:00Z");
      const invoice = await invoiceFor({ billing: germanCustomer, locale: "en" });
      const root = node((xml.parse(renderInvoiceUbl(invoice, policy)) as Node).Invoice);

      assertPeppolHeader(root, invoice.number);
      const customer = node(node(root["cac:AccountingCustomerParty"])["cac:Party"]);
      assert.equal(attribute(customer["cbc:EndpointID"], "schemeID"), "9930");
      assert.equal(text(customer["cbc:EndpointID"]), "DE136695976");
      assert.equal(text(node(customer["cac:PartyTaxScheme"])["cbc:CompanyID"]), "DE136695976");
      const taxTotal = node(nodes(root["cac:TaxTotal"])[0]);
      assert.equal(text(taxTotal["cbc:TaxAmount"]), "0.00");
      const [subtotal, ...others] = nodes(taxTotal["cac:TaxSubtotal"]);
      assert.equal(others.length, 0, "one AE group for all lines");
      const category = node(node(subtotal)["cac:TaxCategory"]);
      assert.equal(text(category["cbc:ID"]), "AE");
      assert.equal(text(category["cbc:Percent"]), "0");
      assert.equal(text(category["cbc:TaxExemptionReasonCode"]), "VATEX-EU-AE");
      assert.equal(
        text(category["cbc:TaxExemptionReason"]),
        "Reverse charge – Article 196 of Directive 2006/112/EC",
      );
      for (const line of nodes(root["cac:InvoiceLine"])) {
        const lineCategory = node(node(line["cac:Item"])["cac:ClassifiedTaxCategory"]);
        assert.equal(text(lineCategory["cbc:ID"]), "AE");
        assert.equal(text(lineCategory["cbc:Percent"]), "0");
      }
      assertTotalsAddUp(root, "cac:InvoiceLine");
    });

    it("writes a credit note as a UBL CreditNote (381) referring to the invoice it corrects", async () => {
      clock.set("2026-03-09T10:00:00Z");
      const invoice = await invoiceFor();
      const credit = await issueCreditNote(deps(), { invoiceId: invoice.id, actor: staff });
      if (credit.status !== "issued") throw new Error(credit.status);
      const note = await readInvoice(deps(), credit.creditNoteId);
      assert.ok(note);
      const parsed = xml.parse(renderInvoiceUbl(note, policy)) as Node;
      assert.equal(parsed.Invoice, undefined);
      const root = node(parsed.CreditNote);

      assert.equal(root["@xmlns"], "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2");
      assertPeppolHeader(root, note.number);
      assert.equal(text(root["cbc:CreditNoteTypeCode"]), "381");
      assert.equal(root["cbc:DueDate"], undefined, "UBL 2.1 has no DueDate on a credit note");
      const reference = node(node(root["cac:BillingReference"])["cac:InvoiceDocumentReference"]);
      assert.equal(text(reference["cbc:ID"]), invoice.number);
      const lines = nodes(root["cac:CreditNoteLine"]);
      assert.equal(lines.length, mixedLines.length);
      assert.equal(text(node(lines[1])["cbc:CreditedQuantity"]), "1.5");
      assertTotalsAddUp(root, "cac:CreditNoteLine");
      assert.equal(
        cents(node(root["cac:LegalMonetaryTotal"])["cbc:PayableAmount"]),
        note.grossCents,
      );
    });

    it("mails the invoice with its PDF attached, and the attachment arrives over SMTP as application/pdf", async () => {
      clock.set("2026-03-10T10:00:00Z");
      await database.db.delete(outbox);
      const invoice = await invoiceFor({ locale: "fr" });

      const mails = await openedOutbox(
        { db: database.db, vault },
        eq(outbox.purpose, "orders.invoice"),
      );
      assert.equal(mails.length, 1);
      const [row] = mails;
      assert.ok(row);
      const [order] = await database.db
        .select({ subjectId: orders.subjectId })
        .from(orders)
        .where(eq(orders.id, invoice.orderId));
      assert.ok(order?.subjectId, "the order has its customer");
      assert.equal(invoice.subjectId, order.subjectId);
      assert.equal(row.vaultPurpose, "orders", "sealed under the customer's orders key");
      assert.equal(row.subjectId, order.subjectId);
      assert.equal(row.erased, false);
      assert.equal(row.toAddress, belgianBakery.email);
      const [stored] = await database.db.select().from(outbox).where(eq(outbox.id, row.id));
      assert.ok(stored?.sealedContent, "the content is sealed");
      assert.equal(stored.toAddress, null, "no address in plain text");
      assert.equal(stored.textBody, null, "no text in plain text");
      assert.deepEqual(stored.attachments, [], "no attachment in plain text");
      assert.equal(row.attachments.length, 1);
      const [attachment] = row.attachments;
      assert.ok(attachment);
      assert.equal(attachment.filename, `facture-${invoice.number}.pdf`);
      assert.equal(attachment.filename, invoicePdfFilename(invoice));
      assert.equal(attachment.contentType, "application/pdf");
      const attached = Buffer.from(attachment.contentBase64, "base64");
      const [page = ""] = pdfPages(attached);
      assert.ok(page.includes(invoice.number) && page.includes(invoice.structuredCommunication));
      assert.ok(page.includes("FACTURE"), "in the invoice's language");
      assert.ok(row.textBody.includes("09/04/2026"), "the due date as Belgians write it");

      sink.received.length = 0;
      const transport = smtpTransport(sink.url);
      try {
        const summary = await deliverMail({ db: database.db, clock, transport, vault });
        assert.equal(summary.sent, 1);
      } finally {
        await transport.close();
      }
      assert.equal(sink.received.length, 1);
      const mail = await simpleParser(sink.received[0] ?? Buffer.alloc(0));
      assert.match(mail.subject ?? "", new RegExp(`Facture ${invoice.number}`));
      assert.equal(mail.attachments.length, 1);
      const [received] = mail.attachments;
      assert.equal(received?.contentType, "application/pdf");
      assert.equal(received?.filename, `facture-${invoice.number}.pdf`);
      assert.ok(received?.content.equals(attached), "the PDF arrives byte for byte");
    });

    it("names the attachment in the invoice's language", () => {
      const base = { number: "2026-000001" };
      assert.equal(
        invoicePdfFilename({ ...base, kind: "invoice", locale: "nl" }),
        "factuur-2026-000001.pdf",
      );
      assert.equal(
        invoicePdfFilename({ ...base, kind: "invoice", locale: "en" }),
        "invoice-2026-000001.pdf",
      );
      assert.equal(
        invoicePdfFilename({ number: "CN-2026-000001", kind: "credit_note", locale: "fr" }),
        "note-de-credit-CN-2026-000001.pdf",
      );
    });
  });
}
