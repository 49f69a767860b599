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
  engage engagee
`);

/** "Support" is mostly the help desk; it only counts with the writer right before it. */
const supportVerbs: ReadonlySet<string> = new Set(["steun", "steunde", "support", "soutiens"]);
const supporters: ReadonlySet<string> = new Set(["ik", "'k", "i", "je", "we", "wij"]);

/**
 * A support word within five words before the party, in the same clause: "ik stem op de N-VA",
 * "ik stem al jaren op Groen", "je vote Ecolo", "member of the Labour party".
 */
/** "Labour member", "een Vlaams Belang-kiezer", "PS-militant": the support word after the party. */
const followingSupport: ReadonlySet<string> = wordSet(
  "member members supporter voter lid kiezer militant militante aanhanger membre electeur",
);

export function hasPartyCue(before: readonly string[], after: readonly string[] = []): boolean {
  if (followingSupport.has((after[0] ?? "").replace(/^-/, ""))) return true;
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
