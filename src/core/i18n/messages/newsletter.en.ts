import type { newsletterNl } from "./newsletter.nl.ts";

export const newsletterEn: Record<keyof typeof newsletterNl, string> = {
  "newsletter.mail.confirm.subject": "Confirm your newsletter subscription",
  "newsletter.mail.confirm.body":
    "Hello {name},\n\nYou subscribed to our newsletter about:\n{topics}\n\nConfirm your subscription with this link:\n{link}\n\nThe link works for {days} days, once. Was it not you? Then do nothing: without confirmation we send you nothing and erase your data after {days} days.",
  "newsletter.mail.footer":
    "You get this mail because you subscribed to: {topics}.\nUnsubscribe (one click): {unsubscribe}\nChange your topics or name: {preferences}",
  "newsletter.mail.notice_footer":
    "This is a service notice. You get these, whatever your newsletter choices, as long as you have a running service with us.",
  "newsletter.mail.unsubscribe_label": "Unsubscribe",
  "newsletter.mail.preferences_label": "Preferences",
};
