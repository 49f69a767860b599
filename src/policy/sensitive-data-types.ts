/**
 * What the scanner can find. Identifiers and credentials are redacted before storing; the GDPR
 * Art. 9 categories and a minor's words put a record in quarantine. Which type gets which action
 * is the policy's choice (`sensitiveData` in the policy file), not the scanner's.
 */
export const identifierTypes = [
  "national_number",
  "bis_number",
  "eid_card",
  "iban",
  "payment_card",
  "credential",
] as const;

export const specialCategoryTypes = [
  "health",
  "religion",
  "political_opinion",
  "trade_union",
  "ethnic_origin",
  "sex_life",
  "genetic",
  "biometric",
] as const;

export const findingTypes = [...identifierTypes, ...specialCategoryTypes, "minor"] as const;

export type IdentifierType = (typeof identifierTypes)[number];
export type SpecialCategoryType = (typeof specialCategoryTypes)[number];
export type FindingType = (typeof findingTypes)[number];
