/** Why the scanner flagged a special category of data or a minor, for the privacy officer. */
export const scannerSpecialNl = {
  "scanner.reason.health_term": "Het woord '{term}' wijst op gezondheidsgegevens.",
  "scanner.reason.health_term_personal":
    "Het woord '{term}' wijst op gezondheidsgegevens, in de ik-vorm of over een naaste.",
  "scanner.reason.religion_term":
    "Het woord '{term}' wijst op een godsdienst of levensbeschouwing.",
  "scanner.reason.religion_term_personal":
    "Het woord '{term}' wijst op een godsdienst of levensbeschouwing, in de ik-vorm of over een naaste.",
  "scanner.reason.political_opinion_term": "Het woord '{term}' wijst op politieke opvattingen.",
  "scanner.reason.political_opinion_term_personal":
    "Het woord '{term}' wijst op politieke opvattingen, in de ik-vorm of over een naaste.",
  "scanner.reason.trade_union_term": "Het woord '{term}' wijst op vakbondslidmaatschap.",
  "scanner.reason.trade_union_term_personal":
    "Het woord '{term}' wijst op vakbondslidmaatschap, in de ik-vorm of over een naaste.",
  "scanner.reason.ethnic_origin_term": "Het woord '{term}' wijst op etnische afkomst.",
  "scanner.reason.ethnic_origin_term_personal":
    "Het woord '{term}' wijst op etnische afkomst, in de ik-vorm of over een naaste.",
  "scanner.reason.sex_life_term":
    "Het woord '{term}' wijst op het seksuele leven of de seksuele geaardheid.",
  "scanner.reason.sex_life_term_personal":
    "Het woord '{term}' wijst op het seksuele leven of de seksuele geaardheid, in de ik-vorm of over een naaste.",
  "scanner.reason.genetic_term": "Het woord '{term}' wijst op genetische gegevens.",
  "scanner.reason.genetic_term_personal":
    "Het woord '{term}' wijst op genetische gegevens, in de ik-vorm of over een naaste.",
  "scanner.reason.biometric_term": "Het woord '{term}' wijst op biometrische gegevens.",
  "scanner.reason.biometric_term_personal":
    "Het woord '{term}' wijst op biometrische gegevens, in de ik-vorm of over een naaste.",
  "scanner.reason.political_opinion_party": "Steun voor of lidmaatschap van de partij '{term}'.",
  "scanner.reason.trade_union_member": "Lidmaatschap van de vakbond '{term}'.",
  "scanner.reason.ethnic_origin_descent":
    "Afkomst van een persoon: '{term}' met een volk of land ernaast.",
  "scanner.reason.biometric_data":
    "Gegevens over '{term}' van een persoon worden gedeeld of bewaard.",
  "scanner.reason.health_hereditary":
    "Een erfelijke aandoening ('{term}') is ook een gezondheidsgegeven.",
  "scanner.reason.health_genetic_result":
    "Een genetische test die een ziekte noemt ('{term}') is ook een gezondheidsgegeven.",
  "scanner.reason.ethnic_origin_ancestry":
    "Een afstammingstest ('{term}') waarvan het resultaat een volk noemt, toont etnische afkomst.",
  "scanner.reason.sex_life_same_sex_couple":
    "Er wordt een koppel van hetzelfde geslacht beschreven: '{term}'.",
  "scanner.reason.minor_age": "Leeftijd {age} jaar vermeld door de schrijver.",
  "scanner.reason.minor_age_label": "Leeftijd {age} jaar ingevuld bij 'leeftijd'.",
  "scanner.reason.minor_school_year": "De schrijver noemt een schooljaar: '{term}'.",
  "scanner.reason.minor_school": "De schrijver zit zelf op school: '{term}'.",
  "scanner.reason.minor_kids_id":
    "De schrijver noemt een Kids-ID, de identiteitskaart voor kinderen onder 12 jaar.",
  "scanner.reason.minor_parents_school":
    "De schrijver spreekt over '{term}' in een tekst over school.",
  "scanner.reason.minor_pupil": "De schrijver spreekt als leerling: '{term}'.",
} as const;
