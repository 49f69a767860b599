import type { disclosuresNl } from "./disclosures.nl.ts";

export const disclosuresEn: Record<keyof typeof disclosuresNl, string> = {
  "disclosures.nav": "Disclosures",
};
