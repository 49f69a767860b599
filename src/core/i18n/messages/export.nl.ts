export const exportNl = {
  "export.placeholder": "—",
} as const;
