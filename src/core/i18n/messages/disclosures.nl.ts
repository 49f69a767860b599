/** The disclosure log: data given outside the processors because the law obliged us (e.g. police). */
export const disclosuresNl = {
  "disclosures.nav": "Verstrekkingen",
  "disclosures.title": "Verstrekkingen aan derden",
  "disclosures.intro":
    "Elke keer dat we persoonsgegevens aan iemand buiten onze verwerkers geven omdat de wet ons daartoe verplicht, bijvoorbeeld op vordering van de politie. De betrokkenen zien een verstrekking in hun inzageverslag, tenzij het register zegt dat ze er niet over geïnformeerd mogen worden.",
  "disclosures.new_link": "Een verstrekking registreren",
  "disclosures.list": "Geregistreerde verstrekkingen, nieuwste eerst",
  "disclosures.empty": "Er zijn nog geen verstrekkingen geregistreerd.",
  "disclosures.col.date": "Datum",
  "disclosures.col.authority": "Verzoekende instantie",
  "disclosures.col.their_reference": "Hun referentie",
  "disclosures.col.our_reference": "Onze referentie",
  "disclosures.col.people": "Aantal personen",
  "disclosures.col.may_be_told": "Betrokkene mag het weten",
  "disclosures.yes": "ja",
  "disclosures.no": "nee (geheim)",
  "disclosures.new.title": "Een verstrekking registreren",
  "disclosures.new.intro":
    "Registreer een verstrekking op de dag dat ze gebeurt. Beschrijf het verzoek en de soorten gegevens; kopieer nooit de gegevens zelf in dit register.",
  "disclosures.new.errors": "Het formulier is niet bewaard. Verbeter het volgende:",
  "disclosures.new.submit": "Verstrekking registreren",
  "disclosures.field.disclosed_on": "Datum van de verstrekking",
  "disclosures.field.authority": "Verzoekende instantie",
  "disclosures.field.authority_hint": "Bijvoorbeeld: Federale politie, zone Gent.",
  "disclosures.field.legal_basis": "Rechtsgrond",
  "disclosures.field.legal_basis_hint":
    "Bijvoorbeeld: art. 46bis Wetboek van strafvordering, of een bevel van de onderzoeksrechter.",
  "disclosures.field.authority_reference": "Referentie van de instantie",
  "disclosures.field.authority_reference_hint": "Het dossier-, pv- of bevelnummer op het verzoek.",
  "disclosures.field.data_given": "Verstrekte gegevens",
  "disclosures.field.data_given_hint":
    "Beschrijf de soorten gegevens, bijvoorbeeld: naam, e-mailadres, IP-adressen van 3 tot 5 maart. Kopieer niet de gegevens zelf.",
  "disclosures.field.identifiers": "Betrokken personen",
  "disclosures.field.identifiers_hint":
    "Eén per regel: e-mailadres, telefoonnummer, btw-nummer, klantnummer (K-…) of de code van een persoon op de pagina Personen. Een klantnummer telt voor alle contactpersonen van die klant.",
  "disclosures.field.confidential":
    "De betrokkene mag hierover niet geïnformeerd worden (bv. geheim onderzoek)",
  "disclosures.field.confidential_hint":
    "Aangevinkt verschijnt de verstrekking niet in het inzageverslag van de betrokkenen, ook niet als aantal.",
  "disclosures.error.disclosed_on": "Geef de datum van de verstrekking (JJJJ-MM-DD).",
  "disclosures.error.future": "De datum van de verstrekking mag niet in de toekomst liggen.",
  "disclosures.error.authority": "Geef de verzoekende instantie.",
  "disclosures.error.legal_basis": "Geef de rechtsgrond van het verzoek.",
  "disclosures.error.authority_reference": "Geef de referentie van de instantie.",
  "disclosures.error.data_given": "Beschrijf welke soorten gegevens verstrekt zijn.",
  "disclosures.error.data_given_copied":
    "Beschrijf de soorten gegevens in woorden: er staat een e-mailadres in, en de gegevens zelf horen niet in dit register.",
  "disclosures.error.identifiers": "Geef minstens één betrokken persoon.",
  "disclosures.error.too_many": "Geef hoogstens {max} personen per verstrekking.",
  "disclosures.error.unknown":
    "Bij deze gegevens vinden we niemand: {identifiers}. Verbeter of verwijder die regels.",
  "disclosures.done.recorded": "De verstrekking is geregistreerd.",
  "disclosures.detail.title": "Verstrekking {reference}",
  "disclosures.detail.facts": "Het verzoek",
  "disclosures.detail.recorded": "Geregistreerd",
  "disclosures.detail.recorded_by": "{when} door {by}",
  "disclosures.detail.people": "Betrokken personen ({count})",
  "disclosures.detail.person": "persoon {id}",
  "disclosures.detail.told":
    "Deze verstrekking staat in het inzageverslag van elk van deze personen.",
  "disclosures.detail.not_told":
    "Geheim: deze verstrekking verschijnt niet in het inzageverslag van deze personen.",
  "disclosures.from_subject": "Een verstrekking over deze persoon registreren",
  "disclosures.portability.legal_basis":
    "art. 20 AVG (recht op overdraagbaarheid), op verzoek van de betrokkene",
  "disclosures.portability.data_given":
    "een kopie van de gegevens die we over de betrokkene bewaarden, als pakket voor gegevensoverdraagbaarheid",
  "disclosures.portability.recipient_unnamed": "de organisatie die de betrokkene opgaf",
  "disclosures.back": "Terug naar de verstrekkingen",
} as const;
