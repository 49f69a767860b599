import { wordSet } from "./word-set.ts";

/**
 * Who a sentence is about. A weak word ("ziekenhuis", "vakbond") only tells something about a
 * person when the writer (ik, 'k, je, I, my) or someone close to them (mijn vrouw, notre fils)
 * is in the sentence. "We" and "ons" are left out on purpose: they are the voice of a company
 * ("we zijn een ziekenhuis", "de kerk in ons dorp").
 */
const self: ReadonlySet<string> = wordSet(`
  ik 'k k ikke mij me mijn m'n mn mezelf je moi mon ma mes i i'm im i've i'd i'll ive my
  myself mine
`);

/** Words for people close to the writer: "onze zoon", "notre fille", "our daughter". */
const relatives: ReadonlySet<string> = wordSet(`
  zoon zoontje dochter dochtertje kind kindje kinderen baby vrouw man echtgenote echtgenoot
  partner vriend vriendin moeder vader mama papa mams broer zus zuster oma opa schoonmoeder
  schoonvader femme mari epouse epoux conjoint conjointe compagnon compagne fils fille enfant
  enfants bebe mere pere maman frere soeur wife husband spouse son daughter child children kid
  kids mother father mom mum dad brother sister grandmother grandfather boyfriend girlfriend
`);

const pluralPossessives: ReadonlySet<string> = new Set(["onze", "ons", "our", "notre", "nos"]);

/** Singular possessives: "mijn huisarts", "mon psy", "my doctor". */
const possessives: ReadonlySet<string> = wordSet("mijn m'n mn mon ma mes my onze notre our");

function isSelf(word: string): boolean {
  return self.has(word) || word.startsWith("j'") || word.startsWith("m'");
}

/**
 * Distance (in words) to the nearest personal cue, or -1. `before` runs nearest first, `after`
 * in reading order; a relative counts when a plural possessive stands right before it.
 */
export function personalCueDistance(before: readonly string[], after: readonly string[]): number {
  // Plain loops: this runs for every hit, and a callback per word was a visible share of it.
  let best = -1;
  for (let index = 0; index < before.length && best === -1; index += 1) {
    const word = before[index] ?? "";
    const relative = relatives.has(word) && pluralPossessives.has(before[index + 1] ?? "");
    if (isSelf(word) || relative) best = index;
  }
  const stop = best === -1 ? after.length : Math.min(after.length, best);
  for (let index = 0; index < stop; index += 1) {
    const word = after[index] ?? "";
    const relative = pluralPossessives.has(word) && relatives.has(after[index + 1] ?? "");
    if (isSelf(word) || relative) return index;
  }
  return best;
}

/** "mijn (nieuwe) huisarts": a possessive right before, at most one word between. */
export function hasPossessive(before: readonly string[]): boolean {
  return possessives.has(before[0] ?? "") || possessives.has(before[1] ?? "");
}

/** A copula or verb of feeling: "ik ben ziek", "je me sens malade", "she's been ill". */
const copulas: ReadonlySet<string> = wordSet(`
  ben bent is was waren zijn word wordt werd geworden voel voelt voelde lig ligt zit blijkt
  suis es est etais etait sommes sont ete devenu devenue tombe tombee sens sent reste am i'm
  im are were be been being feel feeling felt became become got get getting fell remain
`);

/** Dutch puts the verb last in a subordinate clause: "dat ik slechtziend ben", "omdat ze zwanger is". */
const finalCopulas: ReadonlySet<string> = wordSet(
  "ben bent is zijn was waren word wordt werd geworden",
);

export function hasFinalCopula(after: readonly string[]): boolean {
  return finalCopulas.has(after[0] ?? "");
}

export function hasCopula(before: readonly string[]): boolean {
  for (const word of before) {
    if (copulas.has(word) || word.endsWith("'m") || word.endsWith("'s") || word.endsWith("'re")) {
      return true;
    }
  }
  return false;
}

/** "naar de dokter", "chez le médecin", "to the doctor", "saw a therapist". */
const visits: ReadonlySet<string> = wordSet(`
  naar bij chez to see saw seeing visit visited consulte consulter afspraak rendez-vous
  appointment
`);

export function hasVisit(before: readonly string[]): boolean {
  for (let index = 0; index < 3 && index < before.length; index += 1) {
    if (visits.has(before[index] ?? "")) return true;
  }
  return false;
}

/** "ik ben huisarts", "je suis kiné", "I'm a doctor", "als dokter": a profession. */
const professionLeads: ReadonlySet<string> = wordSet("ben bent suis am i'm im als comme as");
const articles: ReadonlySet<string> = new Set(["een", "a", "an", "un", "une"]);

export function isProfession(before: readonly string[]): boolean {
  const [first = "", second = ""] = before;
  return professionLeads.has(first) || (articles.has(first) && professionLeads.has(second));
}
