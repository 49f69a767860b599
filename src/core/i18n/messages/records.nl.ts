export const recordsNl = {
  "records.placeholder": "—",
} as const;
