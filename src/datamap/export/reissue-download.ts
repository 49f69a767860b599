import { and, eq, gt, isNotNull } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { isUuid } from "../../core/is-uuid.ts";
import type { Vault } from "../../vault/index.ts";
import { exportPackages } from "../datamap.tables.ts";
import { exportPackageRecordType } from "../export-package.records.ts";
import { downloadTokenHash, newDownloadToken } from "./download-token.ts";

export interface ReissuedLink {
  /** The new link's secret: only its keyed hash is stored, the old link stops working. */
  token: string;
  expiresAt: Date;
}

/**
 * A fresh download link for a package that still exists and has not expired, for the person's
 * status page: tokens are never stored, so the one mailed cannot be shown again. The package
 * keeps its expiry; a new link does not make it live longer. Undefined for anything else.
 */
export async function reissuePackageLink(
  deps: { db: Db; vault: Vault; clock: Clock },
  packageId: string,
): Promise<ReissuedLink | undefined> {
  if (!isUuid(packageId)) return undefined;
  const token = newDownloadToken();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(exportPackages)
      .set({ tokenHash: downloadTokenHash(deps.vault, token) })
      .where(
        and(
          eq(exportPackages.id, packageId.toLowerCase()),
          gt(exportPackages.expiresAt, now),
          isNotNull(exportPackages.subjectId),
        ),
      )
      .returning({
        id: exportPackages.id,
        subjectId: exportPackages.subjectId,
        expiresAt: exportPackages.expiresAt,
      });
    if (!row?.subjectId) return undefined;
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        // Asked from the status page, whose link only the person was sent.
        actor: { type: "subject", id: row.subjectId },
        action: "rights.export_link_reissued",
        subjectId: row.subjectId,
        recordType: exportPackageRecordType.id,
        recordId: row.id,
        purpose: exportPackageRecordType.purpose,
      },
    });
    return { token, expiresAt: row.expiresAt };
  });
}
