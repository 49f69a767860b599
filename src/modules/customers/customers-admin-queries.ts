import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { recordStaffRead } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import { type Db, queryRows } from "../../core/db/database.ts";
import type { KeysetCursor } from "../../core/keyset-cursor.ts";
import type { RetentionReason } from "../../datamap/index.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import { customerContactRecordType } from "./customers.records.ts";
import { agreements, type CustomerKind, customerContacts, customers } from "./customers.tables.ts";
import { supportTickets } from "./dossier.tables.ts";

export const customerPageSize = 50;

type ReadDeps = { db: Db; vault: Vault };

/** What staff search customers by; every search is exact, never a LIKE on plaintext. */
export interface CustomerListFilter {
  /** A customer number, K-4M8T2Z. */
  number?: string | undefined;
  /** A contact person's e-mail address, found through the vault's blind index. */
  email?: string | undefined;
  /** Every word of a contact person's name, found through the name-word blind indexes. */
  name?: string | undefined;
  after?: KeysetCursor | undefined;
}

/** A contact person with the name decrypted (null once shredded). */
export interface CustomerContactView {
  id: string;
  customerId: string;
  subjectId: string | null;
  name: string | null;
  role: string | null;
  createdAt: Date;
}

export interface CustomerListLine {
  id: string;
  number: string;
  kind: CustomerKind;
  companyName: string | null;
  /** The first contact person, whose name is shown (and audited) for a person customer. */
  contact: CustomerContactView | undefined;
  running: boolean;
  createdAt: Date;
}

/**
 * Customers, newest first, one page at a time (keyset on created_at, id), with their first
 * contact's name decrypted and whether an agreement runs. Reads only; the caller audits.
 */
export async function listCustomers(
  deps: ReadDeps,
  filter: CustomerListFilter,
  limit = customerPageSize,
): Promise<{ lines: CustomerListLine[]; next: KeysetCursor | null }> {
  const conditions: (SQL | undefined)[] = [];
  if (filter.number) conditions.push(eq(customers.number, filter.number.trim().toUpperCase()));
  if (filter.email) {
    const subjectId = await deps.vault.findSubject(deps.db, { email: filter.email });
    if (!subjectId) return { lines: [], next: null };
    conditions.push(inArray(customers.id, customersOf(deps.db, [subjectId])));
  }
  if (filter.name) {
    const subjectIds = await deps.vault.findSubjectsByName(deps.db, filter.name);
    if (subjectIds.length === 0) return { lines: [], next: null };
    conditions.push(inArray(customers.id, customersOf(deps.db, subjectIds)));
  }
  if (filter.after) {
    conditions.push(
      or(
        lt(customers.createdAt, filter.after.createdAt),
        and(eq(customers.createdAt, filter.after.createdAt), lt(customers.id, filter.after.id)),
      ),
    );
  }
  const rows = await deps.db
    .select()
    .from(customers)
    .where(and(...conditions))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const ids = page.map((row) => row.id);
  const contacts = await listContacts(deps, ids);
  const running =
    ids.length === 0
      ? new Set<string>()
      : new Set(
          (
            await deps.db
              .selectDistinct({ customerId: agreements.customerId })
              .from(agreements)
              .where(and(inArray(agreements.customerId, ids), eq(agreements.status, "running")))
          ).map((row) => row.customerId),
        );
  const lines = page.map((row) => ({
    id: row.id,
    number: row.number,
    kind: row.kind,
    companyName: row.companyName,
    contact: contacts.find((contact) => contact.customerId === row.id),
    running: running.has(row.id),
    createdAt: row.createdAt,
  }));
  const last = page.at(-1);
  return {
    lines,
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

function customersOf(db: Db, subjectIds: string[]) {
  return db
    .select({ customerId: customerContacts.customerId })
    .from(customerContacts)
    .where(inArray(customerContacts.subjectId, subjectIds));
}

/** The contact persons of some customers, oldest first, names decrypted with one key query. */
export async function listContacts(
  deps: ReadDeps,
  customerIds: readonly string[],
): Promise<CustomerContactView[]> {
  if (customerIds.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(customerContacts)
    .where(inArray(customerContacts.customerId, [...customerIds]))
    .orderBy(asc(customerContacts.createdAt), asc(customerContacts.id));
  await deps.vault.preloadKeys(
    deps.db,
    "customer_dossier",
    rows.flatMap((row) => (row.subjectId ? [row.subjectId] : [])),
  );
  const views: CustomerContactView[] = [];
  for (const row of rows) {
    let name: string | null = null;
    if (row.subjectId) {
      const value = await deps.vault.decryptField(deps.db, {
        subjectId: row.subjectId,
        purpose: "customer_dossier",
        table: "customer_contacts",
        column: "name_ciphertext",
        recordId: row.id,
        ciphertext: row.nameCiphertext,
      });
      name = isErased(value) ? null : value;
    }
    views.push({
      id: row.id,
      customerId: row.customerId,
      subjectId: row.subjectId,
      name,
      role: row.role,
      createdAt: row.createdAt,
    });
  }
  return views;
}

/** One `subject.read` per person shown, in one transaction, before the page is sent. */
export async function auditContactReads(
  deps: { db: Db; clock: Clock },
  staffId: string,
  shown: readonly { id: string; subjectId: string | null; name: string | null }[],
): Promise<void> {
  const read = shown.filter(
    (contact): contact is { id: string; subjectId: string; name: string } =>
      contact.subjectId !== null && contact.name !== null,
  );
  if (read.length === 0) return;
  await deps.db.transaction(async (tx) => {
    for (const contact of read) {
      await recordStaffRead(tx, deps.clock, {
        staffId,
        subjectId: contact.subjectId,
        recordType: customerContactRecordType.id,
        recordId: contact.id,
        purpose: "customer_dossier",
      });
    }
  });
}

export interface RetentionSample {
  retainUntil: Date | null;
  retentionReason: RetentionReason;
}

/** The dossier tables this module owns whose "why do we still hold this?" the page explains. */
export const dossierRetentionTables = [
  "customer_contacts",
  "dossier_items",
  "support_tickets",
  "support_ticket_notes",
] as const;
export type DossierRetentionTable = (typeof dossierRetentionTables)[number];

/**
 * For each of the customer's dossier tables, the row kept longest (a condition first, then the
 * latest date), in one round trip: one explanation per record type covers every row of it.
 */
export async function dossierRetention(
  db: Db,
  customerId: string,
): Promise<Partial<Record<DossierRetentionTable, RetentionSample>>> {
  const sample = (table: DossierRetentionTable) => sql`(
    select ${table}::text as record_table, retain_until, retention_reason from ${sql.identifier(table)}
    where customer_id = ${customerId}
    order by retain_until desc nulls first limit 1)`;
  const rows = await queryRows<{
    record_table: DossierRetentionTable;
    retain_until: Date | string | null;
    retention_reason: RetentionReason | string;
  }>(db, sql.join(dossierRetentionTables.map(sample), sql` union all `));
  const samples: Partial<Record<DossierRetentionTable, RetentionSample>> = {};
  for (const row of rows) {
    samples[row.record_table] = {
      retainUntil: row.retain_until === null ? null : new Date(row.retain_until),
      retentionReason:
        typeof row.retention_reason === "string"
          ? (JSON.parse(row.retention_reason) as RetentionReason)
          : row.retention_reason,
    };
  }
  return samples;
}

/** The ticket, if it is this customer's: a form posted for another customer's ticket is refused. */
export async function ticketOfCustomer(
  db: Db,
  customerId: string,
  ticketId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: supportTickets.id })
    .from(supportTickets)
    .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.customerId, customerId)));
  return row !== undefined;
}
