import type { contactNl } from "./contact.nl.ts";

export const contactEn: Record<keyof typeof contactNl, string> = {
  "contact.mail.subject": "We received your message ({reference})",
  "contact.mail.body":
    "Hello {name},\n\nThank you for your message. We will look at it as soon as we can. Please mention the reference {reference} if you ask about it.\n\nWhat we do with your data is in our privacy statement: {privacy}\n",
};
