import type { Config } from "../core/config.ts";
import {
  loadMasterKeyring,
  type MasterKeyring,
  masterKeyFilePath,
  readMasterKeyFile,
} from "../vault/index.ts";
import { BackupError } from "./backup-error.ts";

/**
 * The keyring for backup and restore. Unlike a server start, a missing key file is not
 * generated: a fresh key could neither read the database nor any backup of it, and on a new
 * machine it would only hide the real fix, which is copying the key backup into place.
 */
export async function loadBackupKeyring(
  config: Config,
): Promise<{ keyring: MasterKeyring; warning: string | undefined }> {
  if (!config.WITS_MASTER_KEY && !config.DATABASE_URL) {
    const file = masterKeyFilePath(config);
    if (!(await readMasterKeyFile(file))) {
      throw new BackupError(
        `There is no master key file ${file}: copy your key backup there (backups and the database are unreadable without it), or set WITS_MASTER_KEY`,
      );
    }
  }
  return loadMasterKeyring(config);
}
