import { clauseBreak, wordsAfter } from "./context-words.ts";

/**
 * An age the writer states about themselves, read right after a first-person lead-in found by
 * the automaton ("ik ben", "j'ai", "I'm"). What follows the number decides: "ik ben 15",
 * "ik ben 15 jaar oud", "j'ai 14 ans et…" are ages; "ik ben 15 jaar klant", "j'ai 14 ans
 * d'expérience", "I'm 16 years into my career", "ik ben al 15 jaar" are durations.
 */
export interface StatedAge {
  age: number;
  /** Folded span of the number and its unit. */
  start: number;
  end: number;
  /** An age still to come ("ik word 18", "almost 18"): the writer is younger than it. */
  future?: boolean;
}

const numberWords: Readonly<Record<string, number>> = {
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  dertien: 13,
  veertien: 14,
  vijftien: 15,
  zestien: 16,
  zeventien: 17,
  achttien: 18,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  "dix-sept": 17,
  "dix-huit": 18,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
};

/** A number of one or two digits or a number word of the language, not a time or a decimal. */
function number(words: string): string {
  // Longest first, so "dix-sept" is not read as "dix" and "zestien" not as "zes".
  const alternatives = words.split(" ").sort((a, b) => b.length - a.length);
  return `(\\d{1,2}|(?:${alternatives.join("|")})(?![a-z]))(?![\\d%]|[.,:/]\\d)`;
}

const nlNumber = number(
  "zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien",
);
const frNumber = number(
  "six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit",
);
const enNumber = number(
  "seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen",
);

/** When a future age comes: "ik word volgende maand 18", "I turn 18 next month". */
const nlWhen =
  "volgende (?:week|maand|jaar)|deze (?:week|maand)|dit jaar|binnenkort|morgen|overmorgen|straks|in [a-z]+";
const enWhen = "next (?:week|month|year)|this (?:week|month|year)|soon|tomorrow|in [a-z]+";

/** Lead-in → what may follow it; `$1` holds the hedges ("al", "pas"), `$2` the number. */
const patterns: Readonly<Record<string, RegExp>> = {
  nl: new RegExp(
    `\\s+((?:(?:al|pas|net|nu|nog|maar|bijna|ondertussen|inmiddels|intussen|amper|zelf|ook|${nlWhen})\\s+)*)(?:een\\s+)?${nlNumber}(\\s*-\\s*jarige?|\\s*jarige?|\\s*(?:jaar|jr)\\s+(?:oud|jong)|\\s*(?:jaar|jr)\\b)?`,
    "y",
  ),
  fr: new RegExp(
    `\\s+((?:(?:deja|bientot|seulement|juste|presque|que|tout juste)\\s+)*)${frNumber}(\\s*ans\\b)`,
    "y",
  ),
  frAged: new RegExp(`\\s+(de\\s+)${frNumber}(\\s+ans)`, "y"),
  en: new RegExp(
    `\\s+((?:(?:only|just|nearly|almost|now|turning|about|still|${enWhen})\\s+)*)(a\\s+)?${enNumber}(\\s*-?\\s*(?:years?|yrs?)\\s*-?\\s*old|\\s*(?:yo|y\\/o)\\b|\\s+(?:years?|yrs?))?`,
    "y",
  ),
  nlAs: new RegExp(`\\s+()${nlNumber}(\\s*-\\s*jarige?|\\s*jarige)`, "y"),
};

const leadLanguage: Readonly<Record<string, keyof typeof patterns>> = {
  "ik ben": "nl",
  "'k ben": "nl",
  "k ben": "nl",
  "ik word": "nl",
  "ik werd": "nl",
  "ben ik": "nl",
  "j'ai": "fr",
  "j'aurai": "fr",
  "je suis age": "frAged",
  "je suis agee": "frAged",
  "i'm": "en",
  im: "en",
  "i am": "en",
  "i turned": "en",
  "just turned": "en",
  "i turn": "en",
  "i'll turn": "en",
  "i will turn": "en",
  "i'll be": "en",
  "i will be": "en",
  "je vais avoir": "fr",
  "ik wordt": "nl",
  als: "nlAs",
};

/**
 * Ages still to come: "ik word 18", "j'aurai 18 ans", "I turn 18 next month", "bijna 18",
 * "almost 18", "presque 18 ans". The writer is then younger than the number, so 18 counts.
 */
const futureLeads: ReadonlySet<string> = new Set([
  "ik word",
  "ik wordt",
  "j'aurai",
  "je vais avoir",
  "i turn",
  "i'll turn",
  "i will turn",
  "i'll be",
  "i will be",
]);
const comingHedges =
  /\b(?:bijna|almost|nearly|turning|presque|bientot|volgende|next|binnenkort|soon)\b/;

/** Words after a future age: "I turn 18 next month", "ik word 16 in maart", "j'aurai 18 ans en mars". */
const whenFollowers: ReadonlySet<string> = new Set(
  "next this in on soon tomorrow volgende deze dit op binnenkort morgen le la en au dans cette fin eind".split(
    " ",
  ),
);

/** Words that may follow a bare age: "ik ben 15 en…", "I'm 14 and…", "j'ai 13 ans, je…". */
const followers: ReadonlySet<string> = new Set(
  (
    "en and et ik je i mijn m'n ma mon my me moi maar mais but dus donc so en oud old " +
    "heb wil zit ga woon kan moet mag zou zoek heb have want need would can could am go live " +
    "ai veux voudrais peux dois vais habite suis cherche btw lol haha hallo hello hi bonjour " +
    "salut please alsjeblieft svp plz pls en nu now jaar years ans almost bijna geworden"
  ).split(" "),
);

/** The age after a lead-in ending at `at`, if the words there state one. */
export function statedAge(folded: string, lead: string, at: number): StatedAge | undefined {
  const language = leadLanguage[lead];
  const pattern = language ? patterns[language] : undefined;
  if (!pattern) return undefined;
  pattern.lastIndex = at;
  const match = pattern.exec(folded);
  if (!match) return language === "nl" || language === "en" ? namedAge(folded, at) : undefined;
  const [whole, hedges = "", article = "", digits = "", unit = ""] =
    language === "en" ? match : [match[0], match[1], "", match[2], match[3]];
  const age = numberWords[digits] ?? Number.parseInt(digits, 10);
  const end = at + whole.length;
  const future = futureLeads.has(lead) || comingHedges.test(hedges);
  if (!isAge(folded, end, hedges, article, unit, future)) return undefined;
  return { age, start: end - (digits.length + unit.length), end, future };
}

/** "ik ben Lotte (14)", "I'm Tom, 15 years old": a first name, then the age. */
const named =
  /\s+[a-z]{2,20}\s*(?:\(\s*(\d{1,2})\s*\)|,\s*(\d{1,2})(\s+(?:jaar|years?)(?:\s+oud|\s+old)?)?)/y;

function namedAge(folded: string, at: number): StatedAge | undefined {
  named.lastIndex = at;
  const match = named.exec(folded);
  if (!match) return undefined;
  const [whole, bracketed, listed, unit = ""] = match;
  const digits = bracketed ?? listed ?? "";
  const end = at + whole.length;
  if (listed !== undefined && !isAge(folded, end, "", "", unit)) return undefined;
  const start = folded.lastIndexOf(digits, end);
  return { age: Number.parseInt(digits, 10), start, end: start + digits.length + unit.length };
}

function isAge(
  folded: string,
  end: number,
  hedges: string,
  article: string,
  unit: string,
  future = false,
) {
  if (/jarig|old|yo|y\/o|jong/.test(unit)) return true;
  // "I'm a 15…" only as "a 15-year-old"; "ik ben al 15 jaar" is how long, not how old.
  if (article !== "") return false;
  if (/\bal\b/.test(hedges) && /jaar|jr/.test(unit)) return false;
  const [next] = wordsAfter(folded, end, 1);
  if (next !== undefined && future && whenFollowers.has(next)) return true;
  return next === undefined || next === clauseBreak || followers.has(next) || next.startsWith("j'");
}

/** "Leeftijd: 15", "age: 14", "my age is 16", "âge : 13 ans" in a form or a message. */
const labelPattern =
  /\s*(?::|=|is|est)\s*(\d{1,2})(?![\d%]|[.,:/]\d)(\s*(?:jaar|ans|years?|yrs?))?/y;

const notYears: ReadonlySet<string> = new Set([
  "minuten",
  "minutes",
  "min",
  "uur",
  "heures",
  "hours",
  "dagen",
  "jours",
  "days",
  "weken",
  "semaines",
  "weeks",
  "maanden",
  "mois",
  "months",
  "gb",
  "mb",
  "go",
  "euro",
]);

export function labelledAge(folded: string, at: number): StatedAge | undefined {
  labelPattern.lastIndex = at;
  const match = labelPattern.exec(folded);
  if (!match) return undefined;
  const [whole, digits = "", unit = ""] = match;
  const end = at + whole.length;
  const [next = ""] = wordsAfter(folded, end, 1);
  if (notYears.has(next)) return undefined;
  return { age: Number.parseInt(digits, 10), start: end - digits.length - unit.length, end };
}
