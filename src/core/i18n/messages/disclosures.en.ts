import type { disclosuresNl } from "./disclosures.nl.ts";

export const disclosuresEn: Record<keyof typeof disclosuresNl, string> = {
  "disclosures.nav": "Disclosures",
  "disclosures.title": "Disclosures to third parties",
  "disclosures.intro":
    "Every time we give personal data to someone other than our processors because the law obliges us, for example when the police demand it. The people concerned see a disclosure in their access report, unless the register says they may not be told.",
  "disclosures.new_link": "Register a disclosure",
  "disclosures.list": "Registered disclosures, newest first",
  "disclosures.empty": "No disclosures are registered yet.",
  "disclosures.col.date": "Date",
  "disclosures.col.authority": "Requesting authority",
  "disclosures.col.their_reference": "Their reference",
  "disclosures.col.our_reference": "Our reference",
  "disclosures.col.people": "Number of people",
  "disclosures.col.may_be_told": "Person may be told",
  "disclosures.yes": "yes",
  "disclosures.no": "no (confidential)",
  "disclosures.new.title": "Register a disclosure",
  "disclosures.new.intro":
    "Register a disclosure on the day it happens. Describe the request and the kinds of data; never copy the data itself into this register.",
  "disclosures.new.errors": "The form was not saved. Please correct the following:",
  "disclosures.new.submit": "Register disclosure",
  "disclosures.field.disclosed_on": "Date of the disclosure",
  "disclosures.field.authority": "Requesting authority",
  "disclosures.field.authority_hint": "For example: Federal police, Ghent zone.",
  "disclosures.field.legal_basis": "Legal basis",
  "disclosures.field.legal_basis_hint":
    "For example: art. 46bis of the Code of Criminal Procedure, or an investigating judge's order.",
  "disclosures.field.authority_reference": "The authority's reference",
  "disclosures.field.authority_reference_hint": "The case, report or order number on the request.",
  "disclosures.field.data_given": "Data given",
  "disclosures.field.data_given_hint":
    "Describe the kinds of data, for example: name, e-mail address, IP addresses of 3 to 5 March. Do not copy the data itself.",
  "disclosures.field.identifiers": "People concerned",
  "disclosures.field.identifiers_hint":
    "One per line: e-mail address, phone number, VAT number, customer number (K-…) or the code of a person on the People page. A customer number counts for every contact person of that customer.",
  "disclosures.field.confidential":
    "The person may not be told about this (e.g. a secret investigation)",
  "disclosures.field.confidential_hint":
    "When ticked, the disclosure does not appear in the access report of the people concerned, not even as a count.",
  "disclosures.error.disclosed_on": "Give the date of the disclosure (YYYY-MM-DD).",
  "disclosures.error.future": "The date of the disclosure cannot be in the future.",
  "disclosures.error.authority": "Give the requesting authority.",
  "disclosures.error.legal_basis": "Give the legal basis of the request.",
  "disclosures.error.authority_reference": "Give the authority's reference.",
  "disclosures.error.data_given": "Describe which kinds of data were given.",
  "disclosures.error.data_given_copied":
    "Describe the kinds of data in words: this contains an e-mail address, and the data itself does not belong in this register.",
  "disclosures.error.identifiers": "Give at least one person concerned.",
  "disclosures.error.too_many": "Give at most {max} people per disclosure.",
  "disclosures.error.unknown": "These match nobody: {identifiers}. Correct or remove those lines.",
  "disclosures.done.recorded": "The disclosure is registered.",
  "disclosures.detail.title": "Disclosure {reference}",
  "disclosures.detail.facts": "The request",
  "disclosures.detail.recorded": "Registered",
  "disclosures.detail.recorded_by": "{when} by {by}",
  "disclosures.detail.people": "People concerned ({count})",
  "disclosures.detail.person": "person {id}",
  "disclosures.detail.told": "This disclosure is in the access report of each of these people.",
  "disclosures.detail.not_told":
    "Confidential: this disclosure does not appear in the access report of these people.",
  "disclosures.from_subject": "Register a disclosure about this person",
  "disclosures.portability.legal_basis":
    "Art. 20 GDPR (right to data portability), at the request of the person concerned",
  "disclosures.portability.data_given":
    "a copy of the data we held about the person concerned, as a data portability package",
  "disclosures.portability.recipient_unnamed": "the organisation the person concerned named",
  "disclosures.back": "Back to the disclosures",
};
