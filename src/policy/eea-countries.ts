/**
 * EU member states plus Iceland, Liechtenstein and Norway (ISO 3166 alpha-2): personal data flows
 * freely among them (GDPR Chapter V applies to any other country). One list, so the policy check
 * and the Art. 30 record cannot disagree about what a transfer is.
 */
export const eeaCountries: ReadonlySet<string> = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split(
    " ",
  ),
);

export function isInEea(country: string): boolean {
  return eeaCountries.has(country);
}
