import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import { type Db, queryRows } from "../../core/db/database.ts";
import { newShortReference } from "../../core/short-reference.ts";
import {
  type DataMap,
  publishAnchorEvent,
  refreshConditionHolders,
  retentionFor,
} from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import { customerContactRecordType } from "./customers.records.ts";
import {
  type AgreementStatus,
  agreements,
  type CustomerKind,
  customerContacts,
  customers,
} from "./customers.tables.ts";

export interface CustomerDeps {
  /** A database or the caller's transaction: linking a request and adding its person is one change. */
  db: Db;
  vault: Vault;
  dataMap: DataMap;
  clock: Clock;
}

export interface ContactPersonInput {
  subjectId: string;
  name: string;
  role?: string | undefined;
}

export interface NewCustomerInput {
  kind: CustomerKind;
  companyName?: string | undefined;
  contact: ContactPersonInput;
  actor: AuditActor;
}

export interface Agreement {
  id: string;
  service: string;
  startsOn: string;
  endsOn: string | null;
  status: AgreementStatus;
  endedAt: Date | null;
}

export interface CustomerSummary {
  id: string;
  number: string;
  kind: CustomerKind;
  companyName: string | null;
  agreements: Agreement[];
  running: boolean;
}

/** Creates a customer with its first contact person; agreements follow with `startAgreement`. */
export async function createCustomer(
  deps: CustomerDeps,
  input: NewCustomerInput,
): Promise<{ id: string; number: string }> {
  return deps.db.transaction(async (tx) => {
    const id = randomUUID();
    const number = newShortReference("K");
    await tx.insert(customers).values({
      id,
      number,
      kind: input.kind,
      companyName: input.kind === "company" ? (input.companyName ?? null) : null,
      createdAt: deps.clock.now(),
    });
    await addContactPerson({ ...deps, db: tx }, { customerId: id, ...input.contact });
    await audit(tx, deps, input.actor, "customer.created", input.contact.subjectId, id);
    return { id, number };
  });
}

/**
 * Makes a person a contact of the customer (once). If the customer has a running agreement, the
 * person's records kept "while you have a running agreement" say so from now on.
 */
export async function addContactPerson(
  deps: CustomerDeps,
  input: ContactPersonInput & { customerId: string },
): Promise<boolean> {
  const { db } = deps;
  const id = randomUUID();
  const state = await retentionFor(db, deps.dataMap, customerContactRecordType, {
    subjectId: input.subjectId,
    key: input.customerId,
  });
  const inserted = await db
    .insert(customerContacts)
    .values({
      id,
      subjectId: input.subjectId,
      ...state,
      customerId: input.customerId,
      nameCiphertext: await deps.vault.encryptField(db, {
        subjectId: input.subjectId,
        purpose: "customer_dossier",
        table: "customer_contacts",
        column: "name_ciphertext",
        recordId: id,
        value: input.name,
      }),
      role: input.role ?? null,
      createdAt: deps.clock.now(),
    })
    .onConflictDoNothing()
    .returning({ id: customerContacts.id });
  if (inserted.length === 0) return false;
  await refreshConditionHolders(db, deps.dataMap, "running_agreement", input.subjectId);
  return true;
}

/** A new running agreement: the customer's people are kept while it runs. */
export async function startAgreement(
  deps: CustomerDeps,
  input: {
    customerId: string;
    service: string;
    startsOn: string;
    endsOn?: string | undefined;
    actor: AuditActor;
  },
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.insert(agreements).values({
      id,
      customerId: input.customerId,
      service: input.service,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      status: "running",
      createdAt: deps.clock.now(),
    });
    for (const subjectId of await contactSubjects(tx, input.customerId)) {
      await refreshConditionHolders(tx, deps.dataMap, "running_agreement", subjectId);
    }
    await audit(tx, deps, input.actor, "agreement.started", undefined, input.customerId);
    return id;
  });
}

/**
 * Ends an agreement: `agreement.ended` restarts the clocks that follow it for every contact
 * person, and when it was the customer's last running one, `customer.ended` starts the
 * dossier's year.
 */
export async function endAgreement(
  deps: CustomerDeps,
  input: { agreementId: string; actor: AuditActor },
): Promise<{ ended: boolean; customerEnded: boolean }> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .update(agreements)
      .set({ status: "ended", endedAt: now })
      .where(and(eq(agreements.id, input.agreementId), eq(agreements.status, "running")))
      .returning({ customerId: agreements.customerId });
    if (!row) return { ended: false, customerEnded: false };
    const stillRunning = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.customerId, row.customerId), eq(agreements.status, "running")))
      .limit(1);
    const customerEnded = stillRunning.length === 0;
    const anchorDeps = { dataMap: deps.dataMap, clock: deps.clock };
    for (const subjectId of await contactSubjects(tx, row.customerId)) {
      await publishAnchorEvent(tx, anchorDeps, {
        event: "agreement.ended",
        subjectId,
        key: input.agreementId,
      });
      if (customerEnded) {
        await publishAnchorEvent(tx, anchorDeps, {
          event: "customer.ended",
          subjectId,
          key: row.customerId,
        });
      }
    }
    await audit(tx, deps, input.actor, "agreement.ended", undefined, row.customerId);
    return { ended: true, customerEnded };
  });
}

/** The `running_agreement` condition: the person speaks for a customer with a running agreement. */
export async function hasRunningAgreement(db: Db, subjectId: string): Promise<boolean> {
  const rows = await queryRows<{ running: boolean }>(
    db,
    sql`select exists (
          select 1 from customer_contacts c
          join agreements a on a.customer_id = c.customer_id and a.status = 'running'
          where c.subject_id = ${subjectId}) as running`,
  );
  return rows[0]?.running === true;
}

export async function findCustomer(
  db: Db,
  by: { id: string } | { number: string },
): Promise<CustomerSummary | undefined> {
  const [customer] = await db
    .select()
    .from(customers)
    .where(
      "id" in by ? eq(customers.id, by.id) : eq(customers.number, by.number.trim().toUpperCase()),
    );
  if (!customer) return undefined;
  const rows = await db
    .select({
      id: agreements.id,
      service: agreements.service,
      startsOn: agreements.startsOn,
      endsOn: agreements.endsOn,
      status: agreements.status,
      endedAt: agreements.endedAt,
    })
    .from(agreements)
    .where(eq(agreements.customerId, customer.id))
    .orderBy(agreements.startsOn);
  return {
    id: customer.id,
    number: customer.number,
    kind: customer.kind,
    companyName: customer.companyName,
    agreements: rows,
    running: rows.some((agreement) => agreement.status === "running"),
  };
}

async function contactSubjects(db: Db, customerId: string): Promise<string[]> {
  const rows = await db
    .select({ subjectId: customerContacts.subjectId })
    .from(customerContacts)
    .where(eq(customerContacts.customerId, customerId));
  return rows.flatMap((row) => (row.subjectId ? [row.subjectId] : []));
}

function audit(
  tx: Db,
  deps: Pick<CustomerDeps, "clock">,
  actor: AuditActor,
  action: string,
  subjectId: string | undefined,
  customerId: string,
) {
  return appendAudit(tx, {
    clock: deps.clock,
    entry: {
      actor,
      action,
      ...(subjectId ? { subjectId } : {}),
      recordType: "customer",
      recordId: customerId,
      purpose: "customer_dossier",
    },
  });
}
