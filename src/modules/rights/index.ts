import type { FastifyInstance } from "fastify";
import { registerExecutionRoutes } from "./execution.routes.ts";
import { registerExportRoutes } from "./export.routes.ts";
import { registerPortalRoutes } from "./portal.routes.ts";
import { registerRightsAdminRoutes } from "./rights-admin.routes.ts";
import type { RightsDeps } from "./rights-deps.ts";

export { storeIdCopy } from "./id-copy-store.ts";
export type { PortalRequest } from "./portal.schema.ts";
export { submitPortalRequest } from "./portal-submission.ts";
export { confirmRequest } from "./request-confirmation.ts";
export {
  answerDeadline,
  deadlineState,
  effectiveDeadline,
  extendedDeadline,
} from "./request-deadline.ts";
export { createRequest, type NewRequestInput } from "./request-intake.ts";
export { rightsIdCopyRecordType, rightsRequestRecordType } from "./rights.records.ts";
export { type RequestStatus, requestStatuses, rightsRequests } from "./rights.tables.ts";
export type { RightsDeps, RightsEffects } from "./rights-deps.ts";
export { rightsRemindersJob } from "./rights-reminders.job.ts";

/**
 * The statement's rights: the person's portal (/privacy/request), the privacy officer's queue
 * (/admin/rights) with the execution of each right and the reply letter, and the download of
 * access and portability packages.
 */
export function registerRightsModule(app: FastifyInstance, deps: RightsDeps): void {
  registerExportRoutes(app, { db: deps.db, vault: deps.vault, clock: deps.clock });
  registerPortalRoutes(app, deps);
  registerRightsAdminRoutes(app, deps);
  registerExecutionRoutes(app, deps);
}
