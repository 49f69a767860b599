export {
  type Handed,
  maxPasswordLifetimeMs,
  memoryPasswordStore,
  type PasswordStore,
} from "./password-store.ts";
export { type CustomerSupportSession, supportSessionsOfCustomer } from "./sessions-by-customer.ts";
export { supportSessionRecordType, teamviewerIdRecordType } from "./support.records.ts";
export { registerSupportModule } from "./support.routes.ts";
export {
  endSession,
  type HandOver,
  type HandOverOutcome,
  handOverByPhone,
  handOverWithCode,
  revealPassword,
  type StartedSession,
  startSession,
} from "./support.service.ts";
export {
  type Handover,
  handovers,
  type SessionStatus,
  sessionStatuses,
  supportSessions,
  teamviewerIds,
} from "./support.tables.ts";
export type { SupportDeps, SupportModuleDeps } from "./support-deps.ts";
