import type { scannerIdentifiersNl } from "./scanner-identifiers.nl.ts";

export const scannerIdentifiersEn: Record<keyof typeof scannerIdentifiersNl, string> = {
  "scanner-identifiers.placeholder": "",
};
