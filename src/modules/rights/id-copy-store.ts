import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import { addPeriod } from "../../datamap/index.ts";
import { isErased } from "../../vault/index.ts";
import { rightsIdCopyRecordType } from "./rights.records.ts";
import { rightsIdCopies } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** The latest an ID copy is kept when nobody decides on it (the and the DPA's limit). */
export const idCopyLifetimeDays = 30;

type StoreDeps = Pick<RightsDeps, "db" | "vault" | "clock">;

const place = (subjectId: string, recordId: string) => ({
  subjectId,
  purpose: "rights" as const,
  table: rightsIdCopyRecordType.tableName,
  column: "file_ciphertext",
  recordId,
});

/**
 * Stores the copy encrypted under the person's rights key; a new upload replaces the previous
 * one, which is destroyed in the same transaction. The caller has checked type and size.
 */
export async function storeIdCopy(
  deps: StoreDeps,
  input: { requestId: string; subjectId: string; bytes: Buffer; mediaType: string },
): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  const fileCiphertext = await deps.vault.encryptBytes(deps.db, {
    ...place(input.subjectId, id),
    value: input.bytes,
  });
  await destroyIdCopies(deps, {
    requestId: input.requestId,
    actor: { type: "subject", id: input.subjectId },
    why: "replaced",
  });
  await deps.db.insert(rightsIdCopies).values({
    id,
    subjectId: input.subjectId,
    retainUntil: addPeriod(now, { days: idCopyLifetimeDays }),
    retentionReason: { code: "expires" },
    requestId: input.requestId,
    fileCiphertext,
    mediaType: input.mediaType,
    sizeBytes: input.bytes.length,
    uploadedAt: now,
  });
  await appendAudit(deps.db, {
    clock: deps.clock,
    entry: {
      actor: { type: "subject", id: input.subjectId },
      action: "rights.id_copy_uploaded",
      subjectId: input.subjectId,
      recordType: rightsIdCopyRecordType.id,
      recordId: id,
      purpose: "rights",
      details: {
        requestId: input.requestId,
        bytes: input.bytes.length,
        mediaType: input.mediaType,
      },
    },
  });
  return id;
}

export interface IdCopy {
  id: string;
  mediaType: string;
  uploadedAt: Date;
  bytes: Buffer;
}

/** The request's current copy, decrypted, for the staff member deciding; the caller audits. */
export async function readIdCopy(deps: StoreDeps, requestId: string): Promise<IdCopy | undefined> {
  const [row] = await deps.db
    .select()
    .from(rightsIdCopies)
    .where(eq(rightsIdCopies.requestId, requestId))
    .orderBy(desc(rightsIdCopies.uploadedAt))
    .limit(1);
  if (!row?.subjectId) return undefined;
  const bytes = await deps.vault.decryptBytes(deps.db, {
    ...place(row.subjectId, row.id),
    ciphertext: row.fileCiphertext,
  });
  if (isErased(bytes)) return undefined;
  return { id: row.id, mediaType: row.mediaType, uploadedAt: row.uploadedAt, bytes };
}

/** Whether the request has a copy waiting for a decision (without decrypting it). */
export async function hasIdCopy(deps: Pick<RightsDeps, "db">, requestId: string): Promise<boolean> {
  const rows = await deps.db
    .select({ id: rightsIdCopies.id })
    .from(rightsIdCopies)
    .where(eq(rightsIdCopies.requestId, requestId))
    .limit(1);
  return rows.length > 0;
}

/**
 * Destroys every copy of the request, each destruction in the audit log. Called right after the
 * verification decision; the retention sweep destroys what is left after 30 days.
 */
export async function destroyIdCopies(
  deps: Pick<RightsDeps, "db" | "clock">,
  input: {
    requestId: string;
    actor: AuditActor;
    why: "decision_recorded" | "replaced" | "request_closed";
  },
): Promise<number> {
  const gone = await deps.db
    .delete(rightsIdCopies)
    .where(eq(rightsIdCopies.requestId, input.requestId))
    .returning({ id: rightsIdCopies.id, subjectId: rightsIdCopies.subjectId });
  for (const copy of gone) {
    await appendAudit(deps.db, {
      clock: deps.clock,
      entry: {
        actor: input.actor,
        action: "rights.id_copy_destroyed",
        ...(copy.subjectId ? { subjectId: copy.subjectId } : {}),
        recordType: rightsIdCopyRecordType.id,
        recordId: copy.id,
        purpose: "rights",
        details: { requestId: input.requestId, why: input.why },
      },
    });
  }
  return gone.length;
}
