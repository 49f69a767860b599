export const scannerNl = {
  "scanner.placeholder": "",
} as const;
