export const rightsLetterNl = {
  "rights-letter.placeholder": "—",
} as const;
