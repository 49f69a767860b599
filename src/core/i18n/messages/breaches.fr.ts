import type { breachesNl } from "./breaches.nl.ts";

export const breachesFr: Record<keyof typeof breachesNl, string> = {
  "breaches.nav": "Violations de données",
};
