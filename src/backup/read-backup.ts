import { createHash } from "node:crypto";
import { type FileHandle, open } from "node:fs/promises";
import path from "node:path";
import type { MasterKeyring } from "../vault/index.ts";
import { BackupError } from "./backup-error.ts";
import {
  type BackupHeader,
  DamagedBackupError,
  openChunks,
  readBackupHeader,
} from "./backup-file-format.ts";
import { deriveBackupKey } from "./backup-key.ts";
import { type BackupManifest, parseManifest } from "./backup-manifest.ts";

export interface OpenedBackup {
  file: string;
  manifest: BackupManifest;
  handle: FileHandle;
  header: BackupHeader;
  key: Buffer;
  close(): Promise<void>;
}

/**
 * Opens a backup for restoring: the manifest's master key must be one this installation holds,
 * or the backup belongs to another installation (or to a key rotated away) and is refused.
 */
export async function openBackup(file: string, keyring: MasterKeyring): Promise<OpenedBackup> {
  const handle = await openFile(file);
  try {
    const header = await readBackupHeader(handle, file);
    const manifest = parseManifest(header.manifestArea, file);
    const masterKey = keyring.keys.get(manifest.masterKeyId);
    if (!masterKey) {
      const where =
        keyring.source === "file" ? keyring.file : "WITS_MASTER_KEY / WITS_MASTER_KEY_PREVIOUS";
      const fix =
        keyring.source === "file"
          ? `restore on the installation it came from, or put the key file that holds it (your key backup) at ${keyring.file}`
          : "restore on the installation it came from, or set WITS_MASTER_KEY (or WITS_MASTER_KEY_PREVIOUS) to that key";
      throw new BackupError(
        `${file} was made with master key ${manifest.masterKeyId}, which is not in ${where} (this installation has ${[...keyring.keys.keys()].join(", ")}): nothing was changed; ${fix}`,
      );
    }
    const key = deriveBackupKey(masterKey, Buffer.from(manifest.encryption.salt, "base64"));
    return { file, manifest, handle, header, key, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The dump, decrypted chunk by chunk; the last step checks size and SHA-256 against the
 * manifest. A damaged file throws a BackupError that says nothing was changed, so call this once
 * to verify before anything is replaced, and again to restore.
 */
export async function* backupPayload(
  backup: OpenedBackup,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<Buffer> {
  const { manifest } = backup;
  const hash = createHash("sha256");
  let done = 0;
  try {
    for await (const chunk of openChunks(
      backup.handle,
      backup.header,
      backup.key,
      manifest.encryption.chunkBytes,
    )) {
      hash.update(chunk);
      done += chunk.length;
      onProgress?.(done, manifest.payload.bytes);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof DamagedBackupError) throw damaged(backup.file, error.message);
    throw error;
  }
  if (done !== manifest.payload.bytes || hash.digest("hex") !== manifest.payload.sha256) {
    throw damaged(backup.file, "its content does not match the size and SHA-256 in its manifest");
  }
}

/** A full decrypting pass that keeps nothing: proves the whole file before a restore starts. */
export async function verifyBackup(
  backup: OpenedBackup,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  for await (const _chunk of backupPayload(backup, onProgress)) {
    // Only the authentication matters here.
  }
}

function damaged(file: string, why: string): BackupError {
  return new BackupError(
    `${file} is damaged or was changed (${why}): nothing was changed; restore another backup`,
  );
}

async function openFile(file: string): Promise<FileHandle> {
  try {
    return await open(path.resolve(file), "r");
  } catch (error) {
    throw new BackupError(
      `Cannot read the backup ${file} (${(error as { code?: string }).code ?? "error"}): check the path and its permissions`,
    );
  }
}
