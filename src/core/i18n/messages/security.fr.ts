import type { securityNl } from "./security.nl.ts";

export const securityFr: Record<keyof typeof securityNl, string> = {
  "security.title": "Sécurité de vos données",
  "security.report.title": "Quelque chose ne va pas ?",
  "security.report.how": "Écrivez-nous à",
  "security.report.what":
    "Dites-nous ce que vous avez vu, où et quand. N'envoyez pas de mots de passe ni d'autres données dont nous n'avons pas besoin. Nous confirmons votre signalement et vous tenons informé.",
  "security.txt": "security.txt pour les chercheurs en sécurité",
  "statement.security.link": "Signaler un problème de sécurité ou un abus",
};
