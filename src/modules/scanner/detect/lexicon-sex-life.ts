import type { TermGroup } from "./lexicon-entry.ts";

/**
 * Sex life or sexual orientation. "Mijn man en ik" or "my boyfriend" says nothing by itself (no
 * gender of the writer is known), so relationships are not listed; orientation words are.
 */
export const sexLifeGroups: readonly TermGroup[] = [
  {
    type: "sex_life",
    rule: "strong",
    terms: [
      "homoseksu*",
      "homosexu*",
      "homofiel*",
      "lesbi*",
      "biseksu*",
      "bisexu*",
      "transgender*",
      "transseksu*",
      "transsexu*",
      "non-binair*",
      "non-binary",
      "genderfluid",
      "genderqueer",
      "polyamor*",
      "uit de kast",
      "came out as",
      "seksueel misbruik*",
      "abus sexuel*",
      "sexual abuse",
    ],
  },
  {
    type: "sex_life",
    rule: "personal",
    terms: ["coming_out", "geaardheid", "queer", "swinger*", "libertin*"],
  },
  {
    type: "sex_life",
    rule: "state",
    terms: ["gay", "homo", "trans", "hetero", "heteroseksueel", "heterosexuel*"],
  },
  {
    // What a privacy text calls the category; only a disclosure outside such a text.
    type: "sex_life",
    rule: "strong",
    abstract: true,
    terms: [
      "seksleven",
      "seksueel leven",
      "seksuele geaardheid",
      "seksuele voorkeur",
      "seksuele orientatie",
      "vie sexuelle",
      "orientation sexuelle",
      "preference sexuelle",
      "sex life",
      "sexual orientation",
      "sexual preference*",
    ],
  },
];
