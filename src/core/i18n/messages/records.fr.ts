import type { recordsNl } from "./records.nl.ts";

export const recordsFr: Record<keyof typeof recordsNl, string> = {
  "records.placeholder": "—",
};
