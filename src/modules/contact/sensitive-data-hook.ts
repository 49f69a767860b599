/**
 * Intake calls the scanner's hook at the one place where it must run; the types live with the
 * scanner, and are re-exported here for the modules that import them from contact.
 */
export {
  type IntakeScreening,
  mergeScans,
  nothingScreened,
  passThroughSensitiveData,
  type QuarantineHook,
  refuseSpecialCategories,
  type ScannedText,
  type SensitiveDataFinding,
  type SensitiveDataHook,
} from "../scanner/sensitive-data.ts";
