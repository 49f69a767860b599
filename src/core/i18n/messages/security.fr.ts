import type { securityNl } from "./security.nl.ts";

export const securityFr: Record<keyof typeof securityNl, string> = {
  "security.title": "Sécurité de vos données",
  "security.report.title": "Quelque chose ne va pas ?",
  "security.report.how": "Écrivez-nous à",
  "security.report.what":
    "Dites-nous ce que vous avez vu, où et quand. N'envoyez pas de mots de passe ni d'autres données dont nous n'avons pas besoin. Nous confirmons votre signalement et vous tenons informé.",
  "security.txt": "security.txt pour les chercheurs en sécurité",
  "statement.security.link": "Signaler un problème de sécurité ou un abus",
  "security.form.title": "Signaler un abus ou un problème de sécurité",
  "security.form.errors": "Votre signalement n'est pas encore envoyé. Corrigez ce qui suit :",
  "security.form.message": "Qu'avez-vous vu, où et quand ?",
  "security.form.message.hint":
    "N'indiquez pas de mots de passe ni d'autres données dont nous n'avons pas besoin.",
  "security.form.name": "Nom (facultatif)",
  "security.form.email": "Adresse e-mail",
  "security.form.email.hint":
    "Nécessaire pour confirmer votre signalement et pouvoir vous répondre ou vous poser des questions. Nous ne l'utilisons que pour cela.",
  "security.form.honeypot": "Laissez ce champ vide",
  "security.form.notice":
    "Nous conservons votre signalement, votre adresse e-mail et votre adresse IP comme une demande de contact. Conservation : {retention}",
  "security.form.notice.privacy": "Lisez notre déclaration de confidentialité.",
  "security.form.submit": "Envoyer le signalement",
  "security.form.error.message": "Décrivez ce que vous avez vu (10 000 caractères au plus).",
  "security.form.error.name": "Votre nom peut compter 200 caractères au plus.",
  "security.form.error.email": "Indiquez une adresse e-mail valide, p. ex. nom@exemple.be.",
  "security.form.topic": "Signalement d'un abus ou d'un problème de sécurité",
  "security.sent.title": "Merci pour votre signalement",
  "security.sent.next":
    "Vous recevrez une confirmation par e-mail. Notre responsable de la vie privée examine votre signalement au plus vite et vous contacte en cas de questions.",
};
