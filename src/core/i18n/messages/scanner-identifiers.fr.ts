import type { scannerIdentifiersNl } from "./scanner-identifiers.nl.ts";

export const scannerIdentifiersFr: Record<keyof typeof scannerIdentifiersNl, string> = {
  "scanner-identifiers.placeholder": "",
};
