export const scannerSpecialNl = {
  "scanner-special.placeholder": "",
} as const;
