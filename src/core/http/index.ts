export {
  AppError,
  codeForStatus,
  type ErrorCode,
  errorStatus,
  type FieldProblem,
} from "./app-error.ts";
export type { RouteEntry, SiteIdentity } from "./augment.ts";
export { Day } from "./day.tsx";
export { doneNotices } from "./done-notice.ts";
export { allowEmbedding } from "./embed-cors.ts";
export { registerErrorHandling, sendError, wantsJson } from "./error-handler.tsx";
export { type Fact, FactList } from "./fact-list.tsx";
export { describedBy, FieldProblemText, fieldIds, TextField } from "./form-field.tsx";
export { registerHealth } from "./health.ts";
export { Honeypot } from "./honeypot.tsx";
export { type HumanCheck, type HumanVerdict, humanCheck } from "./human-check.ts";
export { KeysetPager } from "./keyset-pager.tsx";
export { Layout, type PageContext, pageContext, sendPage } from "./layout.tsx";
export { FilterForm, SelectFilter, TextFilter } from "./list-filter.tsx";
export { LOCALE_COOKIE, registerLocale } from "./locale.ts";
export {
  type MultipartForm,
  type ReadMultipartOptions,
  readMultipartForm,
  type UploadedFile,
} from "./multipart-form.ts";
export { ScrollableTable } from "./scrollable-table.tsx";
export { csrfToken, isApi, registerSecurity, verifyMultipartCsrf } from "./security.ts";
export { uuidParam } from "./uuid-param.ts";
