import type { newsletterNl } from "./newsletter.nl.ts";

export const newsletterFr: Record<keyof typeof newsletterNl, string> = {
  "newsletter.mail.confirm.subject": "Confirmez votre inscription à notre lettre d'information",
  "newsletter.mail.confirm.body":
    "Bonjour {name},\n\nVous vous êtes inscrit à notre lettre d'information sur :\n{topics}\n\nConfirmez votre inscription avec ce lien :\n{link}\n\nLe lien fonctionne {days} jours, une seule fois. Ce n'était pas vous ? Ne faites rien : sans confirmation, nous ne vous envoyons rien et effaçons vos données après {days} jours.",
  "newsletter.mail.footer":
    "Vous recevez ce courriel parce que vous vous êtes inscrit à : {topics}.\nSe désinscrire (un clic) : {unsubscribe}\nModifier vos sujets ou votre nom : {preferences}",
  "newsletter.mail.notice_footer":
    "Ceci est un avis de service. Vous les recevez, quels que soient vos choix de lettre d'information, tant que vous avez un service en cours chez nous.",
  "newsletter.mail.unsubscribe_label": "Se désinscrire",
  "newsletter.mail.preferences_label": "Préférences",
};
