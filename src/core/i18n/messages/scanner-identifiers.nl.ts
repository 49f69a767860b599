export const scannerIdentifiersNl = {
  "scanner-identifiers.placeholder": "",
} as const;
