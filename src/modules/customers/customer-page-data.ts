import type { Locale, Translate } from "../../core/i18n/index.ts";
import {
  activeLegalHolds,
  explainRetention,
  type LegalHold,
  type RecordType,
  type RetentionExplanation,
} from "../../datamap/index.ts";
import {
  type CustomerContactRequest,
  contactRequestRecordType,
  contactRequestsOfCustomer,
} from "../contact/index.ts";
import { readSubscriber } from "../newsletter/index.ts";
import { type CustomerOrder, orderRecordType, ordersOfCustomer } from "../orders/index.ts";
import { listStaff } from "../staff/index.ts";
import {
  type CustomerSupportSession,
  supportSessionRecordType,
  supportSessionsOfCustomer,
} from "../support/index.ts";
import { customerContactRecordType } from "./customers.records.ts";
import { type CustomerSummary, findCustomer } from "./customers.service.ts";
import {
  auditContactReads,
  type CustomerContactView,
  type DossierRetentionTable,
  dossierRetention,
  listContacts,
  type RetentionSample,
} from "./customers-admin-queries.ts";
import type { CustomersModuleDeps } from "./customers-deps.ts";
import {
  dossierItemRecordType,
  supportTicketNoteRecordType,
  supportTicketRecordType,
} from "./dossier.records.ts";
import {
  type DossierItemView,
  listDossier,
  listTickets,
  type TicketView,
} from "./dossier.service.ts";

/** A contact person's newsletter standing: topics, unsubscribed, or never subscribed. */
export type NewsletterStanding =
  | { state: "subscribed"; topics: string[] }
  | { state: "unsubscribed"; on: Date }
  | { state: "none" };

/** One "why do we still hold this?" per record type the page shows. */
export interface PartRetention {
  label: string;
  explanation: RetentionExplanation;
}

export type PagePart = "contacts" | "dossier" | "tickets" | "sessions" | "orders" | "requests";

export interface CustomerPageData {
  customer: CustomerSummary;
  contacts: CustomerContactView[];
  dossier: DossierItemView[];
  tickets: TicketView[];
  sessions: CustomerSupportSession[];
  orders: CustomerOrder[];
  requests: CustomerContactRequest[];
  newsletter: Map<string, NewsletterStanding>;
  staffNames: Map<string, string>;
  retention: Partial<Record<PagePart, PartRetention[]>>;
}

/**
 * Everything the customer's page shows, read in a fixed number of queries whatever the dossier's
 * size (keys preloaded per purpose), plus one newsletter lookup per contact person, with one
 * `subject.read` per contact person shown recorded before it returns.
 */
export async function loadCustomerPage(
  deps: CustomersModuleDeps,
  customerId: string,
  staffId: string,
  t: Translate,
  locale: Locale,
): Promise<CustomerPageData | undefined> {
  const contacts = await listContacts(deps, [customerId]);
  // Independent reads, sent together with the audit of the people just decrypted: on
  // PostgreSQL they run on several pooled connections, and the audit chain's lock is not waited
  // for alone. The page is sent only after all of them, the audit included, have finished.
  const [customer, , dossier, tickets, sessions, orders, requests, samples, holds, staff] =
    await Promise.all([
      findCustomer(deps.db, { id: customerId }),
      auditContactReads(deps, staffId, contacts),
      listDossier(deps, customerId),
      listTickets(deps, customerId),
      supportSessionsOfCustomer(deps.db, customerId),
      ordersOfCustomer(deps.db, customerId),
      contactRequestsOfCustomer(deps.db, customerId),
      dossierRetention(deps.db, customerId),
      activeLegalHolds(deps.db, deps.clock.now()),
      listStaff(deps.db),
    ]);
  if (!customer) return undefined;
  const newsletter = new Map<string, NewsletterStanding>(
    await Promise.all(
      contacts.map(async (contact): Promise<[string, NewsletterStanding]> => {
        const subscriber = contact.subjectId
          ? await readSubscriber(deps, { subjectId: contact.subjectId })
          : undefined;
        return [
          contact.id,
          !subscriber
            ? { state: "none" }
            : subscriber.unsubscribedAt
              ? { state: "unsubscribed", on: subscriber.unsubscribedAt }
              : { state: "subscribed", topics: subscriber.topics },
        ];
      }),
    ),
  );
  const subjects = new Set(contacts.flatMap((contact) => contact.subjectId ?? []));
  const explain = (recordType: RecordType, sample: RetentionSample | undefined) =>
    sample
      ? [
          {
            label: recordType.label[locale],
            explanation: explainRetention(deps.dataMap, t, {
              recordType,
              retainUntil: sample.retainUntil,
              retentionReason: sample.retentionReason,
              holds: holdsCovering(holds, recordType.id, subjects),
            }),
          },
        ]
      : [];
  const own = (table: DossierRetentionTable) => samples[table];
  const newest = <T extends RetentionSample>(rows: readonly T[]) => keptLongest(rows);
  return {
    customer,
    contacts,
    dossier,
    tickets,
    sessions,
    orders,
    requests,
    newsletter,
    staffNames: new Map(staff.map((account) => [account.id, account.displayName])),
    retention: {
      contacts: explain(customerContactRecordType, own("customer_contacts")),
      dossier: explain(dossierItemRecordType, own("dossier_items")),
      tickets: [
        ...explain(supportTicketRecordType, own("support_tickets")),
        ...explain(supportTicketNoteRecordType, own("support_ticket_notes")),
      ],
      sessions: explain(supportSessionRecordType, newest(sessions)),
      orders: explain(orderRecordType, newest(orders)),
      requests: explain(contactRequestRecordType, newest(requests)),
    },
  };
}

/** The row kept longest: one kept by a condition (no date yet) first, then the latest date. */
function keptLongest<T extends RetentionSample>(rows: readonly T[]): T | undefined {
  let longest: T | undefined;
  for (const row of rows) {
    if (!longest) longest = row;
    else if (longest.retainUntil === null) break;
    else if (row.retainUntil === null || row.retainUntil > longest.retainUntil) longest = row;
  }
  return longest;
}

/** Holds in force that cover this record type for one of the customer's people (or everyone). */
function holdsCovering(
  holds: readonly LegalHold[],
  recordType: string,
  subjects: ReadonlySet<string>,
): LegalHold[] {
  return holds.filter(
    (hold) =>
      (hold.recordType === null || hold.recordType === recordType) &&
      (hold.subjectId === null || subjects.has(hold.subjectId)),
  );
}
