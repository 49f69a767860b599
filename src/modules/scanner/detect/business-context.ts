import { wordSet } from "./word-set.ts";

/**
 * Signs that a weak word names an organisation, a place of work or a device rather than a
 * person's own situation: "laptops voor het ziekenhuis", "onze klant is een vakbond", "ik werk
 * in een ziekenhuis", "the fingerprint reader on my laptop".
 */
const businessWords: ReadonlySet<string> = wordSet(`
  klant klanten client clients clientele customer customers leverancier supplier fournisseur
  werk werkt werken werkte werkzaam travaille travailler travaillons work works working worked
  employed installeer installeren installatie install installing installer leveren levering
  deliver delivery livrer livraison offerte quote devis factuur invoice facture bestelling
  bestellen commande contract contrat laptops computers printers wifi netwerk network reseau
  server website namens behalf
`);

/** Articles and plural possessives after "voor", "van", "pour", "for": an organisation. */
const institutionArticles: ReadonlySet<string> = wordSet(
  "het de een ons onze l' le la les un une notre nos the a an our",
);

const forOrOf: ReadonlySet<string> = new Set(["voor", "van", "pour", "du", "des", "for", "of"]);

const companyVoice: ReadonlySet<string> = new Set(["we", "wij", "nous", "our"]);
const companyCopulas: ReadonlySet<string> = new Set(["zijn", "are", "sommes", "'re"]);

export function hasBusinessWord(clause: readonly string[]): boolean {
  return clause.some((word) => businessWords.has(word));
}

const purposes: ReadonlySet<string> = wordSet("voor pour for");

/**
 * Words after which "voor", "pour", "for" name what a person has, not who a product is for:
 * "erfelijke aanleg voor darmkanker", "behandeld voor kanker", "hospitalisée pour une
 * dépression", "treated for cancer", "tested positive for HIV".
 */
const conditionLeads: ReadonlySet<string> = wordSet(`
  aanleg vatbaar vatbaarheid behandeld opgenomen geopereerd getest positief predisposition
  traite traitee hospitalise hospitalisee opere operee positif positive treated admitted tested
  prone hospitalized hospitalised operated
`);

/**
 * `clause` runs nearest first from the word back to the start of its clause. A place or a group
 * ("ziekenhuis", "vakbond") after "van het", "for the" is an organisation; a condition is not
 * ("drager van een erfelijke ziekte", "de klant is zwanger"), so `place` is false for
 * conditions: then only "voor", "for" counts ("een app voor diabetespatiënten").
 */
export function hasBusinessContext(clause: readonly string[], place = true): boolean {
  // "onze klant is een vakbond" is trade; "de klant is zwanger" is a person all the same.
  if (place && hasBusinessWord(clause)) return true;
  const [first = "", second = ""] = clause;
  const links = place ? forOrOf : purposes;
  const link = links.has(first) ? 0 : institutionArticles.has(first) && links.has(second) ? 1 : -1;
  if (link >= 0 && !(!place && conditionLeads.has(clause[link + 1] ?? ""))) return true;
  // "we zijn een ziekenhuis", "we are a hospital", "nous sommes une école".
  return clause.some(
    (word, index) =>
      institutionArticles.has(word) &&
      ((companyCopulas.has(clause[index + 1] ?? "") && companyVoice.has(clause[index + 2] ?? "")) ||
        clause[index + 1] === "we're"),
  );
}

/**
 * Organisations named after a condition or a faith: "Diabetes Liga", "diabetesvereniging",
 * "the Epilepsy Foundation", "la Ligue contre le cancer", "Katholieke Hogeschool".
 */
const institutions = [
  "vereniging",
  "liga",
  "fonds",
  "centrum",
  "kliniek",
  "afdeling",
  "dienst",
  "stichting",
  "federatie",
  "onderzoek",
  "congres",
  "association",
  "foundation",
  "clinic",
  "centre",
  "center",
  "ward",
  "unit",
  "research",
  "society",
  "federation",
  "charity",
  "ligue",
  "fondation",
  "clinique",
  "service",
  "school",
  "ecole",
  "hogeschool",
];
const institutionWords: ReadonlySet<string> = new Set(institutions);
const institutionTail = new RegExp(`(?:${institutions.join("|")})s?$`);

/** `compound` is the whole word around the term, `next` the word after it. */
export function namesInstitution(compound: string, term: string, next: string): boolean {
  const tail = compound.slice(compound.indexOf(term) + term.length);
  return institutionWords.has(next) || (tail.length > 2 && institutionTail.test(tail));
}

/** A biometric word about storing or sending data about someone's body. */
const dataWords: ReadonlySet<string> = wordSet(`
  doorsturen doorgestuurd sturen stuur stuurde gestuurd verstuurd versturen opslaan opgeslagen
  bewaren bewaard bewaart registreren geregistreerd afgenomen afnemen gegevens data kopie foto
  bestand bijlage databank database gedeeld delen envoyer envoye envoyee envoyees envoyes
  stocker stocke stockee stockees stockes enregistrer enregistre enregistree enregistrees
  conserver conserve conservees copie fichier donnees partager partage send sent sending store
  stored storing save saved upload uploaded collect collected file copy attached attachment
  register registered template share shared sjabloon sjablonen modele gabarit profiel profil
  profile scan scans sample samples export exporteren geexporteerd exporte exported import
  importeren importer enroll enrol enrolment enrollment bijgevoegd toegevoegd ci-joint ci-jointe
  ci-joints ci-jointes jointe joint attach attaching inscannen ingescand gescand scanned capture
  captured numerise numerisee numerisees enregistrement registratie opladen uploaden laden
  charger importeer inladen
`);

/** A reader that fails: "mijn vingerafdruk wordt niet herkend", "my fingerprint won't work". */
const failureWords: ReadonlySet<string> = wordSet(`
  herkend herkent herkennen werkt werken recognised recognized recognise recognize reconnu
  reconnue reconnues reconnus reconnait fonctionne marche work works working
`);

export function hasFailureCue(words: readonly string[]): boolean {
  return words.some((word) => failureWords.has(word));
}

/** Device talk: the word names a reader, a login or a gadget, not data about a person. */
const deviceWords: ReadonlySet<string> = wordSet(`
  lezer reader scanner sensor capteur lecteur login inloggen aanmelden ontgrendelen ontgrendel
  unlock unlocks unlocking hello touch windows laptop pc computer ordinateur gsm smartphone
  telefoon phone iphone android portable
`);

export function hasDataCue(words: readonly string[]): boolean {
  return words.some((word) => dataWords.has(word));
}

export function hasDeviceCue(words: readonly string[]): boolean {
  return words.some((word) => deviceWords.has(word));
}

/** Words of a text about data protection rather than about a person. */
const privacyWords: ReadonlySet<string> = wordSet(`
  privacy gdpr avg rgpd privacyverklaring privacybeleid privacystatement statement policy
  confidentialite categorie categorieen categories category artikel article bijzondere
  special speciale sensibles sensitive gevoelige
`);

export function isAboutPrivacy(words: readonly string[]): boolean {
  return words.some((word) => privacyWords.has(word));
}
