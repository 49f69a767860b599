import type { scannerSpecialNl } from "./scanner-special.nl.ts";

export const scannerSpecialFr: Record<keyof typeof scannerSpecialNl, string> = {
  "scanner-special.placeholder": "",
};
