import { and, eq, isNull } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import { exportPackages } from "../datamap.tables.ts";
import { exportPackageRecordType } from "../export-package.records.ts";
import { downloadTokenHash, isDownloadToken } from "./download-token.ts";

export const exportFiles = ["pdf", "html", "zip"] as const;
export type ExportFile = (typeof exportFiles)[number];

const fileColumns = {
  pdf: exportPackages.pdfCiphertext,
  html: exportPackages.reportCiphertext,
  zip: exportPackages.zipCiphertext,
} as const satisfies Record<ExportFile, unknown>;

export interface DownloadDeps {
  db: Db;
  vault: Vault;
  clock: Clock;
}

export interface PackageRequest {
  packageId: string;
  /** As the link carries it; anything else than a valid token is simply not found. */
  token: unknown;
}

export interface AvailablePackage {
  status: "available";
  packageId: string;
  subjectId: string;
  locale: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * What a download link leads to. A wrong token and an unknown id are the same "not found", so
 * the answer never tells a stranger whether a package exists.
 */
export type PackageAccess =
  | { status: "not_found" }
  | { status: "expired"; expiresAt: Date }
  /** The person's rights key was shredded: the package is unreadable for good. */
  | { status: "erased" }
  | AvailablePackage;

export type FileAccess =
  | Exclude<PackageAccess, AvailablePackage>
  | (AvailablePackage & { bytes: Buffer });

/** For the download page: whether the link works, and until when. Records no download. */
export async function openExportPackage(
  deps: DownloadDeps,
  request: PackageRequest,
): Promise<PackageAccess> {
  const access = await readPackageFile(deps, request, "html");
  if (access.status !== "available") return access;
  const { bytes: _contents, ...available } = access;
  return available;
}

/** One file of the package, decrypted; the first download is dated and every one is audited. */
export async function downloadExportFile(
  deps: DownloadDeps,
  request: PackageRequest & { file: ExportFile },
): Promise<FileAccess> {
  const access = await readPackageFile(deps, request, request.file);
  if (access.status !== "available") return access;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const first = await tx
      .update(exportPackages)
      .set({ downloadedAt: now })
      .where(and(eq(exportPackages.id, access.packageId), isNull(exportPackages.downloadedAt)))
      .returning({ id: exportPackages.id });
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        // The link is the person's: whoever holds its secret acts as them.
        actor: { type: "subject", id: access.subjectId },
        action: "rights.export_downloaded",
        subjectId: access.subjectId,
        recordType: exportPackageRecordType.id,
        recordId: access.packageId,
        purpose: exportPackageRecordType.purpose,
        details: { file: request.file, first: first.length > 0 },
      },
    });
  });
  return access;
}

async function readPackageFile(
  { db, vault, clock }: DownloadDeps,
  { packageId, token }: PackageRequest,
  file: ExportFile,
): Promise<FileAccess> {
  if (!isDownloadToken(token)) return { status: "not_found" };
  const column = fileColumns[file];
  // Found by the token's keyed hash alone, then matched to the id: see downloadTokenHash.
  const [row] = await db
    .select({
      id: exportPackages.id,
      subjectId: exportPackages.subjectId,
      locale: exportPackages.locale,
      createdAt: exportPackages.createdAt,
      expiresAt: exportPackages.expiresAt,
      ciphertext: column,
    })
    .from(exportPackages)
    .where(eq(exportPackages.tokenHash, downloadTokenHash(vault, token)));
  if (!row || row.id !== packageId.toLowerCase() || !row.subjectId) return { status: "not_found" };
  if (row.expiresAt.getTime() <= clock.now().getTime()) {
    return { status: "expired", expiresAt: row.expiresAt };
  }
  const bytes = await vault.decryptBytes(db, {
    subjectId: row.subjectId,
    purpose: exportPackageRecordType.purpose,
    table: exportPackageRecordType.tableName,
    column: column.name,
    recordId: row.id,
    ciphertext: row.ciphertext,
  });
  if (isErased(bytes)) return { status: "erased" };
  return {
    status: "available",
    packageId: row.id,
    subjectId: row.subjectId,
    locale: row.locale,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    bytes,
  };
}
