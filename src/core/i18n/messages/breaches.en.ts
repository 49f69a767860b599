import type { breachesNl } from "./breaches.nl.ts";

export const breachesEn: Record<keyof typeof breachesNl, string> = {
  "breaches.nav": "Data breaches",
};
