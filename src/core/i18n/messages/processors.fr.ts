import type { processorsNl } from "./processors.nl.ts";

export const processorsFr: Record<keyof typeof processorsNl, string> = {
  "processors.nav": "Sous-traitants",
};
