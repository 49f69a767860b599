import type { supportNl } from "./support.nl.ts";

export const supportFr: Record<keyof typeof supportNl, string> = {
  "support.nav": "Assistance à distance",
  "support.status.waiting": "en attente du client",
  "support.status.connected": "connectée",
  "support.status.ended": "terminée",
  "support.handover.phone": "dicté par téléphone",
  "support.handover.connect_page": "via la page de connexion",
  "support.list.title": "Assistance à distance",
  "support.list.intro":
    "Vos sessions ouvertes. Démarrez une session depuis la fiche client ou avec le numéro de client ci-dessous.",
  "support.list.empty": "Vous n'avez aucune session ouverte.",
  "support.list.table": "Vos sessions d'assistance ouvertes",
  "support.list.start": "Démarrer une session",
  "support.list.customer": "Numéro de client",
  "support.list.choose": "Continuer",
  "support.col.started": "Démarrée",
  "support.col.status": "Statut",
  "support.col.customer": "Client",
  "support.col.session": "Session",
  "support.col.open": "Ouvrir",
  "support.new.title": "Démarrer une session pour le client {number}",
  "support.new.person": "Avec qui parlez-vous ?",
  "support.new.person.hint":
    "Uniquement les personnes de contact de ce client. Votre choix est journalisé.",
  "support.new.erased": "(nom effacé)",
  "support.new.no_contacts": "Ce client n'a aucune personne de contact : ajoutez-en une d'abord.",
  "support.new.submit": "Démarrer la session",
  "support.new.error.person": "Choisissez une personne de contact de ce client.",
  "support.session.title": "Session d'assistance",
  "support.session.customer": "Client",
  "support.session.technician": "Technicien",
  "support.session.status": "Statut",
  "support.session.handover": "Transmis",
  "support.session.started": "Démarrée",
  "support.session.connected": "Connectée",
  "support.session.ended": "Terminée",
  "support.session.duration": "Durée",
  "support.session.minutes": "{minutes} min",
  "support.session.id_kept": "ID TeamViewer conservé",
  "support.session.id_kept.yes": "oui, jusqu'à ce que la personne s'y oppose",
  "support.session.id_kept.no": "non",
  "support.session.readonly":
    "Cette session appartient à un autre technicien : vous la voyez, sans le mot de passe.",
  "support.code.title": "Code pour le client",
  "support.code.read_out":
    "Lisez ce code au téléphone. Le client ouvre {url} et le saisit, avec l'ID TeamViewer et le mot de passe.",
  "support.code.valid_until": "Le code fonctionne une fois, jusqu'à {time}.",
  "support.code.gone":
    "Le code n'est plus disponible (expiré, ou le serveur a redémarré). Démarrez une nouvelle session, ou prenez les données par téléphone.",
  "support.phone.title": "Transmis par téléphone",
  "support.phone.intro":
    "Le client vous dicte l'ID et le mot de passe ? Saisissez-les ici. Le mot de passe reste uniquement dans la mémoire du serveur, 2 heures au plus.",
  "support.phone.teamviewer_id": "ID TeamViewer",
  "support.phone.password": "Mot de passe",
  "support.phone.objected":
    "Le client ne veut pas que nous conservions l'ID TeamViewer après la session",
  "support.phone.submit": "Enregistrer pour cette session",
  "support.reveal.title": "Données de connexion",
  "support.reveal.intro": "Chaque affichage du mot de passe est journalisé (sans le mot de passe).",
  "support.reveal.submit": "Afficher le mot de passe",
  "support.reveal.teamviewer_id": "ID TeamViewer",
  "support.reveal.password": "Mot de passe",
  "support.reveal.once":
    "Ces données ne figurent que sur cette page. Si vous la rechargez, elles disparaissent ; affichez-les à nouveau si nécessaire.",
  "support.reveal.none":
    "Il n'y a pas (plus) de mot de passe : la session est terminée, pas encore connectée ou date de plus de 2 heures.",
  "support.end.title": "Terminer la session",
  "support.end.intro":
    "Le mot de passe est effacé immédiatement. De la session, nous ne gardons que le résumé et, sauf opposition du client, l'ID TeamViewer.",
  "support.end.summary": "Résumé (facultatif)",
  "support.end.summary.hint":
    "Ce que vous avez fait. Pas de contenu d'écran, pas de mots de passe, rien de ce que vous avez vu pendant la session.",
  "support.end.submit": "Terminer la session",
  "support.done.started": "La session a démarré.",
  "support.done.connected": "Les données sont enregistrées pour cette session.",
  "support.done.ended": "La session est terminée.",
  "support.error.not_yours": "Seul le technicien de cette session peut faire cela.",
  "support.error.not_waiting": "Cette session n'attend plus de données.",
  "support.error.ended": "Cette session est déjà terminée.",
  "support.error.customer": "Aucun client avec ce numéro.",
  "support.connect.title": "Assistance à distance",
  "support.connect.intro":
    "Notre technicien vous a donné un code de 6 chiffres par téléphone. Ouvrez TeamViewer et saisissez ci-dessous le code, votre ID TeamViewer et le mot de passe que TeamViewer affiche maintenant.",
  "support.connect.code": "Code du technicien",
  "support.connect.code.hint": "6 chiffres, par exemple 123456.",
  "support.connect.teamviewer_id": "Votre ID TeamViewer",
  "support.connect.teamviewer_id.hint":
    "Affiché dans TeamViewer sous « Votre ID », par exemple 123 456 789.",
  "support.connect.password": "Mot de passe",
  "support.connect.password.hint":
    "Le mot de passe que TeamViewer affiche maintenant ; il change à chaque démarrage.",
  "support.connect.objected": "Ne pas conserver mon ID TeamViewer après la session",
  "support.connect.notice":
    "Nous ne faisons aucun enregistrement et ne conservons rien de ce que nous voyons pendant la session. {retention}",
  "support.connect.notice.privacy": "En savoir plus dans notre déclaration de confidentialité",
  "support.connect.honeypot": "Laissez ce champ vide",
  "support.connect.submit": "Transmettre au technicien",
  "support.connect.errors": "Vérifiez ce que vous avez saisi :",
  "support.connect.again": "Saisissez à nouveau le mot de passe : nous ne l'affichons jamais.",
  "support.connect.error.code": "Le code compte 6 chiffres.",
  "support.connect.error.unknown":
    "Nous ne connaissons pas ce code. Vérifiez-le, ou demandez un nouveau code au technicien.",
  "support.connect.error.expired":
    "Ce code a expiré ou a déjà été utilisé. Demandez un nouveau code au technicien.",
  "support.connect.error.teamviewer_id": "Un ID TeamViewer compte 9 à 12 chiffres.",
  "support.connect.error.password": "Saisissez le mot de passe affiché par TeamViewer.",
  "support.connect.error.automated":
    "Votre formulaire semble avoir été envoyé automatiquement. Attendez quelques secondes et réessayez.",
  "support.connect.error.expired_form": "Le formulaire était trop ancien. Veuillez réessayer.",
  "support.connect.done.title": "Le technicien peut maintenant se connecter",
  "support.connect.done.text":
    "Laissez TeamViewer ouvert : notre technicien se connecte dans un instant. Rien de la session n'est enregistré. Vous pouvez couper la connexion à tout moment en fermant TeamViewer.",
  "support.connect.done.home": "Vers la page d'accueil",
};
