import type { TermGroup } from "./lexicon-entry.ts";

/**
 * Ethnic origin. A nationality on its own is business talk ("een Franse klant", "a German
 * supplier"); it becomes a person's origin next to "afkomst", "d'origine", "descent", or when
 * the writer says it of themselves ("ik ben Marokkaans").
 */
export const originGroups: readonly TermGroup[] = [
  {
    type: "ethnic_origin",
    rule: "strong",
    terms: [
      "etnische minderheid",
      "allochto*",
      "woonwagenbewoner*",
      "zigeuner*",
      "tzigane*",
      "sinti",
      "gemengd ras",
      "ethnic minority",
      "mixed race",
      "mixed-race",
      "afro-descendant*",
      "belgo-marocain*",
      "belgo-turc*",
      "belgo-turque*",
      "belgo-congolais*",
      "marokkaanse belg*",
      "turkse belg*",
      "congolese belg*",
      "issu de l'immigration",
      "issue de l'immigration",
      "migratieachtergrond",
      "migrantenachtergrond",
      "tweede generatie migrant*",
      "second-generation immigrant*",
      "immigrant background",
      "african american",
      "noord-afrikaanse afkomst",
    ],
  },
  {
    type: "ethnic_origin",
    rule: "personal",
    terms: [
      "huidskleur",
      "couleur de peau",
      "skin colour",
      "skin color",
      "roma",
      "gitan*",
      "metis",
      "metisse",
      "etnische",
      "ethnique",
      "ethnic",
    ],
  },
  {
    // Skin colour said of a person: "als zwarte vrouw", "en tant que femme noire", "as a Black
    // man". A colour alone is a screen ("mijn scherm is zwart").
    type: "ethnic_origin",
    rule: "personal",
    terms: [
      "zwarte vrouw",
      "zwarte man",
      "zwarte mensen",
      "persoon van kleur",
      "mensen van kleur",
      "donkere huid",
      "afro-belg*",
      "femme noire",
      "homme noir",
      "personne noire",
      "personne de couleur",
      "personnes de couleur",
      "peau noire",
      "peau foncee",
      "noir de peau",
      "noire de peau",
      "afro-americain*",
      "black woman",
      "black man",
      "black person",
      "black people",
      "person of colo*",
      "people of colo*",
      "woman of colo*",
      "man of colo*",
      "dark skin*",
    ],
  },
  {
    type: "ethnic_origin",
    rule: "personal",
    confidence: 0.55,
    terms: ["racisme", "racism", "racist*", "raciste*", "racistisch*", "discrimination raciale"],
  },
  {
    type: "ethnic_origin",
    rule: "possessive",
    terms: ["race"],
  },
  {
    type: "ethnic_origin",
    rule: "origin",
    terms: [
      "afkomst",
      "afstamming",
      "herkomst",
      "komaf",
      "ascendance",
      "half",
      "roots",
      "origine",
      "origines",
      "descent",
      "racines",
      "heritage",
      "origin",
      "background",
    ],
  },
  {
    // "ik kom uit Marokko", "je viens du Congo", "I'm from Morocco": with the writer only.
    type: "ethnic_origin",
    rule: "origin",
    terms: [
      "afkomstig uit",
      "kwam uit",
      "kwamen uit",
      "kom uit",
      "komt uit",
      "komen uit",
      "geboren in",
      "originaire de",
      "originaire du",
      "originaire d'",
      "viens du",
      "viens de",
      "viennent du",
      "viennent de",
      "ne au",
      "nee au",
      "from",
      "born in",
    ],
  },
  {
    type: "ethnic_origin",
    rule: "state",
    terms: [
      "marokkaan*",
      "turks",
      "koerd*",
      "berber*",
      "congolees",
      "congolese",
      "marocain*",
      "algerien*",
      "tunisien*",
      "maghrebin*",
      "kurde*",
      "moroccan",
      "kurdish",
      "arab",
      "arabe",
      "arabier",
      "kurd",
      "kurds",
      "amazigh*",
      "imazighen",
      "tutsi",
      "hutu",
      "aboriginal",
      "aborigine",
      "inuit",
      "maori",
      "pashtun",
      "tamil",
      "tamoul*",
      "yezidi*",
      "jezidi*",
      "assyri*",
      "tsjetsjeen*",
      "tchetchene*",
      "chechen",
      "somalier",
      "somali",
      "eritreeer",
      "erythreen*",
      "eritrean",
      "afghaan",
      "afghan",
      "syrier",
      "syrien*",
      "syrian",
      "turk",
      "turc",
      "turque",
      "congolais*",
      "rwandees",
      "rwandais*",
      "algerijn*",
      "tunesier",
      "marokkaans*",
      "palestijn*",
      "palestinien*",
      "palestinian",
      "pakistaan*",
      "pakistanais*",
      "pakistani",
      "manouche*",
      "latina",
      "latino",
      "hispanic",
    ],
  },
  {
    // What a privacy text calls the category; only a disclosure outside such a text.
    type: "ethnic_origin",
    rule: "strong",
    abstract: true,
    terms: [
      "etnische afkomst",
      "etnische achtergrond",
      "etnische origine",
      "etniciteit",
      "ethnie",
      "ethnicity",
      "origine ethnique",
      "origines ethniques",
      "appartenance ethnique",
      "ethnic origin*",
      "ethnic background",
    ],
  },
];

/**
 * Stems of peoples and nationalities in the three languages, for the word next to "afkomst",
 * "origine" or "descent". A stem is enough: marokkaanse, marocaine, moroccan all start "maro";
 * stems that would also start common words (kamer, server, individual) are written out longer.
 */
const ethnicStems = `
  maro moro india polen roemen servi rusland turk turc turq congo alger tunis tunes afri arab
  maghreb noord-afri nord-afri kurd koerd syri italia italie italien spaans spaanse spanish
  espagnol portug pools poolse polon polish roemeen roumain romanian asia azia aziat asiat
  chin vietnam jood juiv jewish berb rwand burund camerou kameroen senegal ivoir haiti antill
  carib liban leban armenia armeen armenien indian indien indiase indisch pakistan afghan iran
  irak iraq somal ethiop eritr erythr nigeri ghan bulga alban kosov servisch servier serbian
  serbe bosn croat kroat russ ukrain oekra tsjetsj tchetch chechen latin hispan brazil bresil
  colomb mexic filipin filipijn philippin thai indones egypt palestin surinam tamil tamoul
  roma zigeun gitan tzigan immigr migrant allochto gemengd mixed mixte metis belg vlaam waals
  waalse walen frans franse francais french neder dutch duits german allemand griek grec greek
  iers irish schot scott buitenlands etrang foreign
`
  .trim()
  .split(/\s+/);

const stemPattern = new RegExp(`^(?:${ethnicStems.map(escapeStem).join("|")})`);

function escapeStem(stem: string): string {
  return stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True for a word like "marokkaanse", "marocaine", "moroccan", "congolese". */
export function isEthnicWord(word: string): boolean {
  return word.length >= 4 && stemPattern.test(word);
}

/** Where people come from without it saying anything about ethnicity in this company's mail. */
const neighbours =
  /^(?:belg|frans|fran|neder|dutch|duits|german|allemand|luxem|engel|brit|engl|angl|vlaam|waal|walen|europ)/;

export function isNeighbourWord(word: string): boolean {
  return neighbours.test(word);
}
