import type { securityNl } from "./security.nl.ts";

export const securityEn: Record<keyof typeof securityNl, string> = {
  "security.title": "Security of your data",
  "security.report.title": "Something not right?",
  "security.report.how": "E-mail us at",
  "security.report.what":
    "Tell us what you saw, where and when. Do not send passwords or other data we do not need. We confirm your report and keep you informed.",
  "security.txt": "security.txt for security researchers",
  "statement.security.link": "Report a security problem or misuse",
};
