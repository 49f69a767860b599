import type { contactCustomerNl } from "./contact-customer.nl.ts";

export const contactCustomerEn: Record<keyof typeof contactCustomerNl, string> = {
  "contact-customer.title": "Customer and agreement",
  "contact-customer.lead":
    "If this request became business, link it to the customer: we keep the request while an agreement runs, and up to 1 year after it ends.",
  "contact-customer.linked": "Linked to customer {number}.",
  "contact-customer.company": "Company: {name}",
  "contact-customer.agreements": "Agreements",
  "contact-customer.agreements.none": "No agreements yet.",
  "contact-customer.agreement.running": "{service}, running since {start}",
  "contact-customer.agreement.ended": "{service}, from {start}, ended on {end}",
  "contact-customer.agreement.end": "End agreement {service}",
  "contact-customer.agreement.end_hint":
    "The year after which we erase the request and the customer contact counts from the end of the last running agreement.",
  "contact-customer.link.title": "Link to an existing customer",
  "contact-customer.link.number": "Customer number (e.g. K-4M8T2Z)",
  "contact-customer.link.submit": "Link",
  "contact-customer.new.title": "Make a new customer from this request",
  "contact-customer.new.kind": "Kind of customer",
  "contact-customer.new.kind.person": "A person",
  "contact-customer.new.kind.company": "A company (the sender becomes its contact person)",
  "contact-customer.new.company": "Company name (for a company)",
  "contact-customer.new.service": "Service of the agreement",
  "contact-customer.new.starts": "Starts on",
  "contact-customer.new.submit": "Create customer and agreement",
  "contact-customer.done.linked": "The request is linked to the customer.",
  "contact-customer.done.created": "The customer was created, with a running agreement.",
  "contact-customer.done.ended": "The agreement has ended.",
  "contact-customer.error.unknown_customer":
    "No customer has that number. Check the number on the customer's record, or make a new customer.",
  "contact-customer.error.already_linked": "This request is already linked to a customer.",
  "contact-customer.error.erased":
    "This request's data was erased; it can no longer be linked to a customer.",
  "contact-customer.error.company_name": "Give the company name for a company customer.",
  "contact-customer.error.service": "Give the agreement's service (at most 200 characters).",
  "contact-customer.error.starts": "Give the start date as a valid date.",
  "contact-customer.error.agreement":
    "That agreement is not (or no longer) running for this customer.",
};
