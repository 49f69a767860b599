import type { FastifyInstance } from "fastify";
import { registerQuarantineAdminRoutes } from "./quarantine-admin.routes.ts";
import type { ScannerDeps } from "./scanner-deps.ts";

export type { Finding } from "./detect/finding.ts";
export { normaliseText } from "./detect/normalise.ts";
export { type ScanOptions, scanText } from "./detect/scan-text.ts";
export { explainFinding } from "./explain.ts";
export { sensitiveDataHandling } from "./handling-text.ts";
export {
  deleteQuarantined,
  expireQuarantines,
  findQuarantine,
  type HoldInput,
  type HoldOutcome,
  heldAsMinor,
  heldRecordIds,
  holdRecord,
  listQuarantines,
  lockHeld,
  notQuarantined,
  type Quarantine,
  releaseQuarantine,
} from "./quarantine.ts";
export {
  type QuarantineExpiryJobDeps,
  quarantineExpiryJob,
} from "./quarantine-expiry.job.ts";
export { redactFindings } from "./redact.ts";
export { recordQuarantines, storedDataScans } from "./scanner.tables.ts";
export type { ScannerDeps } from "./scanner-deps.ts";
export {
  actionFor,
  applySensitiveDataPolicy,
  type IntakeScreening,
  mergeScans,
  nothingScreened,
  passThroughSensitiveData,
  type QuarantineHook,
  refuseSpecialCategories,
  type ScannedText,
  type SensitiveDataFinding,
  type SensitiveDataHook,
  sensitiveDataHook,
} from "./sensitive-data.ts";
export { type StoredScanJobDeps, storedScanJob } from "./stored-scan.job.ts";
export {
  latestStoredScan,
  requestStoredScan,
  runStoredScan,
  type StoredScan,
  type StoredScanProgress,
  type StoredScanRunOptions,
} from "./stored-scan.ts";
export { type StoredScanReport, storedScanReport } from "./stored-scan-report.ts";

/** The statement's "bijzondere persoonsgegevens": the quarantine and the scan of stored data. */
export function registerScannerModule(app: FastifyInstance, deps: ScannerDeps): void {
  registerQuarantineAdminRoutes(app, deps);
}
