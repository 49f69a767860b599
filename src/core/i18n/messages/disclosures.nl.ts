export const disclosuresNl = {
  "disclosures.nav": "Verstrekkingen",
} as const;
