import { eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { mailDeadlineExtended } from "./admin-mails.ts";
import { type ExtensionProblem, extendedDeadline } from "./request-deadline.ts";
import { openRequestDetails } from "./request-store.ts";
import { rightsRequestRecordType } from "./rights.records.ts";
import { type RequestStatus, rightsRequests } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";
import { openStatuses } from "./rights-queue.ts";

/** The reason goes to the person as written: a paragraph, not a letter. */
export const extensionReasonMaxLength = 2000;

export type ExtensionRefusal =
  | ExtensionProblem
  | "not_found"
  /** Answered or refused: nothing left to extend. */
  | "closed"
  | "no_reason"
  /** The person's address is gone (key shredded): an extension nobody is told of is not one. */
  | "no_address";

export type ExtensionOutcome = { until: Date } | { problem: ExtensionRefusal };

/**
 * Extends the deadline by one or two months (GDPR Art. 12(3)): once, before the deadline, with a
 * reason the person is told in their language, in the same transaction as the change. The
 * reminders start over: the "due soon" mail sent for the old date says nothing about the new one.
 */
export async function extendRequest(
  deps: RightsDeps,
  input: { requestId: string; staffId: string; months: number; reason: string },
): Promise<ExtensionOutcome> {
  const reason = input.reason.trim();
  if (!reason || reason.length > extensionReasonMaxLength) return { problem: "no_reason" };
  return deps.db.transaction(async (tx): Promise<ExtensionOutcome> => {
    const [row] = await tx
      .select()
      .from(rightsRequests)
      .where(eq(rightsRequests.id, input.requestId))
      .for("update");
    if (!row || row.status === "unconfirmed") return { problem: "not_found" };
    if (!(openStatuses as readonly RequestStatus[]).includes(row.status) || !row.deadlineAt) {
      return { problem: "closed" };
    }
    const now = deps.clock.now();
    const extension = extendedDeadline({
      deadlineAt: row.deadlineAt,
      extendedUntil: row.extendedUntil,
      months: input.months,
      now,
    });
    if ("problem" in extension) return { problem: extension.problem };
    const { email } = await openRequestDetails(tx, deps.vault, row);
    if (!email || !row.subjectId) return { problem: "no_address" };
    await tx
      .update(rightsRequests)
      .set({
        extendedUntil: extension.until,
        extensionReason: reason,
        remindersSent: [],
        updatedAt: now,
      })
      .where(eq(rightsRequests.id, input.requestId));
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: input.staffId },
        action: "rights.deadline_extended",
        ...(row.subjectId ? { subjectId: row.subjectId } : {}),
        recordType: rightsRequestRecordType.id,
        recordId: input.requestId,
        purpose: "rights",
        details: {
          months: input.months,
          from: isoDay(row.deadlineAt),
          until: isoDay(extension.until),
        },
      },
    });
    await mailDeadlineExtended(tx, deps, {
      requestId: row.id,
      reference: row.reference,
      locale: row.locale,
      email,
      subjectId: row.subjectId,
      until: extension.until,
      reason,
    });
    return { until: extension.until };
  });
}
