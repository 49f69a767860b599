import type { FastifyInstance } from "fastify";
import { registerConsentAdminRoutes } from "./consent-admin.routes.ts";
import { registerConsentApiRoutes } from "./consent-api.routes.ts";
import type { ConsentDeps } from "./consent-deps.ts";
import { registerConsentScriptRoutes } from "./consent-script.routes.ts";

export { consentRecordType } from "./consent.records.ts";
export { consentRecords } from "./consent.tables.ts";
export {
  type ConsentCookie,
  consentCookieName,
  formatConsentCookie,
  parseConsentCookie,
} from "./consent-cookie.ts";
export type { ConsentDeps } from "./consent-deps.ts";
export { linkConsentToSubject, lookUpConsent, recordConsentChoice } from "./consent-proof.ts";
export { cookieScanJob } from "./cookie-scan.job.ts";
export { CookieScanError, defaultChromiumPath, scanCookies } from "./cookie-scan.ts";
export { formatCookieScanJson, formatCookieScanText } from "./cookie-scan-report.ts";
export { inventoryVersion, optionalCategories } from "./inventory-version.ts";

/**
 * The statement's cookies: the first-party banner (/consent.js, /consent.css), proof of each
 * choice (/api/consent), and the staff lookup of a consent id.
 */
export function registerConsentModule(app: FastifyInstance, deps: ConsentDeps): void {
  registerConsentScriptRoutes(app, deps);
  registerConsentApiRoutes(app, deps);
  registerConsentAdminRoutes(app, deps);
}
