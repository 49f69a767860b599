import type { scannerNl } from "./scanner.nl.ts";

export const scannerFr: Record<keyof typeof scannerNl, string> = {
  "scanner.placeholder": "",
};
