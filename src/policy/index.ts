export { defaultPolicyFile, loadActivePolicy, PolicyError } from "./active-policy.ts";
export {
  loadPolicyFile,
  type PolicyLoadResult,
  type PolicyProblem,
  parsePolicy,
} from "./load-policy.ts";
export {
  type LegalBasis,
  legalBases,
  type Policy,
  type Purpose,
  policySchema,
} from "./policy.schema.ts";
