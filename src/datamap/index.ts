export { addPeriod } from "./add-period.ts";
export {
  type AnchorEventDeps,
  type AnchorEventInput,
  publishAnchorEvent,
  refreshConditionHolders,
  refreshRetention,
} from "./anchor-events.ts";
export { applyPolicyRetention, ruleHash } from "./apply-policy-retention.ts";
export { type RetentionTarget, retentionFor } from "./compute-retention.ts";
export {
  type ConditionCheck,
  DataMap,
  type DataMapOptions,
  type EffectiveRule,
} from "./data-map.ts";
export {
  exportPackages,
  legalHolds,
  processingRestrictions,
  type RestrictionKind,
  restrictionKinds,
  retentionAnchors,
  retentionRulesApplied,
} from "./datamap.tables.ts";
export {
  type EraseDeps,
  type EraseSubjectInput,
  type ErasureResult,
  type ErasureScope,
  eraseSubject,
  type KeptReason,
} from "./erase-subject.ts";
export {
  describePeriod,
  describeReason,
  type ExplainInput,
  explainRetention,
  isoDay,
  type RetentionExplanation,
} from "./explain-retention.ts";
export { exportPackageRecordType } from "./export-package.records.ts";
export {
  activeLegalHolds,
  type LegalHold,
  LegalHoldError,
  listLegalHolds,
  type PlaceHoldInput,
  placeLegalHold,
  releaseLegalHold,
} from "./legal-holds.ts";
export {
  objectToProcessing,
  type PurposeChoice,
  PurposeChoiceError,
  withdrawConsent,
} from "./object-to-processing.ts";
export {
  activeRestrictions,
  liftRestriction,
  mayProcess,
  type ProcessingDecision,
  type ProcessingRestriction,
  type ProcessingUse,
  type RestrictInput,
  recordRestriction,
} from "./processing-restrictions.ts";
export {
  type FieldValue,
  findSubjectRecords,
  type HeldRecord,
  type RecordsOfType,
  type RightsDeps,
  readRecord,
  readSubjectRecords,
  type SubjectRecords,
} from "./read-subject-records.ts";
export { uuidArray } from "./record-sql.ts";
export {
  defineRecordType,
  type ErasureBlocker,
  type ErasureMethod,
  type FieldKind,
  type OwnRetention,
  type RecordField,
  type RecordType,
  type RecordTypeDefinition,
} from "./record-type.ts";
export {
  openRectifiedValue,
  RectificationError,
  type RectifyInput,
  rectifyRecord,
} from "./rectify-record.ts";
export { retentionColumns, retentionIndexes } from "./retention-columns.ts";
export type {
  Period,
  RetentionCode,
  RetentionConditionName,
  RetentionReason,
  RetentionState,
} from "./retention-reason.ts";
export {
  eraseRows,
  planSweep,
  type SweepDeps,
  type SweepOptions,
  type SweepPlanRow,
  type SweepProgress,
  type SweepReport,
  sweepRetention,
} from "./retention-sweep.ts";
export { forgetEmptySubjects, shredEmptiedKeys } from "./subject-records.ts";
