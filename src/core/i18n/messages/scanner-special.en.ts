import type { scannerSpecialNl } from "./scanner-special.nl.ts";

export const scannerSpecialEn: Record<keyof typeof scannerSpecialNl, string> = {
  "scanner.reason.health_term": "The word '{term}' points to health data.",
  "scanner.reason.health_term_personal":
    "The word '{term}' points to health data, in the first person or about someone close.",
  "scanner.reason.religion_term": "The word '{term}' points to religion or belief.",
  "scanner.reason.religion_term_personal":
    "The word '{term}' points to religion or belief, in the first person or about someone close.",
  "scanner.reason.political_opinion_term": "The word '{term}' points to political opinions.",
  "scanner.reason.political_opinion_term_personal":
    "The word '{term}' points to political opinions, in the first person or about someone close.",
  "scanner.reason.trade_union_term": "The word '{term}' points to trade union membership.",
  "scanner.reason.trade_union_term_personal":
    "The word '{term}' points to trade union membership, in the first person or about someone close.",
  "scanner.reason.ethnic_origin_term": "The word '{term}' points to ethnic origin.",
  "scanner.reason.ethnic_origin_term_personal":
    "The word '{term}' points to ethnic origin, in the first person or about someone close.",
  "scanner.reason.sex_life_term": "The word '{term}' points to sex life or sexual orientation.",
  "scanner.reason.sex_life_term_personal":
    "The word '{term}' points to sex life or sexual orientation, in the first person or about someone close.",
  "scanner.reason.genetic_term": "The word '{term}' points to genetic data.",
  "scanner.reason.genetic_term_personal":
    "The word '{term}' points to genetic data, in the first person or about someone close.",
  "scanner.reason.biometric_term": "The word '{term}' points to biometric data.",
  "scanner.reason.biometric_term_personal":
    "The word '{term}' points to biometric data, in the first person or about someone close.",
  "scanner.reason.political_opinion_party": "Support for or membership of the party '{term}'.",
  "scanner.reason.trade_union_member": "Membership of the union '{term}'.",
  "scanner.reason.ethnic_origin_descent":
    "A person's origin: '{term}' with a people or country next to it.",
  "scanner.reason.biometric_data": "Data about a person's '{term}' is shared or stored.",
  "scanner.reason.health_hereditary": "A hereditary condition ('{term}') is health data as well.",
  "scanner.reason.health_genetic_result":
    "A genetic test that names a disease ('{term}') is health data as well.",
  "scanner.reason.ethnic_origin_ancestry":
    "An ancestry test ('{term}') whose result names a people reveals ethnic origin.",
  "scanner.reason.sex_life_same_sex_couple": "A same-sex couple is described: '{term}'.",
  "scanner.reason.minor_age": "Age {age} stated by the writer.",
  "scanner.reason.minor_age_label": "Age {age} given after 'age'.",
  "scanner.reason.minor_school_year": "The writer names a school year: '{term}'.",
  "scanner.reason.minor_school": "The writer goes to school: '{term}'.",
  "scanner.reason.minor_kids_id":
    "The writer mentions a Kids-ID, the identity card for children under 12.",
  "scanner.reason.minor_parents_school": "The writer speaks of '{term}' in a text about school.",
  "scanner.reason.minor_pupil": "The writer speaks as a pupil: '{term}'.",
};
