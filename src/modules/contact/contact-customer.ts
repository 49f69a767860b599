import { eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import {
  addContactPerson,
  type CustomerKind,
  type CustomerSummary,
  createCustomer,
  endAgreement,
  findCustomer,
  startAgreement,
} from "../customers/index.ts";
import { contactRequestRecordType } from "./contact.records.ts";
import { contactRequests } from "./contact.tables.ts";

export interface ContactCustomerDeps {
  db: Db;
  vault: Vault;
  dataMap: DataMap;
  clock: Clock;
}

/** Why a request could not be linked, for a message that says what to do. */
export type LinkRefusal = "not_found" | "erased" | "unknown_customer" | "already_linked";

export interface NewCustomerFromRequest {
  requestId: string;
  staffId: string;
  kind: CustomerKind;
  companyName?: string | undefined;
  service: string;
  startsOn: string;
}

/**
 * Links a request to an existing customer: its person becomes one of the customer's contacts,
 * so while the customer's agreement runs the request is kept, and its year restarts when the
 * agreement ends.
 */
export async function linkRequestToCustomer(
  deps: ContactCustomerDeps,
  input: { requestId: string; staffId: string; customerNumber: string },
): Promise<{ customerId: string } | LinkRefusal> {
  return deps.db.transaction(async (tx) => {
    const person = await requestPerson(tx, deps, input.requestId);
    if (typeof person === "string") return person;
    const customer = await findCustomer(tx, { number: input.customerNumber });
    if (!customer) return "unknown_customer";
    await addContactPerson(
      { ...deps, db: tx },
      { customerId: customer.id, subjectId: person.subjectId, name: person.name },
    );
    await markLinked(tx, deps, { ...input, ...person, customerId: customer.id });
    return { customerId: customer.id };
  });
}

/** The request became business: a new customer with the request's person and a running agreement. */
export async function convertRequestToCustomer(
  deps: ContactCustomerDeps,
  input: NewCustomerFromRequest,
): Promise<{ customerId: string; number: string } | LinkRefusal> {
  return deps.db.transaction(async (tx) => {
    const person = await requestPerson(tx, deps, input.requestId);
    if (typeof person === "string") return person;
    const actor = { type: "staff" as const, id: input.staffId };
    const scoped = { ...deps, db: tx };
    const customer = await createCustomer(scoped, {
      kind: input.kind,
      companyName: input.companyName,
      contact: { subjectId: person.subjectId, name: person.name },
      actor,
    });
    await startAgreement(scoped, {
      customerId: customer.id,
      service: input.service,
      startsOn: input.startsOn,
      actor,
    });
    await markLinked(tx, deps, { ...input, ...person, customerId: customer.id });
    return { customerId: customer.id, number: customer.number };
  });
}

/** The customer a request is linked to, with its agreements, for the request page. */
export async function customerOfRequest(
  deps: Pick<ContactCustomerDeps, "db">,
  customerId: string | null,
): Promise<CustomerSummary | undefined> {
  return customerId ? findCustomer(deps.db, { id: customerId }) : undefined;
}

/** Ends one of the linked customer's agreements, from the request page. */
export async function endLinkedAgreement(
  deps: ContactCustomerDeps,
  input: { requestId: string; agreementId: string; staffId: string },
): Promise<boolean> {
  const [row] = await deps.db
    .select({ customerId: contactRequests.customerId })
    .from(contactRequests)
    .where(eq(contactRequests.id, input.requestId));
  const customer = await customerOfRequest(deps, row?.customerId ?? null);
  if (!customer?.agreements.some((agreement) => agreement.id === input.agreementId)) return false;
  const result = await endAgreement(deps, {
    agreementId: input.agreementId,
    actor: { type: "staff", id: input.staffId },
  });
  return result.ended;
}

async function requestPerson(
  tx: Db,
  deps: ContactCustomerDeps,
  requestId: string,
): Promise<{ subjectId: string; name: string } | LinkRefusal> {
  const [row] = await tx
    .select({
      subjectId: contactRequests.subjectId,
      customerId: contactRequests.customerId,
      nameCiphertext: contactRequests.nameCiphertext,
    })
    .from(contactRequests)
    .where(eq(contactRequests.id, requestId))
    .for("update");
  if (!row) return "not_found";
  if (row.customerId) return "already_linked";
  if (!row.subjectId) return "erased";
  const name = await deps.vault.decryptField(tx, {
    subjectId: row.subjectId,
    purpose: "contact",
    table: "contact_requests",
    column: "name_ciphertext",
    recordId: requestId,
    ciphertext: row.nameCiphertext,
  });
  if (isErased(name)) return "erased";
  return { subjectId: row.subjectId, name };
}

async function markLinked(
  tx: Db,
  deps: ContactCustomerDeps,
  input: { requestId: string; staffId: string; subjectId: string; customerId: string },
): Promise<void> {
  await tx
    .update(contactRequests)
    .set({ customerId: input.customerId, updatedAt: deps.clock.now() })
    .where(eq(contactRequests.id, input.requestId));
  await appendAudit(tx, {
    clock: deps.clock,
    entry: {
      actor: { type: "staff", id: input.staffId },
      action: "contact.linked_to_customer",
      subjectId: input.subjectId,
      recordType: contactRequestRecordType.id,
      recordId: input.requestId,
      purpose: "contact",
      details: { customerId: input.customerId },
    },
  });
}
