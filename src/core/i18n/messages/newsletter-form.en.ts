import type { newsletterFormNl } from "./newsletter-form.nl.ts";

export const newsletterFormEn: Record<keyof typeof newsletterFormNl, string> = {
  "newsletter-form.title": "Newsletter",
  "newsletter-form.intro":
    "Choose what you want to hear from us about. You first get one e-mail to confirm your subscription; without that confirmation we send you nothing.",
  "newsletter-form.name": "Name or nickname",
  "newsletter-form.email": "E-mail address",
  "newsletter-form.topics": "Topics",
  "newsletter-form.topics.hint":
    "Tick what you want to receive e-mails about. You give your consent for each topic separately.",
  "newsletter-form.honeypot": "Leave this field empty",
  "newsletter-form.notice": "What we keep: {data}. {retention}",
  "newsletter-form.notice.unsubscribe":
    "You can always unsubscribe with the link at the bottom of every newsletter.",
  "newsletter-form.notice.privacy": "Read more in our privacy statement",
  "newsletter-form.submit": "Subscribe",
  "newsletter-form.errors": "You are not subscribed yet. Please correct the following:",
  "newsletter-form.error.name": "Enter your name or a nickname (at most 200 characters).",
  "newsletter-form.error.email": "Enter a valid e-mail address, e.g. name@example.com.",
  "newsletter-form.error.topics": "Choose at least one topic.",
  "newsletter-form.error.automated":
    "It looks like the form was sent automatically. Wait a few seconds and send it again.",
  "newsletter-form.error.expired":
    "This form was open for too long. Check your details and send it again.",
  "newsletter-form.check.title": "Check your mailbox",
  "newsletter-form.check.body":
    "We are sending an e-mail to the address you gave, with a link to confirm your subscription. Only after that confirmation do you receive our newsletter.",
  "newsletter-form.check.expiry":
    "The link works for {days} days. Nothing received? Look in your spam folder too, or sign up again.",
  "newsletter-form.home": "Back to the home page",
  "newsletter-form.confirm.title": "Confirm your subscription",
  "newsletter-form.confirm.intro":
    "Press the button to confirm your subscription to our newsletter. Without confirmation we send you nothing.",
  "newsletter-form.confirm.submit": "Confirm my subscription",
  "newsletter-form.confirmed.title": "You are subscribed",
  "newsletter-form.confirmed.topics": "You will receive our newsletter about:",
  "newsletter-form.confirmed.later":
    "At the bottom of every newsletter there is a link to unsubscribe and a link to your preferences.",
  "newsletter-form.confirmed.preferences": "Change your topics or name now",
  "newsletter-form.expired.title": "This link has expired",
  "newsletter-form.expired.body":
    "A confirmation link works for {days} days. Your sign-up was not kept: sign up again to get a new link.",
  "newsletter-form.invalid.title": "This link is not valid",
  "newsletter-form.invalid.body":
    "The link is incomplete or has already been used. Already subscribed? Then every newsletter has a link to your preferences at the bottom. If not, sign up again.",
  "newsletter-form.link.body":
    "The link is incomplete. Use the link at the bottom of your most recent newsletter, or sign up again.",
  "newsletter-form.signup-again": "Go to the sign-up form",
  "newsletter-form.preferences.title": "Your newsletter preferences",
  "newsletter-form.preferences.intro":
    "These preferences belong to {email}. Choose the topics you want to receive e-mails about and change your name if you like.",
  "newsletter-form.preferences.none":
    "You are not subscribed to any topic at the moment. Tick topics and save to subscribe again.",
  "newsletter-form.preferences.save": "Save preferences",
  "newsletter-form.preferences.saved": "Your preferences have been saved.",
  "newsletter-form.preferences.errors":
    "Your preferences have not been saved yet. Please correct the following:",
  "newsletter-form.preferences.leave": "Unsubscribe from everything",
  "newsletter-form.preferences.leave.hint":
    "You will then receive no newsletter at all. You can subscribe again here later.",
  "newsletter-form.unsubscribe.title": "Unsubscribe from the newsletter",
  "newsletter-form.unsubscribe.intro":
    "This button unsubscribes you from every topic of our newsletter.",
  "newsletter-form.unsubscribe.submit": "Unsubscribe from all",
  "newsletter-form.unsubscribe.instead": "Would you rather just change your topics?",
  "newsletter-form.unsubscribe.preferences": "Go to your preferences",
  "newsletter-form.unsubscribed.title": "You are unsubscribed",
  "newsletter-form.unsubscribed.body": "You will receive no more newsletters from us.",
  "newsletter-form.unsubscribed.retention": "What happens to your data now: {retention}",
  "newsletter-form.unsubscribed.again": "A mistake? You can subscribe again in your preferences.",
  "field.topics": "topics",
};
