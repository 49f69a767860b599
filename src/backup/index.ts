export { BackupError } from "./backup-error.ts";
export { loadBackupKeyring } from "./backup-keyring.ts";
export type { BackupManifest } from "./backup-manifest.ts";
export type { RestoreProgress, RestoreReport } from "./finish-restore.ts";
export { checkBackup, restoreBackup } from "./restore-backup.ts";
export { type BackupProgress, writeBackup } from "./write-backup.ts";
