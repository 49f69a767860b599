import type { scannerSpecialNl } from "./scanner-special.nl.ts";

export const scannerSpecialEn: Record<keyof typeof scannerSpecialNl, string> = {
  "scanner-special.placeholder": "",
};
