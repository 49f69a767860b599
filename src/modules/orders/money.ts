/** Belgian VAT rates in percent; 0 also serves reverse charge and exempt supplies. */
export const vatRates = [21, 12, 6, 0] as const;
export type VatRate = (typeof vatRates)[number];

export interface LineInput {
  description: string;
  /** Thousandths, so 1.5 hours is 1500: exact without floats. */
  quantityMilli: number;
  /** Excluding VAT, in euro cents; negative for a discount line. */
  unitPriceCents: number;
  vatRate: VatRate;
}

export interface PricedLine extends LineInput {
  netCents: number;
}

export interface VatGroup {
  rate: VatRate;
  netCents: number;
  vatCents: number;
}

export interface Totals {
  lines: PricedLine[];
  /** One line per rate used, as the invoice shows the VAT breakdown. */
  vat: VatGroup[];
  netCents: number;
  vatCents: number;
  grossCents: number;
}

/** Half away from zero, on integers: a/b rounded to a whole cent. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * a + b) / (2n * b);
  return negative ? -rounded : rounded;
}

/** quantity × unit price, to the cent; BigInt so no product of two large numbers loses a digit. */
export function lineNet(line: Pick<LineInput, "quantityMilli" | "unitPriceCents">): number {
  return Number(divideRounded(BigInt(line.quantityMilli) * BigInt(line.unitPriceCents), 1000n));
}

/**
 * Line amounts, then VAT per rate on the rate's net total (as the invoice shows it), then the
 * totals. Integers in cents throughout: the sum of the parts is the total, to the cent.
 */
export function computeTotals(lines: readonly LineInput[], reverseCharge: boolean): Totals {
  const priced = lines.map((line) => ({ ...line, netCents: lineNet(line) }));
  const byRate = new Map<VatRate, number>();
  for (const line of priced) {
    const rate = reverseCharge ? 0 : line.vatRate;
    byRate.set(rate, (byRate.get(rate) ?? 0) + line.netCents);
  }
  const vat = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, netCents]) => ({
      rate,
      netCents,
      vatCents: Number(divideRounded(BigInt(netCents) * BigInt(rate), 100n)),
    }));
  const netCents = priced.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = vat.reduce((sum, group) => sum + group.vatCents, 0);
  return { lines: priced, vat, netCents, vatCents, grossCents: netCents + vatCents };
}

const euroFormats = new Map<string, Intl.NumberFormat>();

/** 123456 → "€ 1.234,56" (Belgian notation), for invoices and pages; one formatter per language. */
export function formatEuro(cents: number, locale: "nl" | "en" | "fr"): string {
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === "en" ? "en-IE" : `${locale}-BE`, {
      style: "currency",
      currency: "EUR",
    });
    euroFormats.set(locale, format);
  }
  return format.format(cents / 100);
}
