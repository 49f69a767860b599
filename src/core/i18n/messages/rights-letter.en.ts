import type { rightsLetterNl } from "./rights-letter.nl.ts";

export const rightsLetterEn: Record<keyof typeof rightsLetterNl, string> = {
  "rights-letter.placeholder": "—",
};
