import type { exportNl } from "./export.nl.ts";

export const exportEn: Record<keyof typeof exportNl, string> = {
  "export.placeholder": "—",
};
