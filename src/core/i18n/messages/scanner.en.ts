import type { scannerNl } from "./scanner.nl.ts";

export const scannerEn: Record<keyof typeof scannerNl, string> = {
  "scanner.placeholder": "",
};
