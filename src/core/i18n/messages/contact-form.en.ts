import type { contactFormNl } from "./contact-form.nl.ts";

export const contactFormEn: Record<keyof typeof contactFormNl, string> = {
  "contact-form.title": "Contact",
  "contact-form.intro":
    "Ask your question or make your request. We answer as soon as we can, usually within two working days.",
  "contact-form.name": "Name",
  "contact-form.email": "E-mail address",
  "contact-form.phone": "Phone number (optional)",
  "contact-form.phone.hint": "A Belgian number may omit the country code, e.g. 0470 12 34 56.",
  "contact-form.subject": "Subject",
  "contact-form.message": "Message",
  "contact-form.attachments": "Attachments (optional)",
  "contact-form.attachments.hint":
    "At most {max} files, each up to {fileLimit} and {totalLimit} together: PDF, images, Office and OpenDocument files, text, CSV or ZIP.",
  "contact-form.attachments.again":
    "Choose your attachments again: we keep nothing until your message is sent.",
  "contact-form.honeypot": "Leave this field empty",
  "contact-form.notice": "What we keep: {data}. {retention}",
  "contact-form.notice.privacy": "Read more in our privacy statement",
  "contact-form.submit": "Send",
  "contact-form.errors": "Your message has not been sent yet. Please correct the following:",
  "contact-form.error.name": "Enter your name (at most 200 characters).",
  "contact-form.error.email": "Enter a valid e-mail address, e.g. name@example.com.",
  "contact-form.error.phone":
    "This phone number is not valid. A Belgian number may omit the country code; any other starts with + and the country code.",
  "contact-form.error.subject": "Enter a subject (at most 200 characters).",
  "contact-form.error.message": "Write your message (at most 10,000 characters).",
  "contact-form.error.automated":
    "It looks like the form was sent automatically. Wait a few seconds and send it again.",
  "contact-form.error.expired":
    "This form was open for too long. Check your details and send it again.",
  "contact-form.file.too_many": "You can send at most {max} attachments.",
  "contact-form.file.too_large": "{file} is too large: each file may be at most {limit}.",
  "contact-form.file.total_too_large":
    "{file} no longer fits: all attachments together may be at most {limit}.",
  "contact-form.file.type":
    "{file} was refused: its content is not an accepted file type (PDF, image, Office, OpenDocument, text, CSV or ZIP), whatever its name says.",
  "contact-form.sent.title": "Message received",
  "contact-form.sent.reference": "Your reference is {reference}.",
  "contact-form.sent.screening": "About your message",
  "contact-form.sent.mail":
    "A confirmation is on its way by e-mail. Please mention the reference if you contact us about this again.",
  "contact-form.sent.home": "Back to the home page",
};
