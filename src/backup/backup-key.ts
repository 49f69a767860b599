import { hkdfSync, randomBytes } from "node:crypto";

export const backupSaltBytes = 32;

/** Bound into the derivation, so a key made for backups is useless for anything else. */
const backupKeyInfo = "wits-privacy backup v1";

/**
 * The key a backup is encrypted with: derived from the master key and the backup's own random
 * salt (kept in its manifest), never the master key itself, so every backup has its own key and
 * nothing in the file helps against the master key.
 */
export function deriveBackupKey(masterKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, salt, backupKeyInfo, 32));
}

export function newBackupSalt(): Buffer {
  return randomBytes(backupSaltBytes);
}
