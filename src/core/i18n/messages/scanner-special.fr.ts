import type { scannerSpecialNl } from "./scanner-special.nl.ts";

export const scannerSpecialFr: Record<keyof typeof scannerSpecialNl, string> = {
  "scanner.reason.health_term": "Le mot « {term} » indique des données de santé.",
  "scanner.reason.health_term_personal":
    "Le mot « {term} » indique des données de santé, à la première personne ou au sujet d'un proche.",
  "scanner.reason.religion_term": "Le mot « {term} » indique une religion ou une conviction.",
  "scanner.reason.religion_term_personal":
    "Le mot « {term} » indique une religion ou une conviction, à la première personne ou au sujet d'un proche.",
  "scanner.reason.political_opinion_term": "Le mot « {term} » indique des opinions politiques.",
  "scanner.reason.political_opinion_term_personal":
    "Le mot « {term} » indique des opinions politiques, à la première personne ou au sujet d'un proche.",
  "scanner.reason.trade_union_term": "Le mot « {term} » indique une affiliation syndicale.",
  "scanner.reason.trade_union_term_personal":
    "Le mot « {term} » indique une affiliation syndicale, à la première personne ou au sujet d'un proche.",
  "scanner.reason.ethnic_origin_term": "Le mot « {term} » indique l'origine ethnique.",
  "scanner.reason.ethnic_origin_term_personal":
    "Le mot « {term} » indique l'origine ethnique, à la première personne ou au sujet d'un proche.",
  "scanner.reason.sex_life_term": "Le mot « {term} » indique la vie ou l'orientation sexuelle.",
  "scanner.reason.sex_life_term_personal":
    "Le mot « {term} » indique la vie ou l'orientation sexuelle, à la première personne ou au sujet d'un proche.",
  "scanner.reason.genetic_term": "Le mot « {term} » indique des données génétiques.",
  "scanner.reason.genetic_term_personal":
    "Le mot « {term} » indique des données génétiques, à la première personne ou au sujet d'un proche.",
  "scanner.reason.biometric_term": "Le mot « {term} » indique des données biométriques.",
  "scanner.reason.biometric_term_personal":
    "Le mot « {term} » indique des données biométriques, à la première personne ou au sujet d'un proche.",
  "scanner.reason.political_opinion_party":
    "Vote pour le parti « {term} » ou affiliation à ce parti.",
  "scanner.reason.trade_union_member": "Affiliation au syndicat « {term} ».",
  "scanner.reason.ethnic_origin_descent":
    "Origine d'une personne : « {term} » avec un peuple ou un pays.",
  "scanner.reason.biometric_data":
    "Des données « {term} » d'une personne sont envoyées ou conservées.",
  "scanner.reason.health_hereditary":
    "Une maladie héréditaire (« {term} ») est aussi une donnée de santé.",
  "scanner.reason.health_genetic_result":
    "Un test génétique qui nomme une maladie ('{term}') est aussi une donnée de santé.",
  "scanner.reason.ethnic_origin_ancestry":
    "Un test d'ascendance ('{term}') dont le résultat nomme un peuple révèle l'origine ethnique.",
  "scanner.reason.sex_life_same_sex_couple": "Un couple de même sexe est décrit : '{term}'.",
  "scanner.reason.minor_age": "Âge de {age} ans indiqué par l'auteur.",
  "scanner.reason.minor_age_label": "Âge de {age} ans indiqué après « âge ».",
  "scanner.reason.minor_school_year": "L'auteur mentionne une année scolaire : « {term} ».",
  "scanner.reason.minor_school": "L'auteur est lui-même élève : « {term} ».",
  "scanner.reason.minor_kids_id":
    "L'auteur mentionne une Kids-ID, la carte d'identité des enfants de moins de 12 ans.",
  "scanner.reason.minor_parents_school": "L'auteur parle de « {term} » dans un texte sur l'école.",
  "scanner.reason.minor_pupil": "L'auteur parle en élève : « {term} ».",
};
