import { eq } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import { type RequestedRight, rightsRequests } from "./rights.tables.ts";

export type RightsRequestRow = typeof rightsRequests.$inferSelect;

/** The encrypted columns of a request, by what they hold. */
export const sealedColumns = {
  email: "email_ciphertext",
  phone: "phone_ciphertext",
  customerNumber: "customer_number_ciphertext",
  vat: "vat_ciphertext",
  description: "description_ciphertext",
  recipient: "recipient_ciphertext",
  letter: "letter_ciphertext",
} as const;
export type SealedField = keyof typeof sealedColumns;

/** Portability to an organisation the person names. */
export interface PortabilityRecipient {
  name: string;
  email: string;
}

/** A request's personal values, decrypted; null where not given, cleared, or erased. */
export interface RequestDetails {
  email: string | null;
  phone: string | null;
  customerNumber: string | null;
  vat: string | null;
  description: string | null;
  recipient: PortabilityRecipient | null;
  letter: string | null;
}

const rowKeys: Record<SealedField, keyof RightsRequestRow> = {
  email: "emailCiphertext",
  phone: "phoneCiphertext",
  customerNumber: "customerNumberCiphertext",
  vat: "vatCiphertext",
  description: "descriptionCiphertext",
  recipient: "recipientCiphertext",
  letter: "letterCiphertext",
};

export async function readRequest(db: Db, id: string): Promise<RightsRequestRow | undefined> {
  const [row] = await db.select().from(rightsRequests).where(eq(rightsRequests.id, id));
  return row;
}

/** Encrypts one value for a request's column, under the person's rights key. */
export function sealRequestField(
  db: Db,
  vault: Vault,
  place: { subjectId: string; requestId: string; field: SealedField; value: string },
): Promise<string> {
  return vault.encryptField(db, {
    subjectId: place.subjectId,
    purpose: "rights",
    table: "rights_requests",
    column: sealedColumns[place.field],
    recordId: place.requestId,
    value: place.value,
  });
}

/** Decrypts what the request holds. The caller audits a staff read. */
export async function openRequestDetails(
  db: Db,
  vault: Vault,
  row: RightsRequestRow,
): Promise<RequestDetails> {
  const open = async (field: SealedField): Promise<string | null> => {
    const ciphertext = row[rowKeys[field]];
    if (typeof ciphertext !== "string" || !row.subjectId) return null;
    const value = await vault.decryptField(db, {
      subjectId: row.subjectId,
      purpose: "rights",
      table: "rights_requests",
      column: sealedColumns[field],
      recordId: row.id,
      ciphertext,
    });
    return isErased(value) ? null : value;
  };
  const recipient = await open("recipient");
  return {
    email: await open("email"),
    phone: await open("phone"),
    customerNumber: await open("customerNumber"),
    vat: await open("vat"),
    description: await open("description"),
    recipient: recipient ? (JSON.parse(recipient) as PortabilityRecipient) : null,
    letter: await open("letter"),
  };
}

/** Whether the request asks the right (with the purpose, for objection and withdrawal). */
export function asks(rights: readonly RequestedRight[], kind: RequestedRight["kind"]): boolean {
  return rights.some((right) => right.kind === kind);
}
