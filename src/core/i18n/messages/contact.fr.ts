import type { contactNl } from "./contact.nl.ts";

export const contactFr: Record<keyof typeof contactNl, string> = {
  "contact.mail.subject": "Nous avons reçu votre message ({reference})",
  "contact.mail.reply_subject": "Re: [{reference}] {topic}",
  "contact.mail.reply_footer":
    "Réponse à votre demande {reference}. Vous pouvez répondre à ce message ; gardez la référence dans l'objet.",
  "contact.mail.greeting": "Bonjour {name},",
  "contact.mail.greeting_nameless": "Bonjour,",
  "contact.mail.body":
    "{greeting}\n\nMerci pour votre message. Nous l'examinons dès que possible. Mentionnez la référence {reference} si vous nous posez une question à ce sujet.\n\nCe que nous faisons de vos données figure dans notre déclaration de confidentialité : {privacy}\n",
};
