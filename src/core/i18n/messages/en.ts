import type { Messages } from "../i18n.ts";
import { adminEn } from "./admin.en.ts";
import { breachesEn } from "./breaches.en.ts";
import { consentEn } from "./consent.en.ts";
import { contactEn } from "./contact.en.ts";
import { contactAdminEn } from "./contact-admin.en.ts";
import { contactCustomerEn } from "./contact-customer.en.ts";
import { contactFormEn } from "./contact-form.en.ts";
import { customersAdminEn } from "./customers-admin.en.ts";
import { disclosuresEn } from "./disclosures.en.ts";
import { exportEn } from "./export.en.ts";
import { invoiceEn } from "./invoice.en.ts";
import { newsletterEn } from "./newsletter.en.ts";
import { newsletterAdminEn } from "./newsletter-admin.en.ts";
import { newsletterFormEn } from "./newsletter-form.en.ts";
import { newsletterSubscribersEn } from "./newsletter-subscribers.en.ts";
import { ordersEn } from "./orders.en.ts";
import { ordersAdminEn } from "./orders-admin.en.ts";
import { processorsEn } from "./processors.en.ts";
import { recordsEn } from "./records.en.ts";
import { retentionEn } from "./retention.en.ts";
import { rightsAdminEn } from "./rights-admin.en.ts";
import { rightsLetterEn } from "./rights-letter.en.ts";
import { rightsPortalEn } from "./rights-portal.en.ts";
import { scannerEn } from "./scanner.en.ts";
import { scannerAdminEn } from "./scanner-admin.en.ts";
import { scannerIdentifiersEn } from "./scanner-identifiers.en.ts";
import { scannerSpecialEn } from "./scanner-special.en.ts";
import { securityEn } from "./security.en.ts";
import { statementEn } from "./statement.en.ts";
import { supportEn } from "./support.en.ts";

export const en: Messages = {
  ...adminEn,
  ...statementEn,
  ...retentionEn,
  ...recordsEn,
  ...exportEn,
  ...contactEn,
  ...contactFormEn,
  ...contactAdminEn,
  ...contactCustomerEn,
  ...customersAdminEn,
  ...newsletterEn,
  ...ordersEn,
  ...ordersAdminEn,
  ...invoiceEn,
  ...newsletterAdminEn,
  ...newsletterSubscribersEn,
  ...newsletterFormEn,
  ...supportEn,
  ...rightsLetterEn,
  ...rightsAdminEn,
  ...rightsPortalEn,
  ...consentEn,
  ...scannerSpecialEn,
  ...scannerIdentifiersEn,
  ...scannerEn,
  ...scannerAdminEn,
  ...securityEn,
  ...processorsEn,
  ...disclosuresEn,
  ...breachesEn,
  "language.nl": "Nederlands",
  "language.en": "English",
  "language.fr": "Français",
  "layout.skip": "Skip to content",
  "layout.language": "Language",
  "layout.footer.privacy": "Privacy statement",
  "layout.footer.cookies": "Cookie policy",
  "layout.footer.home": "Home",
  "home.title": "Your data at {organisation}",
  "home.intro":
    "Here you can contact us, subscribe to our newsletter and exercise your privacy rights. You can also read exactly which data we keep, why and for how long.",
  "home.actions": "What can you do here?",
  "home.contact": "Ask a question or make a request",
  "home.contact.hint": "Through the contact form, with attachments if you need them.",
  "home.newsletter": "Subscribe to the newsletter",
  "home.newsletter.hint": "Choose your topics; you can unsubscribe at any time.",
  "home.privacy": "Read the privacy statement",
  "home.privacy.hint": "Which data we process, why, and how long we keep it.",
  "home.cookies": "Read the cookie policy and change your choice",
  "home.cookies.hint": "Which cookies we use and what for.",
  "home.rights": "See, correct or erase your data",
  "home.rights.hint": "Send a request; we answer within 30 days.",
  "home.support": "Remote support",
  "home.support.hint": "Hand your TeamViewer ID and password safely to our technician.",
  "error.title": "Something went wrong",
  "error.title.not_found": "Page not found",
  "error.back": "Back to the previous page",
  "error.home": "Go to the home page",
  "error.reference": "Reference: {requestId}",
  "error.bad_request": "Your request could not be read. Check what you entered and try again.",
  "error.validation": "Some of the data is not right. Correct it and try again.",
  "error.unauthorized": "Please sign in first.",
  "error.forbidden": "You do not have access to this page.",
  "error.csrf":
    "This form has expired or did not come from our website. Reload the page and send it again.",
  "error.not_found": "This page does not exist (any more).",
  "error.method_not_allowed": "This action is not possible here.",
  "error.conflict": "Someone else changed this in the meantime. Reload the page.",
  "error.too_large": "What you sent is too large. Make it smaller or send fewer attachments.",
  "error.unsupported_media_type":
    "We do not accept this kind of data here. Use the form or send JSON.",
  "error.rate_limited":
    "You sent too many requests in a row. Wait {seconds} seconds and try again.",
  "error.internal":
    "Something went wrong on our side. Nothing you saved before is lost; please try again later.",
  "error.unavailable": "The service is unavailable for a moment. Try again in a few minutes.",
  "error.field": "{field}: {problem}",
  "error.field.invalid": "invalid value",
  "field.email": "e-mail address",
  "field.name": "name",
  "field.phone": "phone number",
  "field.message": "message",
  "field.subject": "subject",
  "field.attachments": "attachments",
};
