import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import type { Locale } from "../../core/i18n/index.ts";
import { newShortReference } from "../../core/short-reference.ts";
import {
  type DataMap,
  type ErasureResult,
  eraseSubject,
  retentionFor,
} from "../../datamap/index.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import { refuseSpecialCategories, type SensitiveDataHook } from "../scanner/index.ts";
import { customerContacts } from "./customers.tables.ts";
import {
  dossierItemRecordType,
  supportTicketNoteRecordType,
  supportTicketRecordType,
} from "./dossier.records.ts";
import {
  type DossierItemKind,
  dossierItems,
  supportTicketNotes,
  supportTickets,
  type TicketStatus,
} from "./dossier.tables.ts";

export interface DossierDeps {
  db: Db;
  vault: Vault;
  dataMap: DataMap;
  clock: Clock;
  sensitiveData: SensitiveDataHook;
}

export class NotACustomerContactError extends Error {
  override name = "NotACustomerContactError";
}

/** Dossier data is about one of the customer's people: checked, so no stranger is filed here. */
async function assertContact(db: Db, customerId: string, subjectId: string): Promise<void> {
  const [row] = await db
    .select({ id: customerContacts.id })
    .from(customerContacts)
    .where(
      and(eq(customerContacts.customerId, customerId), eq(customerContacts.subjectId, subjectId)),
    );
  if (!row) throw new NotACustomerContactError("that person is not a contact of this customer");
}

function sealer(
  deps: Pick<DossierDeps, "vault">,
  db: Db,
  subjectId: string,
  table: string,
  recordId: string,
) {
  return (column: string, value: string) =>
    deps.vault.encryptField(db, {
      subjectId,
      purpose: "customer_dossier",
      table,
      column,
      recordId,
      value,
    });
}

function opener(
  deps: Pick<DossierDeps, "vault" | "db">,
  subjectId: string | null,
  table: string,
  recordId: string,
) {
  return async (column: string, ciphertext: string | null): Promise<string | null> => {
    if (!subjectId || !ciphertext) return null;
    const value = await deps.vault.decryptField(deps.db, {
      subjectId,
      purpose: "customer_dossier",
      table,
      column,
      recordId,
      ciphertext,
    });
    return isErased(value) ? null : value;
  };
}

export interface DossierItemInput {
  customerId: string;
  subjectId: string;
  kind: DossierItemKind;
  value: string;
  note?: string | undefined;
  source: string;
  recordedOn: string;
  staffId: string;
}

export async function addDossierItem(deps: DossierDeps, input: DossierItemInput): Promise<string> {
  return deps.db.transaction(async (tx) => {
    await assertContact(tx, input.customerId, input.subjectId);
    const id = randomUUID();
    const seal = sealer(deps, tx, input.subjectId, "dossier_items", id);
    await tx.insert(dossierItems).values({
      id,
      subjectId: input.subjectId,
      ...(await retentionFor(tx, deps.dataMap, dossierItemRecordType, {
        subjectId: input.subjectId,
        key: input.customerId,
      })),
      customerId: input.customerId,
      kind: input.kind,
      valueCiphertext: await seal("value_ciphertext", input.value),
      noteCiphertext: input.note ? await seal("note_ciphertext", input.note) : null,
      source: input.source,
      recordedOn: input.recordedOn,
      createdBy: input.staffId,
      createdAt: deps.clock.now(),
    });
    await audit(
      tx,
      deps,
      input.staffId,
      "customer.dossier_item_added",
      input.subjectId,
      dossierItemRecordType.id,
      id,
    );
    return id;
  });
}

export interface DossierItemView {
  id: string;
  subjectId: string | null;
  kind: DossierItemKind;
  value: string | null;
  note: string | null;
  source: string;
  recordedOn: string;
  retainUntil: Date | null;
}

export async function listDossier(
  deps: Pick<DossierDeps, "db" | "vault">,
  customerId: string,
): Promise<DossierItemView[]> {
  const rows = await deps.db
    .select()
    .from(dossierItems)
    .where(eq(dossierItems.customerId, customerId))
    .orderBy(asc(dossierItems.kind), desc(dossierItems.recordedOn));
  await deps.vault.preloadKeys(
    deps.db,
    "customer_dossier",
    rows.flatMap((row) => (row.subjectId ? [row.subjectId] : [])),
  );
  const items: DossierItemView[] = [];
  for (const row of rows) {
    const open = opener(deps, row.subjectId, "dossier_items", row.id);
    items.push({
      id: row.id,
      subjectId: row.subjectId,
      kind: row.kind,
      value: await open("value_ciphertext", row.valueCiphertext),
      note: await open("note_ciphertext", row.noteCiphertext),
      source: row.source,
      recordedOn: row.recordedOn,
      retainUntil: row.retainUntil,
    });
  }
  return items;
}

/** A support question; its title passes the sensitive-data hook before it is stored. */
export async function openTicket(
  deps: DossierDeps,
  input: { customerId: string; subjectId: string; title: string; staffId: string; locale: Locale },
): Promise<{ id: string; number: string }> {
  const title = refuseSpecialCategories(
    await deps.sensitiveData(input.title, input.locale),
    "title",
    input.locale,
  );
  return deps.db.transaction(async (tx) => {
    await assertContact(tx, input.customerId, input.subjectId);
    const id = randomUUID();
    const number = newShortReference("T");
    await tx.insert(supportTickets).values({
      id,
      subjectId: input.subjectId,
      ...(await retentionFor(tx, deps.dataMap, supportTicketRecordType, {
        subjectId: input.subjectId,
        key: input.customerId,
      })),
      customerId: input.customerId,
      number,
      status: "open",
      titleCiphertext: await sealer(
        deps,
        tx,
        input.subjectId,
        "support_tickets",
        id,
      )("title_ciphertext", title),
      createdBy: input.staffId,
      createdAt: deps.clock.now(),
    });
    await audit(
      tx,
      deps,
      input.staffId,
      "customer.ticket_opened",
      input.subjectId,
      supportTicketRecordType.id,
      id,
    );
    return { id, number };
  });
}

/** A note on a ticket, through the sensitive-data hook like every free text of a person. */
export async function addTicketNote(
  deps: DossierDeps,
  input: { ticketId: string; body: string; staffId: string; locale: Locale },
): Promise<string | undefined> {
  const body = refuseSpecialCategories(
    await deps.sensitiveData(input.body, input.locale),
    "body",
    input.locale,
  );
  return deps.db.transaction(async (tx) => {
    const [ticket] = await tx
      .select()
      .from(supportTickets)
      .where(eq(supportTickets.id, input.ticketId));
    if (!ticket?.subjectId) return undefined;
    const id = randomUUID();
    await tx.insert(supportTicketNotes).values({
      id,
      subjectId: ticket.subjectId,
      ...(await retentionFor(tx, deps.dataMap, supportTicketNoteRecordType, {
        subjectId: ticket.subjectId,
        key: ticket.customerId,
      })),
      ticketId: ticket.id,
      customerId: ticket.customerId,
      bodyCiphertext: await sealer(
        deps,
        tx,
        ticket.subjectId,
        "support_ticket_notes",
        id,
      )("body_ciphertext", body),
      authorStaffId: input.staffId,
      createdAt: deps.clock.now(),
    });
    await audit(
      tx,
      deps,
      input.staffId,
      "customer.ticket_note_added",
      ticket.subjectId,
      supportTicketNoteRecordType.id,
      id,
    );
    return id;
  });
}

export async function setTicketStatus(
  deps: Pick<DossierDeps, "db" | "clock">,
  input: { ticketId: string; status: TicketStatus; staffId: string },
): Promise<boolean> {
  const now = deps.clock.now();
  const rows = await deps.db
    .update(supportTickets)
    .set({ status: input.status, closedAt: input.status === "closed" ? now : null })
    .where(eq(supportTickets.id, input.ticketId))
    .returning({ id: supportTickets.id });
  return rows.length > 0;
}

export interface TicketView {
  id: string;
  number: string;
  status: TicketStatus;
  title: string | null;
  createdAt: Date;
  closedAt: Date | null;
  notes: { id: string; body: string | null; authorStaffId: string; createdAt: Date }[];
}

export async function listTickets(
  deps: Pick<DossierDeps, "db" | "vault">,
  customerId: string,
): Promise<TicketView[]> {
  const tickets = await deps.db
    .select()
    .from(supportTickets)
    .where(eq(supportTickets.customerId, customerId))
    .orderBy(desc(supportTickets.createdAt));
  const notes =
    tickets.length === 0
      ? []
      : await deps.db
          .select()
          .from(supportTicketNotes)
          .where(
            inArray(
              supportTicketNotes.ticketId,
              tickets.map((ticket) => ticket.id),
            ),
          )
          .orderBy(asc(supportTicketNotes.createdAt));
  await deps.vault.preloadKeys(
    deps.db,
    "customer_dossier",
    tickets.flatMap((ticket) => (ticket.subjectId ? [ticket.subjectId] : [])),
  );
  const views: TicketView[] = [];
  for (const ticket of tickets) {
    const mine = [];
    for (const note of notes.filter((candidate) => candidate.ticketId === ticket.id)) {
      mine.push({
        id: note.id,
        body: await opener(
          deps,
          note.subjectId,
          "support_ticket_notes",
          note.id,
        )("body_ciphertext", note.bodyCiphertext),
        authorStaffId: note.authorStaffId,
        createdAt: note.createdAt,
      });
    }
    views.push({
      id: ticket.id,
      number: ticket.number,
      status: ticket.status,
      title: await opener(
        deps,
        ticket.subjectId,
        "support_tickets",
        ticket.id,
      )("title_ciphertext", ticket.titleCiphertext),
      createdAt: ticket.createdAt,
      closedAt: ticket.closedAt,
      notes: mine,
    });
  }
  return views;
}

/**
 * "Indien je geen lopende overeenkomst hebt ... kan je ook een verzoek indienen deze gegevens
 * eerder te wissen": erases the customer-dossier data of each of the customer's people now;
 * while an agreement runs, the answer says so and nothing goes.
 */
export async function eraseDossierEarly(
  deps: DossierDeps,
  input: { customerId: string; actor: AuditActor },
): Promise<ErasureResult[]> {
  const contacts = await deps.db
    .select({ subjectId: customerContacts.subjectId })
    .from(customerContacts)
    .where(eq(customerContacts.customerId, input.customerId));
  const results: ErasureResult[] = [];
  for (const { subjectId } of contacts) {
    if (!subjectId) continue;
    results.push(
      ...(await eraseSubject(deps, {
        subjectId,
        scope: { purposes: ["customer_dossier"] },
        actor: input.actor,
      })),
    );
  }
  return results;
}

function audit(
  db: Db,
  deps: Pick<DossierDeps, "clock">,
  staffId: string,
  action: string,
  subjectId: string,
  recordType: string,
  recordId: string,
) {
  return appendAudit(db, {
    clock: deps.clock,
    entry: {
      actor: { type: "staff", id: staffId },
      action,
      subjectId,
      recordType,
      recordId,
      purpose: "customer_dossier",
    },
  });
}
