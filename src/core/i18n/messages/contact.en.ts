import type { contactNl } from "./contact.nl.ts";

export const contactEn: Record<keyof typeof contactNl, string> = {
  "contact.mail.subject": "We received your message ({reference})",
  "contact.mail.reply_subject": "Re: [{reference}] {topic}",
  "contact.mail.reply_footer":
    "Reply to your request {reference}. You can answer this mail; please keep the reference in the subject.",
  "contact.mail.greeting": "Hello {name},",
  "contact.mail.greeting_nameless": "Hello,",
  "contact.mail.body":
    "{greeting}\n\nThank you for your message. We will look at it as soon as we can. Please mention the reference {reference} if you ask about it.\n\nWhat we do with your data is in our privacy statement: {privacy}\n",
};
