import { auditHead, auditLog } from "../audit/audit.tables.ts";
import {
  exportPackages,
  legalHolds,
  processingRestrictions,
  retentionAnchors,
  retentionRulesApplied,
} from "../datamap/datamap.tables.ts";
import { consentRecords } from "../modules/consent/consent.tables.ts";
import {
  contactAttachments,
  contactNotes,
  contactRequests,
} from "../modules/contact/contact.tables.ts";
import { agreements, customerContacts, customers } from "../modules/customers/customers.tables.ts";
import {
  dossierItems,
  supportTicketNotes,
  supportTickets,
} from "../modules/customers/dossier.tables.ts";
import {
  newsletterCampaigns,
  newsletterConsents,
  newsletterDeliveries,
  newsletterSignups,
  newsletterSubscribers,
} from "../modules/newsletter/newsletter.tables.ts";
import {
  invoiceCounters,
  invoiceLines,
  invoices,
  orderLines,
  orders,
} from "../modules/orders/orders.tables.ts";
import {
  breaches,
  breachSubjects,
  disclosureSubjects,
  disclosures,
  processorContracts,
  registerReminders,
} from "../modules/registers/registers.tables.ts";
import { rightsIdCopies, rightsRequests } from "../modules/rights/rights.tables.ts";
import { recordQuarantines, storedDataScans } from "../modules/scanner/scanner.tables.ts";
import { loginThrottle, staffSessions, staffUsers } from "../modules/staff/staff.tables.ts";
import { supportSessions, teamviewerIds } from "../modules/support/support.tables.ts";
import { policyNotices, policyVersions } from "../policy/policy.tables.ts";
import { dataKeys, subjectIdentifiers, subjects, vaultKeys } from "../vault/vault.tables.ts";
import { scheduledJobs } from "./jobs/jobs.tables.ts";
import { outbox } from "./mail/outbox.tables.ts";

/** Every table, for drizzle's relational queries; modules add theirs here as they land. */
export const schema = {
  outbox,
  scheduledJobs,
  subjects,
  subjectIdentifiers,
  dataKeys,
  vaultKeys,
  auditLog,
  auditHead,
  staffUsers,
  staffSessions,
  loginThrottle,
  policyVersions,
  policyNotices,
  retentionAnchors,
  legalHolds,
  processingRestrictions,
  exportPackages,
  retentionRulesApplied,
  contactRequests,
  contactAttachments,
  contactNotes,
  customers,
  customerContacts,
  agreements,
  newsletterSignups,
  newsletterSubscribers,
  newsletterConsents,
  newsletterCampaigns,
  newsletterDeliveries,
  orders,
  orderLines,
  invoices,
  invoiceLines,
  invoiceCounters,
  dossierItems,
  supportTickets,
  supportTicketNotes,
  supportSessions,
  teamviewerIds,
  rightsRequests,
  rightsIdCopies,
  consentRecords,
  recordQuarantines,
  storedDataScans,
  processorContracts,
  registerReminders,
  disclosures,
  disclosureSubjects,
  breaches,
  breachSubjects,
};
