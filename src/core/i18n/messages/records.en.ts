import type { recordsNl } from "./records.nl.ts";

export const recordsEn: Record<keyof typeof recordsNl, string> = {
  "records.placeholder": "—",
};
