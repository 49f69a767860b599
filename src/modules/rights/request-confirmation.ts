import { and, eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { isLocale } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { requestReceivedMail } from "./portal-mails.ts";
import { answerDeadline } from "./request-deadline.ts";
import { openRequestRetention } from "./request-intake.ts";
import { openRequestDetails, type RightsRequestRow } from "./request-store.ts";
import { confirmTokenHash, isConfirmToken, statusUrl } from "./request-token.ts";
import { rightsRequestRecordType } from "./rights.records.ts";
import { rightsRequests } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

export type ConfirmDeps = Pick<RightsDeps, "db" | "clock" | "vault" | "policy"> & {
  config: Pick<Config, "PUBLIC_URL" | "MAIL_FROM">;
};

/**
 * What a confirmation link is worth. A used link is as unknown as a forged one: its hash was
 * cleared when it was used, which is what makes it single use.
 */
export type ConfirmLink =
  | { status: "valid"; request: RightsRequestRow }
  | { status: "expired" }
  | { status: "invalid" };

export type ConfirmOutcome =
  | { status: "confirmed"; requestId: string; idCopyRequired: boolean }
  | { status: "expired" }
  | { status: "invalid" };

/** Looks a link up without changing anything: what the page behind a GET may do. */
export async function checkConfirmLink(
  deps: Pick<RightsDeps, "db" | "clock" | "vault">,
  token: unknown,
): Promise<ConfirmLink> {
  if (!isConfirmToken(token)) return { status: "invalid" };
  const [request] = await deps.db
    .select()
    .from(rightsRequests)
    .where(eq(rightsRequests.confirmTokenHash, confirmTokenHash(deps.vault, token)));
  if (request?.status !== "unconfirmed" || !request.subjectId) {
    return { status: "invalid" };
  }
  // An unconfirmed request lives 7 days; the sweep may not have run yet.
  if (request.retainUntil && request.retainUntil <= deps.clock.now()) return { status: "expired" };
  return { status: "valid", request };
}

/**
 * The person proved they read mail at the address: from now the request counts as received and
 * its deadline runs. Without an ID requirement that proof is the verification; with one, the
 * request waits for the ID copy. The change, its audit entry and the receipt mail commit together.
 */
export async function confirmRequest(
  deps: ConfirmDeps,
  input: { token: unknown },
): Promise<ConfirmOutcome> {
  const link = await checkConfirmLink(deps, input.token);
  if (link.status !== "valid") return link;
  const found = link.request;
  const now = deps.clock.now();
  const policy = deps.policy();
  const deadlineAt = answerDeadline(now, policy.rights.answerDays);
  const verified = !found.idCopyRequired;
  return deps.db.transaction(async (tx): Promise<ConfirmOutcome> => {
    // Conditional on the hash still being there: of two clicks at once, one confirms.
    const [request] = await tx
      .update(rightsRequests)
      .set({
        confirmTokenHash: null,
        status: verified ? "verified" : "received",
        receivedAt: now,
        deadlineAt,
        retainUntil: null,
        retentionReason: openRequestRetention(deps),
        ...(verified ? { verification: "email_link" as const, verifiedAt: now } : {}),
        updatedAt: now,
      })
      .where(
        and(
          eq(rightsRequests.id, found.id),
          eq(rightsRequests.confirmTokenHash, found.confirmTokenHash ?? ""),
        ),
      )
      .returning();
    if (!request?.subjectId) return { status: "invalid" };
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "subject", id: request.subjectId },
        action: "rights.request_confirmed",
        subjectId: request.subjectId,
        recordType: rightsRequestRecordType.id,
        recordId: request.id,
        purpose: "rights",
        details: { status: request.status, idCopyRequired: request.idCopyRequired },
      },
    });
    await mailReceipt({ ...deps, db: tx }, request, deadlineAt);
    return { status: "confirmed", requestId: request.id, idCopyRequired: request.idCopyRequired };
  });
}

async function mailReceipt(
  deps: ConfirmDeps & { db: Db },
  request: RightsRequestRow,
  deadlineAt: Date,
): Promise<void> {
  const { email } = await openRequestDetails(deps.db, deps.vault, request);
  // Erased between the click and now: there is nobody left to write to.
  if (!email || !request.subjectId) return;
  await enqueueMail(deps.db, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: requestReceivedMail({
      locale: isLocale(request.locale) ? request.locale : "nl",
      to: email,
      subjectId: request.subjectId,
      policy: deps.policy(),
      reference: request.reference,
      rights: request.rights,
      deadlineAt,
      statusLink: statusUrl(deps.config.PUBLIC_URL, deps.vault, request.id),
      idCopyNeeded: request.idCopyRequired,
    }),
  });
}
