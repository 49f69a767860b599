import type { consentNl } from "./consent.nl.ts";

export const consentFr: Record<keyof typeof consentNl, string> = {
  "consent.error.category":
    "Catégorie de cookies inconnue : choisissez parmi les catégories de la politique en matière de cookies.",
  "consent.error.necessary": "Les cookies nécessaires ne peuvent pas être refusés.",
  "consent.error.contradicts":
    "Les catégories choisies ne correspondent pas à « tout accepter » ou « tout refuser ».",
  "consent.error.page": "La page doit être un chemin (/…) ou une adresse http(s).",
  "consent.category.necessary": "cookies nécessaires",
  "consent.category.analytics": "cookies analytiques",
  "consent.page.heading": "Votre choix",
  "consent.page.none":
    "Vous n'avez pas encore choisi. Tant que vous ne choisissez pas, nous ne plaçons aucun cookie analytique.",
  "consent.page.accepted": "Vous avez accepté les cookies analytiques le {date}.",
  "consent.page.refused": "Vous avez refusé les cookies analytiques le {date}.",
  "consent.page.outdated":
    "Votre choix du {date} portait sur une ancienne liste de cookies ; nous vous le demanderons à nouveau.",
  "consent.page.id":
    "Numéro de votre choix (mentionnez-le si vous nous interrogez sur vos données) :",
  "consent.page.change": "Modifier vos paramètres de cookies",
  "consent.page.lifetime":
    "Votre choix vaut {days} jours. Ensuite, ou si la liste des cookies change, nous le redemandons ; jamais parce que vous avez refusé.",
  "consent.page.proof": "Preuve de votre choix",
  "consent.form.legend": "Choisissez ici, même sans JavaScript",
  "consent.form.accept": "Tout accepter",
  "consent.form.reject": "Tout refuser",
  "consent.nav": "Choix de cookies",
  "consent.admin.title": "Rechercher des choix de cookies",
  "consent.admin.intro":
    "Tous les choix faits sous un numéro de consentement, par exemple pour la demande d'une personne sur ses données. Le visiteur trouve le numéro sur la page de la politique en matière de cookies. Chaque recherche est journalisée.",
  "consent.admin.id": "Numéro de consentement",
  "consent.admin.search": "Rechercher",
  "consent.admin.invalid": "Ce n'est pas un numéro de consentement valide (un uuid).",
  "consent.admin.none": "Aucun choix trouvé avec ce numéro de consentement.",
  "consent.admin.table": "Choix de ce numéro de consentement, du plus récent au plus ancien",
  "consent.admin.col.decided": "Choisi le",
  "consent.admin.col.action": "Choix",
  "consent.admin.col.categories": "Catégories",
  "consent.admin.col.version": "Version de la liste de cookies",
  "consent.admin.col.page": "Page",
  "consent.admin.col.ip": "Adresse IP raccourcie",
  "consent.admin.col.browser": "Navigateur",
  "consent.admin.col.person": "Personne",
  "consent.admin.action.accept_all": "tout accepté",
  "consent.admin.action.reject_all": "tout refusé",
  "consent.admin.action.custom": "choix personnalisé",
  "consent.admin.allowed": "autorisés",
  "consent.admin.refused": "refusés",
  "consent.admin.version.current": "actuelle",
  "consent.admin.version.older": "ancienne",
  "consent.admin.not_linked": "non liée",
  "consent.admin.link.title": "Lier à une personne",
  "consent.admin.link.intro":
    "Pour une demande sur des données : liez ces choix à la personne (le numéro venant de Personnes). Ils figurent alors dans l'accès de cette personne et partent avec l'effacement de ses données.",
  "consent.admin.link.subject": "Numéro de la personne",
  "consent.admin.link.submit": "Lier",
  "consent.admin.done.linked": "{n} choix lié(s) à la personne.",
  "consent.admin.error.subject": "Il n'y a aucune personne avec ce numéro.",
  "consent.admin.error.elsewhere": "Ces choix sont déjà liés à une autre personne.",
  "consent.mail.scan.subject":
    "Analyse des cookies : consentement non respecté sur {pages} page(s)",
  "consent.mail.scan.body":
    "L'analyse quotidienne des cookies a trouvé des cookies ou du stockage sans consentement sur {pages} page(s) du site. Tant que ce n'est pas corrigé, les visiteurs sont suivis avant leur choix ou après leur refus, ce que la politique de cookies et les règles ePrivacy interdisent. Le rapport (en anglais, comme la ligne de commande l'affiche) :",
  "consent.mail.scan.check": "Vérifiez une correction avec `wits-privacy cookies scan <url>`.",
};
