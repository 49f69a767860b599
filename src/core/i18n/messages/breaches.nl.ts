export const breachesNl = {
  "breaches.nav": "Datalekken",
} as const;
