import type { disclosuresNl } from "./disclosures.nl.ts";

export const disclosuresFr: Record<keyof typeof disclosuresNl, string> = {
  "disclosures.nav": "Communications",
};
