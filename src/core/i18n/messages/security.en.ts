import type { securityNl } from "./security.nl.ts";

export const securityEn: Record<keyof typeof securityNl, string> = {
  "security.title": "Security of your data",
  "security.report.title": "Something not right?",
  "security.report.how": "E-mail us at",
  "security.report.what":
    "Tell us what you saw, where and when. Do not send passwords or other data we do not need. We confirm your report and keep you informed.",
  "security.txt": "security.txt for security researchers",
  "statement.security.link": "Report a security problem or misuse",
  "security.form.title": "Report misuse or a security problem",
  "security.form.errors": "Your report has not been sent yet. Please correct the following:",
  "security.form.message": "What did you see, where and when?",
  "security.form.message.hint": "Do not include passwords or other data we do not need.",
  "security.form.name": "Name (optional)",
  "security.form.email": "E-mail address",
  "security.form.email.hint":
    "Needed to confirm your report and to answer you or ask questions. We use it for nothing else.",
  "security.form.honeypot": "Leave this field empty",
  "security.form.notice":
    "We keep your report, your e-mail address and your IP address as a contact request. Kept: {retention}",
  "security.form.notice.privacy": "Read our privacy statement.",
  "security.form.submit": "Send report",
  "security.form.error.message": "Describe what you saw (at most 10,000 characters).",
  "security.form.error.name": "Your name may be at most 200 characters long.",
  "security.form.error.email": "Enter a valid e-mail address, e.g. name@example.com.",
  "security.form.topic": "Report of misuse or a security problem",
  "security.sent.title": "Thank you for your report",
  "security.sent.next":
    "You will get a confirmation by e-mail. Our privacy officer looks at your report as soon as possible and contacts you if there are questions.",
};
