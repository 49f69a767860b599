import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import type { RetentionReason } from "../../datamap/index.ts";
import { notQuarantined } from "../scanner/index.ts";
import { type ContactStatus, contactRequests } from "./contact.tables.ts";

/** A contact request as a customer's page lists it: no decrypted field, so nothing to audit. */
export interface CustomerContactRequest {
  id: string;
  subjectId: string | null;
  reference: string;
  status: ContactStatus;
  createdAt: Date;
  retainUntil: Date | null;
  retentionReason: RetentionReason;
}

/** The requests linked to a customer, newest first. */
export async function contactRequestsOfCustomer(
  db: Db,
  customerId: string,
  limit = 200,
): Promise<CustomerContactRequest[]> {
  return db
    .select({
      id: contactRequests.id,
      subjectId: contactRequests.subjectId,
      reference: contactRequests.reference,
      status: contactRequests.status,
      createdAt: contactRequests.createdAt,
      retainUntil: contactRequests.retainUntil,
      retentionReason: contactRequests.retentionReason,
    })
    .from(contactRequests)
    .where(and(eq(contactRequests.customerId, customerId), notQuarantined(contactRequests.id)))
    .orderBy(desc(contactRequests.createdAt))
    .limit(limit);
}
