import type { exportNl } from "./export.nl.ts";

export const exportFr: Record<keyof typeof exportNl, string> = {
  "export.placeholder": "—",
};
