import { and, desc, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { uuidParam } from "../../core/http/index.ts";
import { exportPackages } from "../../datamap/index.ts";
import type { RightKind } from "../../policy/index.ts";
import { expectsIdCopy } from "./id-copy-upload.ts";
import { effectiveDeadline } from "./request-deadline.ts";
import { openRequestDetails, type RightsRequestRow, readRequest } from "./request-store.ts";
import { isStatusTokenFor } from "./request-token.ts";
import {
  type RequestedRight,
  type RequestStatus,
  rightsIdCopies,
  type StepOutcome,
} from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

type StatusDeps = Pick<RightsDeps, "db" | "vault" | "clock">;

/** A package the person can still download from the status page. */
export interface StatusDownload {
  packageId: string;
  right: RightKind;
  expiresAt: Date;
}

/** Everything the status page shows; nothing else of the request leaves the database. */
export interface RequestStatusView {
  requestId: string;
  reference: string;
  status: RequestStatus;
  rights: RequestedRight[];
  receivedAt: Date | null;
  deadline: Date | null;
  extension: { until: Date; reason: string | null } | null;
  refusalReason: string | null;
  answeredAt: Date | null;
  letter: string | null;
  downloads: StatusDownload[];
  idCopy: { expected: boolean; uploadedAt: Date | null };
}

/**
 * The request a status link opens, or undefined for a malformed id, a wrong token, another
 * request's token or a request nobody confirmed yet: all the same to the visitor, so a guess
 * learns nothing. The token is a signature of the id, checked before the database is asked.
 */
export async function findByStatusLink(
  deps: StatusDeps,
  link: { requestId: string; token: unknown },
): Promise<RightsRequestRow | undefined> {
  const requestId = uuidParam(link.requestId);
  if (!requestId || !isStatusTokenFor(deps.vault, requestId, link.token)) return undefined;
  const request = await readRequest(deps.db, requestId);
  if (!request || request.status === "unconfirmed") return undefined;
  return request;
}

export async function readRequestStatus(
  deps: StatusDeps,
  request: RightsRequestRow,
): Promise<RequestStatusView> {
  const answered = request.status === "answered";
  const letter = answered ? (await openRequestDetails(deps.db, deps.vault, request)).letter : null;
  return {
    requestId: request.id,
    reference: request.reference,
    status: request.status,
    rights: request.rights,
    receivedAt: request.receivedAt,
    deadline: effectiveDeadline(request),
    extension: request.extendedUntil
      ? { until: request.extendedUntil, reason: request.extensionReason }
      : null,
    refusalReason: request.status === "refused" ? request.refusalReason : null,
    answeredAt: request.answeredAt,
    letter,
    downloads: await availableDownloads(deps, request.outcome),
    idCopy: {
      expected: expectsIdCopy(request),
      uploadedAt: await latestUpload(deps, request.id),
    },
  };
}

/** The outcome's packages that are the person's own and not expired, with their expiry. */
export async function availableDownloads(
  deps: StatusDeps,
  outcome: readonly StepOutcome[],
): Promise<StatusDownload[]> {
  // A package sent to another organisation is theirs to download: a new link for it would
  // replace the one they were sent.
  const own = outcome.filter(
    (step): step is StepOutcome & { packageId: string } =>
      typeof step.packageId === "string" &&
      uuidParam(step.packageId) !== undefined &&
      !step.transferredAt,
  );
  if (own.length === 0) return [];
  const rows = await deps.db
    .select({ id: exportPackages.id, expiresAt: exportPackages.expiresAt })
    .from(exportPackages)
    .where(
      and(
        inArray(
          exportPackages.id,
          own.map((step) => step.packageId),
        ),
        gt(exportPackages.expiresAt, deps.clock.now()),
        isNotNull(exportPackages.subjectId),
      ),
    );
  return own.flatMap((step) => {
    const row = rows.find((candidate) => candidate.id === step.packageId.toLowerCase());
    return row ? [{ packageId: row.id, right: step.right, expiresAt: row.expiresAt }] : [];
  });
}

async function latestUpload(deps: StatusDeps, requestId: string): Promise<Date | null> {
  const [copy] = await deps.db
    .select({ uploadedAt: rightsIdCopies.uploadedAt })
    .from(rightsIdCopies)
    .where(eq(rightsIdCopies.requestId, requestId))
    .orderBy(desc(rightsIdCopies.uploadedAt))
    .limit(1);
  return copy?.uploadedAt ?? null;
}
