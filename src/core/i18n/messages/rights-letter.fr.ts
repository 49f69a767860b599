import type { rightsLetterNl } from "./rights-letter.nl.ts";

export const rightsLetterFr: Record<keyof typeof rightsLetterNl, string> = {
  "rights-letter.placeholder": "—",
};
