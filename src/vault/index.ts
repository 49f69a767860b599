export { ERASED, type Erased, isErased } from "./erased.ts";
export {
  type ErasureLedgerEntry,
  erasureLedgerPath,
  readErasureLedger,
} from "./erasure-ledger.ts";
export {
  addMasterKeyToFile,
  dropMasterKeysFromFile,
  generateMasterKey,
  type LoadedKeyring,
  loadMasterKeyring,
  type MasterKeyConfig,
  type MasterKeyFile,
  MasterKeyring,
  masterKeyFilePath,
  masterKeyId,
  readMasterKeyFile,
  writeMasterKeyFile,
} from "./master-key.ts";
export {
  nameTokens,
  normaliseEmail,
  normalisePhone,
  normaliseTeamviewerId,
  normaliseVat,
} from "./normalise.ts";
export { isVaultPurpose, type VaultPurpose, vaultPurposes } from "./purposes.ts";
export type {
  ErasureReplayProgress,
  ReplayErasureLedgerOptions,
  ReplayReport,
} from "./replay-erasure-ledger.ts";
export {
  masterKeyUsage,
  type RotateMasterKeyOptions,
  type RotationProgress,
  type RotationReport,
} from "./rotate-master-key.ts";
export { type IdentifierKind, identifierKinds } from "./vault.tables.ts";
export {
  type FieldPlace,
  type OpenVaultOptions,
  openVault,
  type ShredManyOptions,
  type ShredOptions,
  type SubjectDetails,
  type SubjectIdentifiers,
  Vault,
  type VaultConfig,
} from "./vault.ts";
export { VaultIntegrityError } from "./vault-integrity-error.ts";
