export { AppError, type ErrorCode, errorStatus, type FieldProblem } from "./app-error.ts";
export type { SiteIdentity } from "./augment.ts";
export { registerErrorHandling, sendError, wantsJson } from "./error-handler.tsx";
export { registerHealth } from "./health.ts";
export { Layout, type PageContext, pageContext, sendPage } from "./layout.tsx";
export { LOCALE_COOKIE, registerLocale } from "./locale.ts";
export { csrfToken, registerSecurity } from "./security.ts";
