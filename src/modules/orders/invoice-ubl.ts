import { create } from "xmlbuilder2";
import { translate } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Billing } from "./billing-fields.ts";
import type { InvoiceLineView, InvoiceView } from "./invoice-view.ts";

/** Peppol BIS Billing 3.0 (EN 16931 CIUS), the format Belgian B2B e-invoicing uses from 2026. */
export const peppolCustomizationId =
  "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
export const peppolProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

const namespaces = {
  invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  creditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
} as const;

const currency = "EUR";

/**
 * BT-81. Credit transfer (30, or 58 for SEPA) is what the customer does, but BR-61 (fatal) then
 * requires the payee's account (BT-84), and the policy holds no IBAN. 1 ("instrument not defined")
 * is valid without it; the structured communication still travels as the remittance information
 * (BT-83), which is what the buyer's bank software matches on. With an IBAN, switch to 58.
 */
export const paymentMeansCode = "1";

/**
 * Peppol Electronic Address Scheme (EAS) per VAT-number prefix, for the buyer's EndpointID (BT-49).
 * Belgium routes on the enterprise number (0208, digits only; Peppol registration on 0208 is
 * mandatory for Belgian companies since 2026); the other member states listed have an active
 * "<country> VAT number" scheme whose value is the VAT number with its prefix (9930 DE…, 9957 FR…).
 * Italy's 9906 was removed in favour of 0211 (Partita IVA). A country not listed, or a customer
 * without a VAT number, gets the e-mail scheme EM with the billing address: valid in the BIS code
 * list, though not routable on the Peppol network; such invoices go by mail anyway.
 */
const vatEndpointSchemes: Readonly<Record<string, string>> = {
  BE: "0208",
  AT: "9914",
  BG: "9926",
  CY: "9928",
  CZ: "9929",
  DE: "9930",
  EE: "9931",
  EL: "9933",
  ES: "9920",
  FR: "9957",
  HR: "9934",
  HU: "9910",
  IE: "9935",
  IT: "0211",
  LT: "9937",
  LU: "9938",
  LV: "9939",
  MT: "9943",
  NL: "9944",
  PL: "9945",
  PT: "9946",
  RO: "9947",
  SI: "9949",
  SK: "9950",
};

export interface Endpoint {
  schemeID: string;
  value: string;
}

/** The buyer's electronic address (BT-49) from their VAT number, else their e-mail address. */
export function customerEndpoint(billing: Pick<Billing, "email" | "vatNumber">): Endpoint {
  const vat = billing.vatNumber;
  const scheme = vat ? vatEndpointSchemes[vat.slice(0, 2)] : undefined;
  if (vat && scheme === "0208") return { schemeID: scheme, value: vat.slice(2) };
  if (vat && scheme) return { schemeID: scheme, value: vat };
  return { schemeID: "EM", value: billing.email };
}

/** Cents as a UBL amount: 131889 → "1318.89", -5 → "-0.05"; integers only, never a float. */
export function ublAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error("an amount must be a whole number of cents");
  const sign = cents < 0 ? "-" : "";
  const whole = Math.abs(cents);
  return `${sign}${Math.trunc(whole / 100)}.${String(whole % 100).padStart(2, "0")}`;
}

/** Thousandths as a UBL quantity: 1500 → "1.5", 2000 → "2", -250 → "-0.25". */
export function ublQuantity(milli: number): string {
  if (!Number.isSafeInteger(milli)) throw new Error("a quantity must be whole thousandths");
  const sign = milli < 0 ? "-" : "";
  const whole = Math.abs(milli);
  const fraction = String(whole % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${Math.trunc(whole / 1000)}${fraction ? `.${fraction}` : ""}`;
}

/** The calendar day in Brussels, as UBL dates are written: 2026-03-02. */
function ublDate(at: Date): string {
  const parts = new Intl.DateTimeFormat("en", {
    timeZone: "Europe/Brussels",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

type TaxCategory = { id: "S" | "Z" | "AE"; percent: number };

/**
 * UNCL5305 per line and per VAT group: S standard rate, Z zero rate, AE reverse charge (the buyer
 * accounts for the VAT, BR-AE-*). E (exempt) is not used: nothing WITS sells is exempt.
 */
function taxCategory(invoice: InvoiceView, rate: number): TaxCategory {
  if (invoice.vatTreatment === "reverse_charge") return { id: "AE", percent: 0 };
  return rate === 0 ? { id: "Z", percent: 0 } : { id: "S", percent: rate };
}

const money = (cents: number) => ({ "@currencyID": currency, "#": ublAmount(cents) });
const vatScheme = { "cac:TaxScheme": { "cbc:ID": "VAT" } };

/**
 * The invoice as UBL 2.1 following Peppol BIS Billing 3.0: an Invoice (380), or a CreditNote
 * (381) with a BillingReference to the invoice it corrects. Elements are written in the order
 * the UBL schema's sequences require. Amounts are written from integer cents.
 */
export function renderInvoiceUbl(invoice: InvoiceView, policy: Policy): string {
  const isInvoice = invoice.kind === "invoice";
  const document = {
    "@xmlns": isInvoice ? namespaces.invoice : namespaces.creditNote,
    "@xmlns:cac": namespaces.cac,
    "@xmlns:cbc": namespaces.cbc,
    "cbc:CustomizationID": peppolCustomizationId,
    "cbc:ProfileID": peppolProfileId,
    "cbc:ID": invoice.number,
    "cbc:IssueDate": ublDate(invoice.issuedAt),
    // A UBL 2.1 CreditNote has no DueDate: nothing is payable by the customer.
    ...(isInvoice
      ? { "cbc:DueDate": ublDate(invoice.dueAt), "cbc:InvoiceTypeCode": "380" }
      : { "cbc:CreditNoteTypeCode": "381" }),
    "cbc:DocumentCurrencyCode": currency,
    // PEPPOL-EN16931-R003 needs a buyer reference or an order reference; customers give no
    // purchase order number, so the document's own number is the reference they quote.
    "cbc:BuyerReference": invoice.number,
    ...(invoice.creditsNumber
      ? {
          "cac:BillingReference": {
            "cac:InvoiceDocumentReference": { "cbc:ID": invoice.creditsNumber },
          },
        }
      : {}),
    "cac:AccountingSupplierParty": { "cac:Party": supplierParty(policy.organisation) },
    "cac:AccountingCustomerParty": { "cac:Party": customerParty(invoice.billing) },
    ...(isInvoice
      ? {
          "cac:PaymentMeans": {
            "cbc:PaymentMeansCode": paymentMeansCode,
            "cbc:PaymentID": invoice.structuredCommunication,
          },
        }
      : {}),
    "cac:TaxTotal": {
      "cbc:TaxAmount": money(invoice.vatCents),
      "cac:TaxSubtotal": invoice.vat.map((group) => {
        const category = taxCategory(invoice, group.rate);
        return {
          "cbc:TaxableAmount": money(group.netCents),
          "cbc:TaxAmount": money(group.vatCents),
          "cac:TaxCategory": {
            "cbc:ID": category.id,
            "cbc:Percent": String(category.percent),
            ...(category.id === "AE"
              ? {
                  "cbc:TaxExemptionReasonCode": "VATEX-EU-AE",
                  "cbc:TaxExemptionReason": translate(invoice.locale, "invoice.reverse_charge"),
                }
              : {}),
            ...vatScheme,
          },
        };
      }),
    },
    "cac:LegalMonetaryTotal": {
      "cbc:LineExtensionAmount": money(invoice.netCents),
      "cbc:TaxExclusiveAmount": money(invoice.netCents),
      "cbc:TaxInclusiveAmount": money(invoice.grossCents),
      "cbc:PayableAmount": money(invoice.grossCents),
    },
    [isInvoice ? "cac:InvoiceLine" : "cac:CreditNoteLine"]: invoice.lines.map((line, index) =>
      documentLine(invoice, line, index),
    ),
  };
  return create(
    { version: "1.0", encoding: "UTF-8" },
    {
      [isInvoice ? "Invoice" : "CreditNote"]: document,
    },
  ).end({ prettyPrint: true });
}

function supplierParty(organisation: Policy["organisation"]) {
  const enterpriseDigits = organisation.enterpriseNumber.slice(2);
  return {
    "cbc:EndpointID": { "@schemeID": "0208", "#": enterpriseDigits },
    "cac:PartyName": { "cbc:Name": organisation.name },
    "cac:PostalAddress": {
      "cbc:StreetName": organisation.address.street,
      "cbc:CityName": organisation.address.city,
      "cbc:PostalZone": organisation.address.postalCode,
      "cac:Country": { "cbc:IdentificationCode": organisation.address.country },
    },
    "cac:PartyTaxScheme": { "cbc:CompanyID": organisation.enterpriseNumber, ...vatScheme },
    "cac:PartyLegalEntity": {
      "cbc:RegistrationName": `${organisation.name} ${organisation.legalForm}`,
      "cbc:CompanyID": { "@schemeID": "0208", "#": enterpriseDigits },
    },
  };
}

function customerParty(billing: Billing | undefined) {
  // Anonymised after the retention period: only what the books keep. Such a file is an archive
  // copy, no longer a sendable e-invoice (the buyer's address and endpoint are gone).
  if (!billing) return { "cac:PartyLegalEntity": { "cbc:RegistrationName": "—" } };
  const endpoint = customerEndpoint(billing);
  const belgian = billing.vatNumber?.startsWith("BE") ? billing.vatNumber.slice(2) : undefined;
  return {
    "cbc:EndpointID": { "@schemeID": endpoint.schemeID, "#": endpoint.value },
    "cac:PartyName": { "cbc:Name": billing.company ?? billing.name },
    "cac:PostalAddress": {
      "cbc:StreetName": billing.address.street,
      "cbc:CityName": billing.address.city,
      "cbc:PostalZone": billing.address.postalCode,
      "cac:Country": { "cbc:IdentificationCode": billing.address.country },
    },
    ...(billing.vatNumber
      ? { "cac:PartyTaxScheme": { "cbc:CompanyID": billing.vatNumber, ...vatScheme } }
      : {}),
    "cac:PartyLegalEntity": {
      "cbc:RegistrationName": billing.company ?? billing.name,
      ...(belgian ? { "cbc:CompanyID": { "@schemeID": "0208", "#": belgian } } : {}),
    },
    "cac:Contact": { "cbc:Name": billing.name, "cbc:ElectronicMail": billing.email },
  };
}

function documentLine(invoice: InvoiceView, line: InvoiceLineView, index: number) {
  const category = taxCategory(invoice, line.vatRate);
  // BR-27: the item price may not be negative, so a discount line is a negative quantity at a
  // positive price; quantity × price is still the line's (negative) amount.
  const negative = line.unitPriceCents < 0;
  const quantity = ublQuantity(negative ? -line.quantityMilli : line.quantityMilli);
  return {
    "cbc:ID": String(index + 1),
    [invoice.kind === "invoice" ? "cbc:InvoicedQuantity" : "cbc:CreditedQuantity"]: {
      // C62 ("one"): lines mix pieces, hours and licences, so no more specific unit is claimed.
      "@unitCode": "C62",
      "#": quantity,
    },
    "cbc:LineExtensionAmount": money(line.netCents),
    "cac:Item": {
      "cbc:Name": line.description,
      "cac:ClassifiedTaxCategory": {
        "cbc:ID": category.id,
        "cbc:Percent": String(category.percent),
        ...vatScheme,
      },
    },
    "cac:Price": { "cbc:PriceAmount": money(Math.abs(line.unitPriceCents)) },
  };
}
