export { defaultPolicyFile, loadActivePolicy, PolicyError } from "./active-policy.ts";
export {
  type Art30Entry,
  type Art30Record,
  art30Csv,
  art30Json,
  art30Labels,
  art30Record,
} from "./art30-record.ts";
export {
  loadPolicyFile,
  type PolicyLoadResult,
  type PolicyProblem,
  parsePolicy,
} from "./load-policy.ts";
export {
  type AnchorEvent,
  anchorEvents,
  type LegalBasis,
  type LocalizedText,
  legalBases,
  type Policy,
  type Purpose,
  policySchema,
  type RetentionRule,
} from "./policy.schema.ts";
export { type PolicyNotice, pendingPolicyNotices, queuePolicyNotice } from "./policy-notices.ts";
export {
  activeVersionHash,
  contentHashOf,
  findPolicyVersion,
  listPolicyVersions,
  PolicyStore,
  type PolicyVersionRow,
} from "./policy-store.ts";
export { type RightKind, rightKinds } from "./right-kinds.ts";
