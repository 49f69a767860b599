import { asc, eq } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import { customerContacts } from "./customers.tables.ts";

/** One of a customer's people, as staff choose among them; the name is null once erased. */
export interface CustomerContact {
  id: string;
  subjectId: string;
  name: string | null;
  role: string | null;
}

/**
 * The customer's people with their decrypted names, oldest first. The caller audits the read:
 * it knows why the names are shown.
 */
export async function contactsOfCustomer(
  deps: { db: Db; vault: Vault },
  customerId: string,
): Promise<CustomerContact[]> {
  const rows = await deps.db
    .select()
    .from(customerContacts)
    .where(eq(customerContacts.customerId, customerId))
    .orderBy(asc(customerContacts.createdAt), asc(customerContacts.id));
  const contacts: CustomerContact[] = [];
  for (const row of rows) {
    // A contact whose subject link was cut by an erasure can no longer be chosen.
    if (!row.subjectId) continue;
    const name = await deps.vault.decryptField(deps.db, {
      subjectId: row.subjectId,
      purpose: "customer_dossier",
      table: "customer_contacts",
      column: "name_ciphertext",
      recordId: row.id,
      ciphertext: row.nameCiphertext,
    });
    contacts.push({
      id: row.id,
      subjectId: row.subjectId,
      name: isErased(name) ? null : name,
      role: row.role,
    });
  }
  return contacts;
}
