import type { processorsNl } from "./processors.nl.ts";

export const processorsEn: Record<keyof typeof processorsNl, string> = {
  "processors.nav": "Processors",
};
