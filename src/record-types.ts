import { DataMap, exportPackageRecordType, type RecordType } from "./datamap/index.ts";
import { consentRecordType } from "./modules/consent/index.ts";
import {
  contactAttachmentRecordType,
  contactNoteRecordType,
  contactRequestRecordType,
} from "./modules/contact/index.ts";
import {
  customerContactRecordType,
  dossierItemRecordType,
  hasRunningAgreement,
  supportTicketNoteRecordType,
  supportTicketRecordType,
} from "./modules/customers/index.ts";
import {
  newsletterConsentRecordType,
  newsletterSignupRecordType,
  newsletterSubscriberRecordType,
} from "./modules/newsletter/index.ts";
import { invoiceRecordType, orderRecordType } from "./modules/orders/index.ts";
import { rightsIdCopyRecordType, rightsRequestRecordType } from "./modules/rights/index.ts";
import { supportSessionRecordType, teamviewerIdRecordType } from "./modules/support/index.ts";
import type { Policy, PolicyProblem } from "./policy/index.ts";

/**
 * Every personal record type of the product, by hand, like routes in app.ts and jobs in jobs.ts.
 * A module that stores personal data adds its `<name>.records.ts` entries here; a test fails
 * when a table with personal columns is missing.
 */
export const allRecordTypes: readonly RecordType[] = [
  contactRequestRecordType,
  contactAttachmentRecordType,
  contactNoteRecordType,
  customerContactRecordType,
  dossierItemRecordType,
  supportTicketRecordType,
  supportTicketNoteRecordType,
  supportSessionRecordType,
  teamviewerIdRecordType,
  newsletterSignupRecordType,
  newsletterSubscriberRecordType,
  newsletterConsentRecordType,
  orderRecordType,
  invoiceRecordType,
  exportPackageRecordType,
  rightsRequestRecordType,
  rightsIdCopyRecordType,
  consentRecordType,
];

export function createDataMap(policy: () => Policy): DataMap {
  return new DataMap({
    recordTypes: allRecordTypes,
    policy,
    conditions: { running_agreement: hasRunningAgreement },
  });
}

/**
 * Tables with columns that look personal but are deliberately not record types, each with the
 * reason. The data-map coverage test fails on any other such table, so a new personal table is
 * either declared to the engines or argued for here, in review.
 */
export const outsideDataMap: Readonly<Record<string, string>> = {
  subjects: "the vault's registry of people itself: a bare id and a date, no personal values",
  subject_identifiers:
    "blind indexes (HMACs) to find a person; deleted by the engines when the person's last record goes",
  data_keys:
    "the person's wrapped data keys; destroyed by crypto-shredding when their last record of a purpose goes",
  audit_log:
    "accountability record with ids, counts and codes only (the audit guard refuses personal values); it must outlive the data it describes",
  retention_anchors:
    "when an anchor event happened for a person: the retention engine's own clock, no personal values",
  legal_holds:
    "a hold names a person by subject id and a case reason, and must outlive erasure attempts",
  processing_restrictions:
    "proof that the person stopped processing (objection, withdrawn consent, restriction); never deleted, only lifted",
  outbox:
    "transient delivery queue, its content sealed under the person's key (or the installation key for staff mail): mail.deliver deletes a mail once that key is shredded, and purges sent, held and failed mail 30 days later through its own retain_until",
  staff_users:
    "staff accounts: employee data under the employment relationship, not this statement; removed through staff management",
  scheduled_jobs: "job bookkeeping: `name` is a job's name such as mail.deliver, not a person's",
  vault_keys: "installation keys: `name` is a key's name such as blind_index, not a person's",
  customers:
    "a customer number and, for a company, its registered name; the people (a person who is the customer, a company's contacts) are customer_contacts, encrypted and kept by the dossier rule",
  newsletter_deliveries:
    "which campaign was queued for which subscriber id, for the campaign's counts; the address and text are in the outbox, which purges them",
  order_lines:
    "what was sold, at which price and VAT rate (`vat_rate` is a percentage, not a VAT number); the person is on the order",
  invoice_lines:
    "an issued invoice's lines: products, prices and VAT rates; the person is on the invoice, anonymised with it",
  processor_contracts:
    "a processor's signed contract, a document about a company and no one person, sealed with the installation key",
  disclosure_subjects:
    "which people a registered disclosure (e.g. to the police) concerned, by subject id: accountability that must outlive erasure, like a legal hold; shown in the person's access export unless the authority forbids telling them",
  breach_subjects:
    "which people a registered breach affected, by subject id, and when their notice was queued: the breach register must outlive erasure (Art. 33(5))",
  policy_notices:
    "notice texts written for everyone about a policy change, about no one in particular",
};

/**
 * What a policy would break in the data map (a purpose a record type needs, removed; data the
 * software stores, declared as not stored), as policy problems, so `policy check` and the
 * back-office upload refuse it before it is in force.
 */
export function dataMapProblems(policy: Policy): PolicyProblem[] {
  return createDataMap(() => policy)
    .problemsWith(policy)
    .map((message) => ({ path: "purposes", message }));
}
