import type { Locale } from "../../core/i18n/index.ts";

/** The number formats money.ts uses too: Belgian notation in Dutch and French. */
const numberTags: Record<Locale, string> = { nl: "nl-BE", en: "en-IE", fr: "fr-BE" };

/**
 * A day as Belgians write it on an invoice, 01/04/2026, in Brussels time: an invoice issued at
 * 00:30 on 1 April is dated 1 April even though it is still 31 March in UTC.
 */
export function formatInvoiceDate(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(numberTags[locale], {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Europe/Brussels",
  }).format(at);
}

/** 1500 thousandths → "1,5"; up to 3 decimals, none when whole. */
export function formatQuantity(quantityMilli: number, locale: Locale): string {
  return new Intl.NumberFormat(numberTags[locale], { maximumFractionDigits: 3 }).format(
    quantityMilli / 1000,
  );
}

/** "21 %" in Dutch and French (a space before the sign, as Belgian style guides write it), "21%" in English. */
export function formatVatRate(rate: number, locale: Locale): string {
  return locale === "en" ? `${rate}%` : `${rate} %`;
}

/** "BE0123456749" → "0123.456.749", as the KBO writes enterprise numbers. */
export function formatEnterpriseDigits(enterpriseNumber: string): string {
  const digits = enterpriseNumber.replace(/\D/g, "");
  return digits.length === 10
    ? `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`
    : enterpriseNumber;
}

/** A customer's VAT number as printed: Belgian ones grouped (BE 0403.019.261), others as stored. */
export function formatVatNumber(vatNumber: string): string {
  return /^BE[01]\d{9}$/.test(vatNumber) ? `BE ${formatEnterpriseDigits(vatNumber)}` : vatNumber;
}

/** "DE" → "Duitsland" / "Germany" / "Allemagne"; the code itself when the runtime has no name. */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
