export const processorsNl = {
  "processors.nav": "Verwerkers",
} as const;
