import { wordSet } from "./word-set.ts";

/**
 * Party names are ordinary words too ("Vooruit!", "groen licht", "Mr. Peeters", "PS: de
 * factuur"), so a party only counts after a word of voting, membership or support.
 * The words before run nearest first, so "ik stem op de N-VA" reads ["de", "op", "stem", "ik"].
 */
const supportWords: ReadonlySet<string> = wordSet(`
  stem stemde stemden stemmen stemt gestemd lid partijlid aanhanger militant militante
  sympathisant sympathisante kiezer voorstander supporter supporters membre adherent adherente
  electeur electrice vote votes voted voting voter votais voterai votons member militer milite
  engage engagee campaign campaigned campaigning campagne militeer actief active actif
  gemeenteraadslid raadslid schepen kandidaat kandidate lijsttrekker mandataris
  volksvertegenwoordiger parlementslid fractieleider afdelingsvoorzitter penningmeester
  vrijwilliger conseiller conseillere echevin echevine candidat candidate liste depute deputee
  benevole tresorier councillor councilor volunteer canvass canvassing canvassed donate donated
  doneer doneerde donateur
`);

/** "Support" is mostly the help desk; it only counts with the writer right before it. */
const supportVerbs: ReadonlySet<string> = new Set(["steun", "steunde", "support", "soutiens"]);
const supporters: ReadonlySet<string> = new Set(["ik", "'k", "i", "je", "we", "wij"]);

/**
 * A support word within five words before the party, in the same clause: "ik stem op de N-VA",
 * "ik stem al jaren op Groen", "je vote Ecolo", "member of the Labour party".
 */
/** "Labour member", "een Vlaams Belang-kiezer", "PS-militant": the support word after the party. */
const followingSupport: ReadonlySet<string> = wordSet(`
  member members supporter supporters voter lid kiezer militant militante aanhanger membre
  electeur afdeling jongeren kandidaat mandataris schepen raadslid fractie councillor candidate
  branch section candidat
`);

/** Dutch puts the vote last: "ik heb altijd op Groen gestemd", "ik ga op Vooruit stemmen". */
const finalVotes: ReadonlySet<string> = wordSet("gestemd stemmen stem stemde kiezen gekozen");

export function hasPartyCue(before: readonly string[], after: readonly string[] = []): boolean {
  if (followingSupport.has((after[0] ?? "").replace(/^-/, ""))) return true;
  if (after.slice(0, 3).some((word) => finalVotes.has(word)) && before.includes("op")) return true;
  for (const [index, word] of before.slice(0, 5).entries()) {
    if (word === ",") return false;
    if (supportWords.has(word)) return true;
    if (supportVerbs.has(word) && supporters.has(before[index + 1] ?? "")) return true;
  }
  return false;
}

/** Membership words that make a union acronym personal: "lid van het ABVV", "affilié à la CSC". */
const membershipWords: ReadonlySet<string> = wordSet(`
  lid leden lidkaart ledenkaart lidmaatschap aangesloten membre affilie affiliee affiliation
  adherent member membership syndique syndiquee delegue afgevaardigde militant
`);

export function hasMembershipCue(words: readonly string[]): boolean {
  return words.some((word) => membershipWords.has(word));
}

/**
 * What makes an ideology word the writer's own stance: "ik ben (een overtuigd) socialist",
 * "I'm a feminist", "je suis communiste" (a copula), or "als socialist", "as a committed
 * socialist", "en tant que communiste" (a role the writer speaks in). Nearest first.
 */
const stanceCopulas: ReadonlySet<string> = wordSet("ben bent is am i'm im suis es est");
const stanceRoles: ReadonlySet<string> = wordSet("als as tant comme");
const stanceArticles: ReadonlySet<string> = wordSet("een a an un une");
const articleFree: ReadonlySet<string> = wordSet("als tant");

/**
 * Words that are also plain adjectives ("a liberal refund policy", "I'm conservative with
 * upgrades", "een progressief tarief"): only as a noun after an article, or alone at the end
 * of a clause ("ik ben liberaal.").
 */
const everydayAdjectives: ReadonlySet<string> = wordSet(`
  liberaal liberale liberal liberals conservatief conservatieve conservative conservatives
  conservateur conservatrice progressief progressieve progressive progressiste
`);

const clauseEnds: ReadonlySet<string> = wordSet("en and et maar but mais dus so donc");

/** At most this many words (articles, "committed", "overtuigd") between frame and ideology. */
const stanceReach = 3;

export function hasStanceFrame(
  word: string,
  before: readonly string[],
  after: readonly string[],
): boolean {
  const frame = before.slice(0, stanceReach + 1);
  const end = frame.indexOf(",");
  const clause = end === -1 ? frame : frame.slice(0, end);
  const framed = clause.findIndex((near) => stanceCopulas.has(near) || stanceRoles.has(near));
  if (framed === -1) return false;
  if (!everydayAdjectives.has(word)) return true;
  // Dutch "als" and French "en tant que" take no article: "als liberaal", "en tant que libéral";
  // English "as" needs one, or "as liberal as possible" would count.
  if (articleFree.has(clause[framed] ?? "")) return true;
  const article = clause.slice(0, framed).some((near) => stanceArticles.has(near));
  const next = after[0];
  const closes = next === undefined || next === "," || clauseEnds.has(next);
  return article || (framed === 0 && closes);
}

/**
 * Payment-card words: "CSC" is also the card security code ("le code CSC de ma carte", "CVC/CSC",
 * "CSC-code"), and a union acronym among them is a card field unless membership is stated.
 */
const cardWords: ReadonlySet<string> = wordSet(`
  code codes cvc cvv cvc2 cvv2 veiligheidscode securitycode security kaart kaartje card carte
  creditcard kredietkaart bankkaart betaalkaart betaling betalen paiement payer payment pay
  checkout boutique webshop bancaire visa mastercard maestro expiry vervaldatum expiration
`);

export function hasCardCue(words: readonly string[]): boolean {
  return words.some((word) => cardWords.has(word.replace(/^-/, "")));
}
