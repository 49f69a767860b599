import type { scannerNl } from "./scanner.nl.ts";

export const scannerEn: Record<keyof typeof scannerNl, string> = {
  "scanner.type.national_number": "national register number",
  "scanner.type.bis_number": "BIS number",
  "scanner.type.eid_card": "identity card number",
  "scanner.type.iban": "bank account number",
  "scanner.type.payment_card": "payment card number",
  "scanner.type.credential": "password or PIN",
  "scanner.type.health": "health",
  "scanner.type.religion": "religion or belief",
  "scanner.type.political_opinion": "political opinions",
  "scanner.type.trade_union": "trade union membership",
  "scanner.type.ethnic_origin": "ethnic origin",
  "scanner.type.sex_life": "sex life or sexual orientation",
  "scanner.type.genetic": "genetic data",
  "scanner.type.biometric": "biometric data",
  "scanner.type.minor": "a minor",
  "scanner.refused":
    "This text seems to contain data about {types}. We do not keep such data: leave it out and save again.",
  "scanner.redacted": "[removed: {type}]",
  "scanner.statement.redact":
    "If you send us such data in a message anyway, we remove it before we store the message: {types}. You see straight away what we removed and why.",
  "scanner.statement.quarantine":
    "If a message seems to contain data about {types}, we shield it: only our privacy officer can still see it, and it is deleted after {hours} hours unless they find it was a mistake.",
  "scanner.statement.quarantine.now":
    "If a message seems to contain data about {types}, we delete it at once.",
  "scanner.statement.minor":
    "A message or sign-up that seems to come from someone under 18 is handled the same way.",
  "scanner.notice.redacted":
    "We removed from your message: {types}. We do not need such data and do not keep it (see 'Special categories of personal data' in our privacy statement).",
  "scanner.notice.quarantined":
    "Your message seems to contain sensitive data. Only our privacy officer will look at it; we delete it within {hours} hours unless it was a mistake.",
  "scanner.notice.quarantined.now":
    "Your message seems to contain sensitive data. We do not keep such data: it was deleted at once. Feel free to send your question again without it.",
};
