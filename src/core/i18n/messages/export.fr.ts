import type { exportNl } from "./export.nl.ts";

export const exportFr: Record<keyof typeof exportNl, string> = {
  "export.report.title.access": "Accès à vos données personnelles",
  "export.report.title.portability": "Vos données personnelles à emporter",
  "export.report.intro.access":
    "Ce rapport montre toutes les données personnelles que nous conservons à votre sujet : quoi, pourquoi, d'où elles viennent, qui les reçoit et combien de temps nous les gardons (article 15 RGPD).",
  "export.report.intro.portability":
    "Ce rapport montre toutes les données personnelles que nous conservons à votre sujet. Le fichier ZIP contient les mêmes données sous une forme lisible par machine (JSON et CSV), à garder vous-même ou à transmettre à une autre organisation (article 20 RGPD).",
  "export.report.made":
    "Compilé le {date}, dossier {id}. Le lien de téléchargement fonctionne jusqu'au {expires}.",
  "export.report.controller": "Qui nous sommes",
  "export.report.contact": "Questions sur vos données : {email} · {website}",
  "export.report.summary": "Aperçu",
  "export.report.col.type": "Type de données",
  "export.report.col.count": "Nombre",
  "export.report.col.purpose": "Finalité",
  "export.report.nothing": "Nous ne conservons aucune donnée personnelle à votre sujet.",
  "export.report.count": "{count} conservé(s)",
  "export.report.purpose": "Pourquoi",
  "export.report.legal_basis": "Base juridique",
  "export.report.legal_reference": "Disposition légale",
  "export.report.source": "Origine",
  "export.report.recipients": "Destinataires",
  "export.report.recipients.none":
    "Personne en dehors de nos sous-traitants, sauf si la loi nous y oblige (la police, par exemple).",
  "export.report.processors": "Sous-traitants qui nous aident",
  "export.report.processors.none": "Aucun.",
  "export.report.processor": "{name} ({country}) : {service}",
  "export.report.transfers": "Transferts hors de l'EEE",
  "export.report.transfers.none": "Aucun.",
  "export.report.retention_rule": "Durée de conservation",
  "export.report.record": "Élément {n} sur {total}",
  "export.report.record.retention": "Combien de temps",
  "export.report.record.changes": "Ce qui peut changer cela",
  "export.report.record.holds": "Blocage juridique",
  "export.report.disclosures": "Communications à des tiers",
  "export.report.disclosures.none":
    "Aucune communication de vos données à des tiers (comme la police) n'est enregistrée.",
  "export.report.disclosure":
    "{date} : à {recipient} (référence {reference}), sur la base de {legalBasis}. Données communiquées : {dataGiven}.",
  "export.report.rights": "Vos droits",
  "export.report.rights.ask":
    "Envoyez votre demande à {email}. Nous répondons dès que possible, et au plus tard dans les {days} jours.",
  "export.report.complaint": "Introduire une plainte",
  "export.report.page": "Page {page} sur {pages}",
  "export.report.pdf.substituted":
    "Ce PDF ne peut pas afficher certains caractères ; ils apparaissent sans accent ou comme ?. Le rapport HTML et le fichier ZIP contiennent chaque valeur exactement.",
  "export.value.empty": "(vide)",
  "export.value.erased": "effacé",
  "export.value.file": "fichier joint {path} ({bytes} octets)",
  "export.purpose.contact": "Formulaires de contact",
  "export.purpose.newsletter": "Lettres d'information",
  "export.purpose.orders": "Commandes",
  "export.purpose.customer_dossier": "Dossier client",
  "export.purpose.support": "Assistance à distance",
  "export.purpose.rights": "Exercice de vos droits en matière de vie privée",
  "export.purpose.cookie_consent": "Prouver votre choix en matière de cookies",
  "export.page.title": "Télécharger vos données",
  "export.page.made": "Nous avons compilé ce dossier le {date}.",
  "export.page.expires": "Ce lien fonctionne jusqu'au {date}. Ensuite, nous effaçons le dossier.",
  "export.page.private":
    "Ne partagez ce lien avec personne : quiconque le possède peut télécharger vos données.",
  "export.page.files": "Fichiers",
  "export.page.pdf": "Rapport (PDF)",
  "export.page.pdf.hint": "À lire et à imprimer.",
  "export.page.html": "Rapport (HTML)",
  "export.page.html.hint": "Le même rapport, à ouvrir dans votre navigateur.",
  "export.page.zip": "Données (ZIP avec JSON et CSV)",
  "export.page.zip.hint":
    "Vos données sous une forme lisible par machine, à garder ou à transmettre à une autre organisation.",
  "export.expired.title": "Ce lien de téléchargement a expiré",
  "export.expired.text":
    "Le lien fonctionnait jusqu'au {date}. Pour protéger vos données, nous effaçons un dossier dès que son lien expire.",
  "export.erased.title": "Ce dossier n'existe plus",
  "export.erased.text":
    "Le contenu de ce dossier a été effacé, par exemple parce que vous avez demandé l'effacement de vos données.",
  "export.again": "Vous souhaitez un nouvel exemplaire ? Faites alors une nouvelle demande.",
  "export.again.link": "Faire une demande",
};
