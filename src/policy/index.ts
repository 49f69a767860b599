export { defaultPolicyFile, loadActivePolicy, PolicyError } from "./active-policy.ts";
export {
  type Art30Entry,
  type Art30Record,
  art30Csv,
  art30Json,
  art30Labels,
  art30ProcessorText,
  art30Record,
  processorTransferText,
} from "./art30-record.ts";
export { type CrossCheckFinding, crossCheckPolicy } from "./cross-check.ts";
export { eeaCountries, isInEea } from "./eea-countries.ts";
export { formatPath } from "./format-path.ts";
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
  type Processor,
  type Purpose,
  policySchema,
  type RetentionRule,
  type TransferBasis,
  transferBases,
} from "./policy.schema.ts";
export { type PolicyNotice, pendingPolicyNotices, queuePolicyNotice } from "./policy-notices.ts";
export {
  activePolicyVersion,
  activeVersionHash,
  contentHashOf,
  findPolicyVersion,
  listPolicyVersions,
  PolicyStore,
  type PolicyVersionRow,
} from "./policy-store.ts";
export { processorDataLabels } from "./processor-data-labels.ts";
export { type RightKind, rightKinds } from "./right-kinds.ts";
