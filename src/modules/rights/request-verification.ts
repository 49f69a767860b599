import { desc, eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import { addPeriod, type RetentionState } from "../../datamap/index.ts";
import { mailIdentityRefused } from "./admin-mails.ts";
import { destroyIdCopies, hasIdCopy } from "./id-copy-store.ts";
import { openRequestDetails, type RightsRequestRow } from "./request-store.ts";
import { rightsRequestRecordType } from "./rights.records.ts";
import { rightsIdCopies, rightsRequests, type VerificationMethod } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** The refusal reason is told to the person; long enough for a paragraph, not for a letter. */
export const refusalReasonMaxLength = 2000;

export type VerificationDecision =
  | { decision: "verified"; method: VerificationMethod }
  | { decision: "refused"; reason: string };

export type VerificationProblem =
  | "not_found"
  /** Only a received request waits for the decision; it is taken once. */
  | "already_decided"
  /** "Checked the ID copy" with no copy on file. */
  | "no_id_copy"
  /** The e-mail link proves identity only for a request made through the portal. */
  | "no_email_link"
  | "no_reason";

export type VerificationOutcome =
  | { done: "verified" | "refused"; copiesDestroyed: number; mailed: boolean }
  | { problem: VerificationProblem };

/**
 * Which methods fit the request: the ID copy only while one is on file, the e-mail link only for
 * a portal request (whose confirmation was that link). Staff may always rely on knowing the
 * customer or seeing the person, even when the policy asked for an ID copy nobody sent.
 */
export function methodsFor(
  request: Pick<RightsRequestRow, "channel">,
  idCopyWaiting: boolean,
): VerificationMethod[] {
  const methods: VerificationMethod[] = [];
  if (idCopyWaiting) methods.push("id_copy");
  if (request.channel === "portal") methods.push("email_link");
  methods.push("known_customer", "in_person");
  return methods;
}

/**
 * Records the identity decision. The ID copy is destroyed in the same transaction: once decided
 * it has no use left, and the Belgian DPA found keeping ID photos breaks data minimisation. A
 * refusal closes the request: the person is told why and where to complain, and only the proof
 * of the answer is kept from then on.
 */
export async function recordVerification(
  deps: RightsDeps,
  input: { requestId: string; staffId: string; decision: VerificationDecision },
): Promise<VerificationOutcome> {
  const { decision, staffId, requestId } = input;
  if (decision.decision === "refused") {
    const reason = decision.reason.trim();
    if (!reason || reason.length > refusalReasonMaxLength) return { problem: "no_reason" };
  }
  return deps.db.transaction(async (tx): Promise<VerificationOutcome> => {
    const [row] = await tx
      .select()
      .from(rightsRequests)
      .where(eq(rightsRequests.id, requestId))
      .for("update");
    if (!row || row.status === "unconfirmed") return { problem: "not_found" };
    if (row.status !== "received") return { problem: "already_decided" };
    if (decision.decision === "verified") {
      const allowed = methodsFor(row, await hasIdCopy({ db: tx }, requestId));
      if (!allowed.includes(decision.method)) {
        return { problem: decision.method === "id_copy" ? "no_id_copy" : "no_email_link" };
      }
    }
    const now = deps.clock.now();
    const actor = { type: "staff" as const, id: staffId };
    if (decision.decision === "verified") {
      await tx
        .update(rightsRequests)
        .set({
          status: "verified",
          verifiedAt: now,
          verifiedBy: staffId,
          verification: decision.method,
          updatedAt: now,
        })
        .where(eq(rightsRequests.id, requestId));
    } else {
      await tx
        .update(rightsRequests)
        .set({
          status: "refused",
          refusalReason: decision.reason.trim(),
          answeredAt: now,
          answeredBy: staffId,
          // A refusal is the answer: only its proof stays, as for an answered request.
          phoneCiphertext: null,
          customerNumberCiphertext: null,
          vatCiphertext: null,
          descriptionCiphertext: null,
          recipientCiphertext: null,
          confirmTokenHash: null,
          ...proofRetention(deps, now),
          updatedAt: now,
        })
        .where(eq(rightsRequests.id, requestId));
    }
    const copiesDestroyed = await destroyIdCopies(
      { db: tx, clock: deps.clock },
      { requestId, actor, why: "decision_recorded" },
    );
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor,
        action:
          decision.decision === "verified" ? "rights.identity_verified" : "rights.identity_refused",
        ...(row.subjectId ? { subjectId: row.subjectId } : {}),
        recordType: rightsRequestRecordType.id,
        recordId: requestId,
        purpose: "rights",
        details:
          decision.decision === "verified"
            ? { method: decision.method, idCopiesDestroyed: copiesDestroyed }
            : { idCopiesDestroyed: copiesDestroyed },
      },
    });
    let mailed = false;
    if (decision.decision === "refused") {
      const { email } = await openRequestDetails(tx, deps.vault, row);
      // An address whose key was shredded cannot be written to; the refusal still stands.
      if (email && row.subjectId) {
        await mailIdentityRefused(tx, deps, {
          requestId,
          reference: row.reference,
          locale: row.locale,
          email,
          subjectId: row.subjectId,
          reason: decision.reason.trim(),
        });
        mailed = true;
      }
    }
    return { done: decision.decision, copiesDestroyed, mailed };
  });
}

/** A closed request keeps its proof for the policy's period, counted from the answer. */
function proofRetention(deps: Pick<RightsDeps, "policy">, now: Date): RetentionState {
  const { years, months, days } = deps.policy().rights.proofRetention;
  const period = { years, months, days };
  return {
    retainUntil: addPeriod(now, period),
    retentionReason: {
      code: "after_event",
      event: "request.closed",
      at: now.toISOString(),
      period,
    },
  };
}

/** The copy waiting for a decision, described without decrypting it (the page shows it inline). */
export async function idCopyOnFile(
  deps: Pick<RightsDeps, "db">,
  requestId: string,
): Promise<{ uploadedAt: Date; mediaType: string } | undefined> {
  const [copy] = await deps.db
    .select({ uploadedAt: rightsIdCopies.uploadedAt, mediaType: rightsIdCopies.mediaType })
    .from(rightsIdCopies)
    .where(eq(rightsIdCopies.requestId, requestId))
    .orderBy(desc(rightsIdCopies.uploadedAt))
    .limit(1);
  return copy;
}
